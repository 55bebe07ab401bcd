// The built CLI answers help from usage.json (written at build time) without loading the commands:
// the answer is the one the commands give, and so are the exit codes.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { usageTable } from '../../electron/cli/main';
import { CLI } from './helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('memejury --help', () => {
  it('prints the commands’ own usage, with their exit codes', () => {
    const table = usageTable();
    expect(cli('--help')).toMatchObject({ status: 0, stdout: table.usage + '\n' });
    expect(cli('help')).toMatchObject({ status: 0, stdout: table.usage + '\n' });
    expect(cli()).toMatchObject({ status: 2, stdout: table.usage + '\n' });
    for (const [name, usage] of Object.entries(table.commands))
      expect(cli(name, '--help')).toMatchObject({ status: 0, stdout: `memejury ${name} ${usage}\n` });
    expect(cli('nope', '--help')).toMatchObject({ status: 2, stdout: '' });
  });
});
