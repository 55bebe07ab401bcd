// postinstall: fetch the Electron binary now, so `npm start` opens the app (current `electron`
// packages download it only on first use). Where the download is impossible (offline CI, a
// closed network) the install still succeeds with a one-line warning: the CLI, the tests and
// browser mode do not need the binary.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);

const require = createRequire(import.meta.url);
let pkgDir;
try {
  pkgDir = dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // production install without dev dependencies: nothing to fetch
}

const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
  timeout: 10 * 60 * 1000,
});
if (r.status !== 0) {
  const why = (r.stderr || r.error?.message || '').trim().split('\n')[0].slice(0, 120);
  console.warn(
    `memejury: Electron binary not downloaded (${why || 'unknown error'}); CLI, tests and browser mode work, run "npx install-electron" when online for the desktop app.`,
  );
}
