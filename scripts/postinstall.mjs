// npm install's last step: build the `memejury` command (plain JavaScript in out/cli, so it
// starts without compiling anything), say so clearly if this Node is one the toolchain does not
// support, then fetch the Electron binary where possible (scripts/ensure-electron.mjs).
import { buildCli } from './build-cli.mjs';

let built = false;
try {
  await import('esbuild');
  built = true;
} catch {
  // An install without dev dependencies: nothing to build with, and nothing here needs the CLI.
  console.warn('memejury: esbuild not installed (dev dependencies left out); the CLI is not built.');
}
if (built) {
  await buildCli({ quiet: true });
  const { nodeProblem } = await import('../out/cli/engines.mjs');
  const problem = nodeProblem();
  if (problem) console.warn(`\nmemejury: ${problem}\n`);
}
await import('./ensure-electron.mjs');
