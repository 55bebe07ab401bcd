// Conventions of a fresh machine: the Node versions (package.json engines, inside what every tool
// of the toolchain accepts, with one clear line on any other), one user-data folder for the app
// and browser mode, where the log files go, the app icon and the licence.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_RANGE, nodeProblem, satisfies } from '../../electron/cli/engines';
import { browserCommand } from '../../electron/cli/openBrowser';
import { logFile, USER_DATA_NAME, userDataDir } from '../../electron/services/userdata';
import { CLI, ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  productName: string;
  engines: { node: string };
  build: { productName: string; mac: { icon: string }; win: { icon: string }; linux: { icon: string } };
};

describe('Node versions', () => {
  it('reads ranges as npm does for the forms package.json files use', () => {
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.18.3', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('21.7.3', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('22.12.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('23.0.0', '^20.0.0 || ^22.0.0 || >=24.0.0')).toBe(false);
    expect(satisfies('18.0.0', '>= 14')).toBe(true);
    expect(satisfies('20.0.0', '>=14.17')).toBe(true);
    expect(satisfies('v24.1.0', '>=20 <25')).toBe(true);
  });

  it('package.json engines is inside what every tool of the toolchain accepts (no 21, no 23)', () => {
    const tools = ['vite', 'vitest', 'electron-vite', 'rolldown', '@vitejs/plugin-react', 'jsdom', 'eslint'];
    const ranges = tools.map(
      (t) =>
        [
          t,
          (
            JSON.parse(readFileSync(join(ROOT, 'node_modules', t, 'package.json'), 'utf8')) as {
              engines: { node: string };
            }
          ).engines.node,
        ] as const,
    );
    expect(NODE_RANGE).toBe(pkg.engines.node);
    const probes = [];
    for (let major = 18; major <= 26; major++)
      for (const minor of [0, 12, 13, 18, 19, 20, 30]) probes.push(`${major}.${minor}.0`);
    for (const v of probes)
      if (satisfies(v, NODE_RANGE))
        for (const [tool, range] of ranges)
          expect(satisfies(v, range), `${tool} ${range} on Node ${v}`).toBe(true);
    for (const v of ['21.7.0', '23.11.0', '20.18.0', '18.20.0']) expect(satisfies(v, NODE_RANGE)).toBe(false);
    expect(satisfies(process.versions.node, NODE_RANGE)).toBe(true);
  });

  it('an unsupported Node gets one clear line from the built CLI, and nothing else', () => {
    expect(nodeProblem('20.20.2')).toBeNull();
    const fake = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.19.0"})';
    const r = spawnSync(process.execPath, ['--import', fake, CLI, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`needs Node ${NODE_RANGE.replaceAll(' || ', ' or ')}`);
    expect(r.stderr).toContain('this is Node 18.19.0');
  });
});

describe('the user-data folder', () => {
  it('is the one Electron would use for the product name, on every OS', () => {
    expect(USER_DATA_NAME).toBe(pkg.productName);
    expect(USER_DATA_NAME).toBe(pkg.build.productName);
    expect(userDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Meme Jury');
    expect(userDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Meme Jury');
    expect(userDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Meme Jury');
    expect(userDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32', 'C:/Users/u')).toMatch(
      /AppData[/\\]Roaming[/\\]Meme Jury$/,
    );
    expect(userDataDir({ MEMEJURY_USER_DATA: '/tmp/portable' }, 'linux', '/home/u')).toBe('/tmp/portable');
    expect(logFile('/d', 'main')).toBe(join('/d', 'logs', 'main.log'));
    expect(logFile('/d', 'serve')).toBe(join('/d', 'logs', 'serve.log'));
  });
});

describe('the system browser', () => {
  it('opens where there is a display, and nothing is run through a shell', () => {
    const url = 'http://127.0.0.1:1/?token=ab';
    expect(browserCommand(url, 'darwin', {})).toEqual(['open', [url]]);
    expect(browserCommand(url, 'win32', {})).toEqual(['rundll32', ['url.dll,FileProtocolHandler', url]]);
    expect(browserCommand(url, 'linux', {}, () => true)).toBeNull(); // no display: print only
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' }, () => true)).toEqual(['xdg-open', [url]]);
    expect(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'w' }, () => false)).toBeNull();
  });
});

describe('licence and icon', () => {
  it('LICENSE is the Apache License 2.0 that package.json names', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toContain('Apache License');
    expect(text).toContain('Version 2.0, January 2004');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });

  it('the installers and the window have the icon, in each format', () => {
    const png = readFileSync(join(ROOT, pkg.build.linux.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1024); // width, from the IHDR chunk
    expect(readFileSync(join(ROOT, pkg.build.mac.icon)).subarray(0, 4).toString('ascii')).toBe('icns');
    const ico = readFileSync(join(ROOT, pkg.build.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    expect(existsSync(join(ROOT, 'electron/resources/icon/icon.svg'))).toBe(true);
  });
});
