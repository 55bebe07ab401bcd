// What `memejury --help` (and `memejury <command> --help`) prints, from a table of usages. The
// built CLI answers help from usage.json, written beside it at build time from the same table, so
// asking for help does not load the commands at all (start-up near `node -e 0`).
export interface UsageTable {
  usage: string;
  commands: Record<string, string>;
}

const HELP = ['--help', '-h', 'help'];

/** The answer to a request for help, or null when `argv` is not one (or names no command). */
export function helpFor(argv: readonly string[], table: UsageTable): { text: string; code: number } | null {
  const [name, ...rest] = argv;
  if (!name || HELP.includes(name)) return { text: table.usage + '\n', code: name ? 0 : 2 };
  const usage = Object.hasOwn(table.commands, name) ? table.commands[name] : undefined;
  if (usage !== undefined && (rest.includes('--help') || rest.includes('-h')))
    return { text: `memejury ${name} ${usage}\n`, code: 0 };
  return null;
}
