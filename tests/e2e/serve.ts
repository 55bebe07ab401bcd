// Starts `memejury serve` on a throwaway copy of a project, as a user would, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO = join(ROOT, 'electron/resources/demo');
/** The built `memejury` command (package.json "bin"; `npm run test:e2e` builds it). */
export const CLI = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { memejury: string } }).bin
    .memejury,
);

export interface Served {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export async function tempCopy(src: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'memejury-e2e-'));
  await cp(src, join(dir, 'project'), { recursive: true });
  return join(dir, 'project');
}

export async function removeTemp(projectDir: string): Promise<void> {
  await rm(join(projectDir, '..'), { recursive: true, force: true });
}

/** Runs the CLI's browser mode and resolves with the address it prints. */
export function startServe(project: string, userData: string, extra: string[] = []): Promise<Served> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CLI, 'serve', '--project', project, ...extra], {
      cwd: ROOT,
      env: { ...process.env, MEMEJURY_USER_DATA: userData },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          proc,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
      }
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

export interface DemoSession {
  project: string;
  userData: string;
  served: Served;
}

/**
 * Each test of the calling file gets its own copy of the demo project, its own settings folder
 * and its own `memejury serve`, stopped and removed afterwards.
 */
export function serveDemoPerTest(extra: string[] = []): DemoSession {
  const session = {} as DemoSession;
  test.beforeEach(async () => {
    session.project = await tempCopy(DEMO);
    session.userData = await mkdtemp(join(tmpdir(), 'memejury-user-'));
    session.served = await startServe(session.project, session.userData, extra);
  });
  test.afterEach(async () => {
    await session.served?.stop();
    await removeTemp(session.project);
    await rm(session.userData, { recursive: true, force: true });
  });
  return session;
}

/**
 * Makes the open profile the lead of the demo project (which has none yet) from the project
 * screen, as a new lead does, and leaves lead mode on.
 */
export async function becomeLead(page: Page): Promise<void> {
  await page.getByTestId('nav-start').click();
  await page.getByTestId('become-lead').click();
  await expect(page.getByTestId('lead-toggle')).toHaveText(/Turn off lead mode/);
}

/** Opens the app and passes the content warning into the labeling screen. */
export async function openLabeling(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('content-warning')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-id')).toBeVisible();
}

/**
 * Goes to meme `id` as a user does (`/`, the id, Enter) and waits until the dialog has closed:
 * until then the keys that follow go to its search field (Enter before the results for what was
 * typed have come waits for them), even when the meme on display already has that id.
 */
export async function goToMeme(page: Page, id: string | number): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-dialog')).toBeVisible();
  await page.keyboard.type(String(id));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-dialog')).toBeHidden();
}
