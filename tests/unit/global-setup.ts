// Vitest's global setup: the CLI tests run the built command (package.json "bin"), so it is built
// from the current sources first (esbuild, well under a second) and never tested stale.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}`);
}
