// The desktop app itself, through Playwright's Electron driver: the built app (package.json
// "main" → out/main/index.js; run `electron-vite build` first, as `npm run test:e2e` does).
//
// It needs the Electron binary, which `npm install` downloads where there is internet. Where it
// is missing the tests skip with that reason. The check reads node_modules/electron/path.txt
// itself: requiring the 'electron' package here would start another download attempt.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { WindowApi } from '../../shared/api';
import { CHANNEL_NAMES } from '../../shared/channels';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

test.skip(
  !binary,
  'the Electron binary is not installed (node_modules/electron/path.txt or dist/ missing; it cannot be downloaded here). Run "npx install-electron" where there is internet.',
);
test.skip(
  !!binary && noDisplay,
  'no display for Electron: run the tests under xvfb-run (or with DISPLAY set)',
);

test.describe.configure({ mode: 'serial' });

// Chromium refuses to start as root with its sandbox on (containers, CI): only then turn the
// OS-level sandbox off. The renderer's `sandbox: true` setting, tested below, is unaffected.
const chromiumArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** The environment of the app: this one, minus a dev-server URL that would replace the build. */
function appEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.ELECTRON_RENDERER_URL;
  return { ...env, MEMEJURY_USER_DATA: userData };
}

/** `window.api` inside page.evaluate (the page's own type declaration is not in scope here). */
type PageWindow = { api: WindowApi };

let userData = '';
let app: ElectronApplication;
let page: Page;
let closed = false;

test.beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'memejury-electron-'));
  app = await electron.launch({
    executablePath: binary as string,
    args: [...chromiumArgs, ROOT],
    cwd: ROOT,
    env: appEnv(),
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  if (app && !closed) await app.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('opens one window, on the demo project at first start', async () => {
  await expect(page.getByTestId('project-name')).toHaveText('Demo memes');
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe(pathToFileURL(join(ROOT, 'out/renderer/index.html')).href);
});

test('exposes window.api and nothing of Node or Electron', async () => {
  const exposed = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      api: typeof w.api,
      keys: Object.keys(w.api as object).sort(),
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      Buffer: typeof w.Buffer,
      ipcRenderer: typeof w.ipcRenderer,
      electron: typeof w.electron,
    };
  });
  const domains = [...new Set(CHANNEL_NAMES.map((c) => c.split(':')[0]))];
  expect(exposed).toStrictEqual({
    api: 'object',
    keys: [...domains, 'mediaUrl', 'on'].sort(),
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
  });
});

test('answers the contract over IPC, with clean error messages', async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const info = await page.evaluate(() => (window as unknown as PageWindow).api.app.info());
  expect(info).toStrictEqual({ version: pkg.version, mode: 'electron', dialogs: true });
  const error = await page.evaluate(() =>
    (window as unknown as PageWindow).api.project.open({ dir: 42 as unknown as string }).then(
      () => 'no error',
      (e: Error) => e.message,
    ),
  );
  expect(error).toMatch(/^project:open: field "dir"/);
  expect(error).not.toMatch(/Error invoking remote method|\n\s+at /);
});

test('runs the page sandboxed with context isolation and no Node', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences exists at run time but is missing from electron.d.ts.
    const wc = BrowserWindow.getAllWindows()[0].webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown> | null;
    };
    const p = wc.getLastWebPreferences() ?? {};
    const keys = [
      'sandbox',
      'contextIsolation',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'webviewTag',
      'webSecurity',
      'allowRunningInsecureContent',
    ];
    return Object.fromEntries(keys.map((k) => [k, p[k]]));
  });
  expect(prefs).toStrictEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
  });
});

test('refuses navigation away from the app', async () => {
  const before = page.url();
  for (const target of ['https://example.com/', 'file:///etc/passwd']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  }
  await expect(page.getByTestId('project-name')).toHaveText('Demo memes');
});

test('opens no new window; only http(s) links go to the system browser, after asking', async () => {
  // Record instead of launching a browser on the test machine; the confirmation dialog says
  // "Open in browser" (button 0) and records what it was asked.
  await app.evaluate(({ dialog, shell }) => {
    const g = globalThis as unknown as { opened: string[]; asked: string[] };
    g.opened = [];
    g.asked = [];
    shell.openExternal = async (url: string) => {
      g.opened.push(url);
    };
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const o = args[args.length - 1] as { detail: string };
      g.asked.push(o.detail);
      return { response: 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  });
  const results = await page.evaluate(() =>
    ['https://example.com/docs', 'file:///etc/passwd', 'javascript:alert(1)'].map(
      (url) => window.open(url) === null,
    ),
  );
  expect(results).toStrictEqual([true, true, true]);
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
  const { opened, asked } = await app.evaluate(
    () => globalThis as unknown as { opened: string[]; asked: string[] },
  );
  expect(asked).toStrictEqual(['https://example.com/docs']);
  expect(opened).toStrictEqual(['https://example.com/docs']);
});

test('shows project images over media:// and nothing else', async () => {
  const outcome = await page.evaluate(async () => {
    const load = (src: string) =>
      new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = src;
      });
    const api = (window as unknown as PageWindow).api;
    return {
      image: await load(api.mediaUrl('img/00001.png')),
      nested: await load(api.mediaUrl('img/batch2/00031.png')),
      missing: await load(api.mediaUrl('img/nope.png')),
      hidden: await load('media://project/.memejury/project.json'),
      traversal: await load('media://project/%2e%2e/settings.json'),
      encoded: await load(api.mediaUrl('../settings.json')),
      // Script can show images but not read them: connect-src has no media:.
      fetch: await fetch(api.mediaUrl('img/00001.png')).then(
        () => 'read',
        () => 'blocked',
      ),
    };
  });
  expect(outcome).toStrictEqual({
    image: 'loaded',
    nested: 'loaded',
    missing: 'refused',
    hidden: 'refused',
    traversal: 'refused',
    encoded: 'refused',
    fetch: 'blocked',
  });
});

test('one user-data folder with its log, and About in the menu on every OS', async () => {
  const seen = await app.evaluate(({ app: electronApp, Menu }) => {
    const top = Menu.getApplicationMenu()?.items ?? [];
    const all = top.flatMap((item) => [item, ...(item.submenu?.items ?? [])]);
    return { userData: electronApp.getPath('userData'), about: all.some((item) => item.role === 'about') };
  });
  // MEMEJURY_USER_DATA here; otherwise the folder electron/services/userdata.ts names for browser
  // mode too ("Meme Jury").
  expect(seen.userData).toBe(userData);
  expect(seen.about).toBe(true);
  expect(readFileSync(join(userData, 'logs/main.log'), 'utf8')).toMatch(/Meme Jury \S+ starting \(Electron/);
});

test('a second start hands over to this window and quits', async () => {
  const second = spawn(binary as string, [...chromiumArgs, ROOT], {
    cwd: ROOT,
    env: appEnv(),
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second instance did not quit'));
    }, 30_000);
    second.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code).toBe(0);
  expect(app.windows()).toHaveLength(1);
});

test('quitting releases the annotator lock', async () => {
  await page.evaluate(async () => {
    await (window as unknown as PageWindow).api.annotator.create({ id: 'e2e-ann' });
    await (window as unknown as PageWindow).api.annotator.select({ id: 'e2e-ann' });
  });
  const lock = join(userData, 'demo-project/.memejury/locks/e2e-ann.lock');
  expect(existsSync(lock)).toBe(true);
  closed = true;
  await app.close();
  expect(existsSync(lock)).toBe(false);
});
