// The `memejury` command. Each command is a thin layer over electron/services; errors are one
// line on stderr and a non-zero exit status.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { growYoungGenerationFast } from '../services/memory';
import { UsageError } from './args';
import { COMMANDS, type Command } from './commands';
import { helpFor, type UsageTable } from './help';

/** Every command's usage (scripts/build-cli.mjs writes it to usage.json beside the built CLI). */
export function usageTable(): UsageTable {
  const usage = `memejury <command> [options]

${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.usage}`)
  .join('\n')}

Run "memejury <command> --help" for one command.`;
  return { usage, commands: Object.fromEntries(Object.entries(COMMANDS).map(([n, c]) => [n, c.usage])) };
}

export async function run(argv: string[]): Promise<number> {
  const help = helpFor(argv, usageTable());
  if (help) {
    process.stdout.write(help.text);
    return help.code;
  }
  const [name, ...rest] = argv;
  const cmd: Command | undefined = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`memejury: unknown command "${name}" (try "memejury --help")\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: cmd.options as ParseArgsConfig['options'],
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    process.stderr.write(`memejury ${name}: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  // A command reads a project and exits (serve, long-running, keeps it small again: Backend).
  growYoungGenerationFast();
  try {
    return await cmd.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`memejury ${name}: ${msg.split('\n')[0]}\n`);
    if (process.env.MEMEJURY_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
