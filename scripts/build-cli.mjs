// Builds the `memejury` command to plain JavaScript: out/cli/memejury.mjs (+ its chunks), with the
// NLTK reference script beside it (memejury bench runs it). Runs at `npm install` (postinstall)
// and in `npm run build`; the CLI never compiles TypeScript at run time. Plain JavaScript itself,
// so it runs before anything is built.
import { chmod, cp, rm, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(ROOT, 'out/cli');

export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const t = performance.now();
  await rm(CLI_OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    // memejury: the command; engines: the Node version check, also read by scripts/start.mjs.
    // main: the commands (loaded by memejury.mjs, and here for the usage table).
    entryPoints: {
      memejury: 'electron/cli/memejury.ts',
      engines: 'electron/cli/engines.ts',
      main: 'electron/cli/main.ts',
    },
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside the entry, so import.meta.url means the same folder in every one of them.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true, // the version check runs before the commands are even parsed
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Dependencies are bundled too: the CLI beside an installed app has no node_modules.
    // CommonJS ones (electron-log) call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __mjCreateRequire } from 'node:module'; const require = __mjCreateRequire(import.meta.url);",
    },
    minify: true,
    keepNames: false,
    sourcemap: 'linked',
    legalComments: 'external',
    logLevel: 'warning',
  });
  // What ships beside it: the NLTK reference script (memejury bench) and the launchers an installed
  // app's resources/bin holds (package.json build.extraResources copies out/cli there).
  await cp(join(ROOT, 'electron/cli/reference'), join(CLI_OUT, 'reference'), { recursive: true });
  await cp(join(ROOT, 'electron/cli/bin'), CLI_OUT, { recursive: true });
  // Run directly as a command too (npx memejury, the package's bin): the entry keeps its #! line.
  await chmod(join(CLI_OUT, 'memejury.mjs'), 0o755);
  // `memejury --help` answers from this table without loading the commands (electron/cli/help.ts).
  const { usageTable } = await import(pathToFileURL(join(CLI_OUT, 'main.mjs')).href);
  await writeFile(join(CLI_OUT, 'usage.json'), JSON.stringify(usageTable()));
  if (!quiet)
    console.error(`memejury CLI built: out/cli/memejury.mjs (${Math.round(performance.now() - t)} ms)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
