// A new user's first commands: `npm start` without the Electron binary (one line, then the app in
// browser mode on the demo), `npm start` with it (the desktop app, here a stand-in binary: the real
// one cannot be downloaded on every machine), and the CLI where the installers put it (beside the
// app, resources/bin, as package.json's electron-builder extraResources lay it out).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './serve';

const START = join(ROOT, 'scripts/start.mjs');
const ADDRESS = /(http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/;

let temp = '';
let proc: ChildProcess | null = null;

test.beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'memejury-install-'));
});

test.afterEach(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc?.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
  proc = null;
  await rm(temp, { recursive: true, force: true });
});

/** Environment of a machine with no display (nothing opens a browser) and its own user data. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, MEMEJURY_USER_DATA: join(temp, 'user'), ...extra };
  delete e.DISPLAY;
  delete e.WAYLAND_DISPLAY;
  delete e.ELECTRON_EXEC_PATH;
  return e;
}

/** Starts a command and resolves with everything it printed up to the browser-mode address. */
function untilAddress(
  cmd: string,
  args: string[],
  e: NodeJS.ProcessEnv,
): Promise<{ url: string; token: string; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    proc = child;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address after 120 s:\n${out}`)), 120_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = ADDRESS.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], token: m[2], out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

test('npm start without the Electron binary: one line saying so, then the app in the browser on the demo', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // An empty override folder: the binary is missing here even on a machine that has it.
  const { url, token, out } = await untilAddress(
    process.execPath,
    [START],
    env({ ELECTRON_OVERRIDE_DIST_PATH: join(temp, 'no-electron') }),
  );
  const lines = out.trim().split('\n');
  expect(lines[0]).toMatch(/Electron binary is not installed.*npx install-electron/);
  expect(lines[1]).toMatch(/^Meme Jury \(browser mode\) for Demo memes: http/);
  expect(out).not.toMatch(/^\s+at /m); // no stack trace
  expect(existsSync(join(temp, 'user/demo-project/.memejury/project.json'))).toBe(true);

  await page.goto(url);
  await expect(page.getByTestId('profiles')).toBeVisible();
  await expect(page.getByText('Demo memes').first()).toBeVisible();

  // Browser mode's log is in the user-data folder, without the token.
  const log = await readFile(join(temp, 'user/logs/serve.log'), 'utf8');
  expect(log).toMatch(/serving .*demo-project/);
  expect(log).not.toContain(token);
});

test('npm start with the Electron binary runs the desktop app on the freshly built app', async () => {
  test.skip(
    process.platform === 'win32',
    'on Windows: the stand-in Electron binary this test puts in node_modules/electron is a shell script',
  );
  test.setTimeout(180_000);
  const record = join(temp, 'electron-args.txt');
  const fake = join(temp, 'electron');
  await writeFile(fake, `#!/bin/sh\nprintf '%s\\n%s\\n' "$PWD" "$*" > "${record}"\n`);
  chmodSync(fake, 0o755);
  const r = spawnSync(process.execPath, [START], {
    cwd: ROOT,
    env: { ...env({}), ELECTRON_EXEC_PATH: fake },
    encoding: 'utf8',
    timeout: 170_000,
  });
  expect(r.status, r.stderr).toBe(0);
  expect(`${r.stdout}${r.stderr}`).not.toContain('not installed');
  const [cwd, args] = readFileSync(record, 'utf8').split('\n');
  expect(cwd).toBe(ROOT.replace(/\/$/, ''));
  expect(args).toBe('.'); // package.json "main": the built out/main/index.js
  expect(existsSync(join(ROOT, 'out/main/index.js'))).toBe(true);
});

test('the installer puts the CLI beside the app, and it serves the app from there', async ({ page }) => {
  test.skip(
    process.platform !== 'linux',
    `on ${process.platform}: this test packs and runs the Linux layout (linux-unpacked) with electron-builder`,
  );
  test.setTimeout(180_000);
  // electron-builder packs the real layout (app.asar, extraResources) around a stand-in Electron
  // distribution, since the real one cannot be downloaded everywhere.
  const fakeElectron = join(temp, 'electron-dist');
  await mkdir(join(fakeElectron, 'resources'), { recursive: true });
  await writeFile(join(fakeElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  await writeFile(join(fakeElectron, 'version'), 'v45.4.1');
  // package.json's build config, less the fuses: flipping them needs a real Electron binary.
  const { build } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    build: Record<string, unknown>;
  };
  delete build.electronFuses;
  const config = join(temp, 'builder.json');
  await writeFile(
    config,
    JSON.stringify({ ...build, electronDist: fakeElectron, directories: { output: join(temp, 'dist') } }),
  );
  const pack = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--dir',
      '--linux',
      '--publish',
      'never',
      '--config',
      config,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 170_000 },
  );
  expect(pack.status, `${pack.stdout}${pack.stderr}`).toBe(0);
  const resources = join(temp, 'dist/linux-unpacked/resources');
  const bin = join(resources, 'bin');
  for (const f of ['memejury.mjs', 'memejury', 'memejury.cmd', 'reference/nltk_agreement.py'])
    expect(existsSync(join(bin, f)), f).toBe(true);
  for (const f of ['app.asar', 'icon.png', 'renderer/index.html', 'demo/.memejury/project.json'])
    expect(existsSync(join(resources, f)), f).toBe(true);

  const help = spawnSync(join(bin, 'memejury'), ['--help'], { encoding: 'utf8' });
  expect(help.status, help.stderr).toBe(0);
  expect(help.stdout).toContain('memejury <command>');

  const { url, out } = await untilAddress(join(bin, 'memejury'), ['serve', '--demo'], env({}));
  expect(out).not.toContain('electron-log'); // no package.json here: the log is named by us
  await page.goto(url);
  await expect(page.getByTestId('profiles')).toBeVisible();
  await expect(page.getByText('Demo memes').first()).toBeVisible();
  expect(await readFile(join(temp, 'user/logs/serve.log'), 'utf8')).toMatch(/serving .*demo-project/);
});
