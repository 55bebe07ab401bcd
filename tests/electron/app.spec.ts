// The desktop app itself, through Playwright's Electron driver. It needs the Electron binary,
// which `npm install` downloads where there is internet; elsewhere this test is skipped with
// that reason (requiring the electron module here would try the download again).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from '../e2e/serve';

function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();

test.skip(
  !binary,
  'the Electron binary is not installed here (no download possible); run "npx install-electron" where there is internet',
);

test('opens one sandboxed window on the demo project with only window.api exposed', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'memejury-electron-'));
  const app = await electron.launch({
    executablePath: binary as string,
    args: [join(ROOT, 'out/main/index.js')],
    env: { ...process.env, MEMEJURY_USER_DATA: userData },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('project-name')).toHaveText('Demo memes');
    expect(app.windows()).toHaveLength(1);
    const exposed = await page.evaluate(() => ({
      api: typeof (window as unknown as { api?: unknown }).api,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toStrictEqual({ api: 'object', require: 'undefined', process: 'undefined' });
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences(): {
          sandbox?: boolean;
          contextIsolation?: boolean;
          nodeIntegration?: boolean;
        } | null;
      };
      const p = wc.getLastWebPreferences();
      return p
        ? { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration }
        : null;
    });
    expect(prefs).toStrictEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
