#!/usr/bin/env node
// Entry point of the `memejury` command, built to plain JavaScript (out/cli/memejury.mjs, by
// scripts/build-cli.mjs at install and build time). It checks the Node version first and only then
// loads the commands, so an unsupported Node gets one clear line rather than a syntax error; help
// comes from usage.json (written at build time), without loading the commands at all.
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { nodeProblem } from './engines';
import { helpFor, type UsageTable } from './help';

const problem = nodeProblem();
if (problem) {
  process.stderr.write(`memejury: ${problem}\n`);
  process.exit(1);
}
// Node 22.1+ keeps the compiled code of the commands between runs (Node's own cache folder in
// the temporary directory); Node 20 compiles each time.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const argv = process.argv.slice(2);
let table: UsageTable | null = null;
try {
  table = JSON.parse(readFileSync(new URL('./usage.json', import.meta.url), 'utf8')) as UsageTable;
} catch {
  // Not built (run from the sources): the commands answer help themselves.
}
const help = table && helpFor(argv, table);
if (help) {
  process.stdout.write(help.text);
  process.exitCode = help.code;
} else {
  const { run } = await import('./main');
  process.exitCode = await run(argv);
}
