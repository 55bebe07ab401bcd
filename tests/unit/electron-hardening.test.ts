// The Electron shell's hardening that needs no Electron binary to check: the confirmation before
// a link leaves the app, MEMEJURY_USER_DATA ignored by a packaged app, and the fuses
// electron-builder flips in packaged builds. (The binary cannot be downloaded here; the parts that
// need it run in tests/electron, which skip with that reason.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalLinkPrompt, userDataEnv } from '../../electron/main/security';
import { userDataDir } from '../../electron/services/userdata';
import { ROOT } from './helpers';

describe('external links', () => {
  it('are opened only after the user says so, Cancel being the default', () => {
    const p = externalLinkPrompt('https://example.com/docs?q=1');
    expect(p).toMatchObject({
      type: 'question',
      buttons: ['Open in browser', 'Cancel'],
      openButton: 0,
      defaultId: 1,
      cancelId: 1,
      message: 'Open example.com in your web browser?',
      detail: 'https://example.com/docs?q=1',
    });
    // The host is named on its own: a look-alike is seen before anything opens.
    expect(externalLinkPrompt('https://paypal.com.evil.example/login')?.message).toContain(
      'paypal.com.evil.example',
    );
    expect(externalLinkPrompt(`https://example.com/${'a'.repeat(2000)}`)?.detail.length).toBeLessThan(510);
  });

  it('are never offered for anything but http(s) without credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://h/s',
      'https://u:p@example.com/',
      'x',
    ])
      expect(externalLinkPrompt(url), url).toBeNull();
  });
});

describe('user-data folder', () => {
  it('MEMEJURY_USER_DATA is honoured in development and ignored by a packaged app', () => {
    const env = { MEMEJURY_USER_DATA: '/tmp/elsewhere', HOME: '/home/u' };
    expect(userDataDir(userDataEnv(env, false), 'linux', '/home/u')).toBe('/tmp/elsewhere');
    expect(userDataDir(userDataEnv(env, true), 'linux', '/home/u')).toBe('/home/u/.config/Meme Jury');
    expect(env.MEMEJURY_USER_DATA).toBe('/tmp/elsewhere'); // the process environment is left alone
    expect(userDataEnv({ HOME: '/h' }, true)).toStrictEqual({ HOME: '/h' });
  });

  it('electron/main takes the folder through userDataEnv with app.isPackaged', () => {
    const main = readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(
      /app\.setPath\('userData', userDataDir\(userDataEnv\(process\.env, app\.isPackaged\)\)\)/,
    );
    // The one place a link leaves the app is behind the dialog's answer.
    expect(main.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(main).toMatch(/if \(response === prompt\.openButton\) await shell\.openExternal\(url\)/);
  });
});

describe('Electron fuses of packaged builds', () => {
  it('turn off running as Node, NODE_OPTIONS and inspector flags, encrypt cookies, load only from asar', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      build: { electronFuses?: Record<string, boolean>; asar?: boolean };
    };
    expect(pkg.build.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
    // onlyLoadAppFromAsar needs the app inside app.asar (electron-builder's default).
    expect(pkg.build.asar).not.toBe(false);
  });
});
