// `npm start`: the app, always. With the Electron binary installed, the desktop app (electron-vite
// preview: build, then Electron on the built app, which opens the embedded demo on a first start).
// Without it (its download failed or was skipped at npm install), one line saying so and how to fix
// it, then the same app in browser mode on the demo project: its address printed, and opened in
// the system browser where there is one. Plain JavaScript: nothing is compiled to run this.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, CLI_OUT } from './build-cli.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_VITE = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');

/**
 * The Electron executable, as electron-vite finds it (ELECTRON_EXEC_PATH, else the path the
 * electron package recorded in path.txt under its dist/ folder, or ELECTRON_OVERRIDE_DIST_PATH),
 * without requiring the package: that would start another download attempt.
 */
export function electronBinary(env = process.env) {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return existsSync(p) ? p : null;
  }
  const p = rel ? join(pkg, 'dist', rel) : '';
  return p && existsSync(p) ? p : null;
}

/** Runs a child with our terminal, passing Ctrl+C and termination on; resolves with its status. */
function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal) => () => child.kill(signal);
    const handlers = { SIGINT: forward('SIGINT'), SIGTERM: forward('SIGTERM') };
    for (const [s, h] of Object.entries(handlers)) process.on(s, h);
    child.on('error', (err) => {
      console.error(`Meme Jury: could not start ${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const [s, h] of Object.entries(handlers)) process.off(s, h);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

/** A build step whose output is shown only when it fails. */
function quietly(what, args) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return;
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  console.error(`Meme Jury: ${what} failed (above); fix it and run npm start again.`);
  process.exit(1);
}

async function main() {
  if (!existsSync(join(CLI_OUT, 'engines.mjs'))) await buildCli({ quiet: true });
  const { nodeProblem } = await import(pathToFileURL(join(CLI_OUT, 'engines.mjs')).href);
  const problem = nodeProblem();
  if (problem) {
    console.error(`Meme Jury: ${problem}`);
    return 1;
  }

  const electron = electronBinary();
  if (electron) {
    // The desktop app; electron-vite builds first and starts the binary found above.
    return run(process.execPath, [ELECTRON_VITE, 'preview'], {
      ...process.env,
      ELECTRON_EXEC_PATH: electron,
    });
  }

  console.log(
    'Meme Jury: the Electron binary is not installed (its download failed or was skipped at npm install), ' +
      'so the app opens in your browser instead; run "npx install-electron" for the desktop app.',
  );
  // The current sources, as electron-vite preview would show them.
  quietly('building the app', [ELECTRON_VITE, 'build']);
  await buildCli({ quiet: true });
  return run(process.execPath, [join(CLI_OUT, 'memejury.mjs'), 'serve', '--demo', '--open']);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = await main();
  } catch (err) {
    // One line, no stack: what went wrong is in the message (MEMEJURY_DEBUG=1 shows the stack).
    console.error(`Meme Jury could not start: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.MEMEJURY_DEBUG && err instanceof Error) console.error(err.stack);
    process.exitCode = 1;
  }
}
