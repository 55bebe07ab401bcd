// `npm run soak`: the long kill tests. Hundreds of SIGKILLs of a labeling app, memejury forget,
// export and import (tests/unit/kill.ts says what must hold after each), then the figures:
// attempts, kills and losses per scenario. Exit status 1 if anything was lost.
//   npm run soak                      (defaults: 150 saves, 100 forgets, 100 exports, 100 imports)
//   npm run soak -- --saves 20 --forget 10 --export 10 --import 10
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killExport, killForget, killImport, killSaves, report, type Tally } from '../tests/unit/kill';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    saves: { type: 'string', default: '150' },
    forget: { type: 'string', default: '100' },
    export: { type: 'string', default: '100' },
    import: { type: 'string', default: '100' },
  },
});

// The kills run the built command, as users do: build it from the current sources first.
const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (built.status !== 0 || !existsSync(join(ROOT, 'out/cli/memejury.mjs'))) process.exit(2);

const t0 = Date.now();
const tallies: Tally[] = [];
for (const [name, run] of [
  ['saves', killSaves],
  ['forget', killForget],
  ['export', killExport],
  ['import', killImport],
] as const) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  if (n === 0) continue;
  process.stderr.write(`${name}: ${n} attempts…\n`);
  tallies.push(await run(n));
}
process.stdout.write(`${report(tallies)}\n(${Math.round((Date.now() - t0) / 1000)} s)\n`);
process.exit(tallies.some((t) => t.losses > 0) ? 1 : 0);
