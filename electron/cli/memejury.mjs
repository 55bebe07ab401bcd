#!/usr/bin/env node
// Entry point of the `memejury` command: runs the TypeScript sources through tsx so the CLI works
// right after `npm install`, without a build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
