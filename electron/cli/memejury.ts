// Entry point of the `memejury` command, built to plain JavaScript (out/cli/memejury.mjs, by
// scripts/build-cli.mjs at install and build time). It checks the Node version first and only then
// loads the commands, so an unsupported Node gets one clear line rather than a syntax error.
import { nodeProblem } from './engines';

const problem = nodeProblem();
if (problem) {
  process.stderr.write(`memejury: ${problem}\n`);
  process.exit(1);
}
const { run } = await import('./main');
process.exitCode = await run(process.argv.slice(2));
