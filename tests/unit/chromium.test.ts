// The order in which scripts/chromium.ts looks for a browser, with fake existence checks.
import { describe, expect, it } from 'vitest';
import { BASE_ARGS, findChromium, findInstalledChromium, type LookupDeps } from '../../scripts/chromium';

const PW = '/home/u/.cache/ms-playwright/chromium-1234/chrome-linux/chrome';
const SPARTICUZ_ARGS = [
  '--no-pings',
  '--single-process',
  '--disable-features=AudioServiceOutOfProcess,IsolateOrigins,site-per-process',
  '--disable-web-security',
  "--headless='shell'",
  '--no-sandbox',
  '--no-zygote',
];

function deps(files: string[], over: Partial<LookupDeps> = {}): LookupDeps & { extracted: number } {
  const d = {
    env: {},
    platform: 'linux' as NodeJS.Platform,
    home: '/home/u',
    isFile: (p: string) => files.includes(p),
    playwrightPath: () => PW,
    extracted: 0,
    async sparticuz() {
      d.extracted++;
      return { executablePath: '/tmp/chromium', args: SPARTICUZ_ARGS };
    },
    ...over,
  };
  return d;
}

describe('Chromium lookup order', () => {
  const everything = [PW, '/usr/bin/chromium', '/usr/bin/google-chrome', '/env/chrome'];

  it('takes MEMEJURY_CHROMIUM first, and refuses one that does not exist', async () => {
    const d = deps(everything, { env: { MEMEJURY_CHROMIUM: '/env/chrome' } });
    expect(await findChromium(d)).toEqual({ executablePath: '/env/chrome', args: BASE_ARGS, source: 'env' });
    expect(() => findInstalledChromium(deps([], { env: { MEMEJURY_CHROMIUM: '/nope' } }))).toThrow(
      'MEMEJURY_CHROMIUM=/nope: no such file',
    );
  });

  it("then Playwright's installed browser, then the system's, in the listed order", async () => {
    expect((await findChromium(deps(everything))).source).toBe('playwright');
    const sys = await findChromium(deps(['/usr/bin/google-chrome', '/usr/bin/chromium']));
    expect(sys).toMatchObject({ executablePath: '/usr/bin/chromium', source: 'system' });
    expect((await findChromium(deps(['/usr/lib64/chromium-browser/chromium-browser']))).executablePath).toBe(
      '/usr/lib64/chromium-browser/chromium-browser',
    );
    const noPw = deps(['/usr/bin/chromium-browser'], { playwrightPath: () => undefined });
    expect((await findChromium(noPw)).executablePath).toBe('/usr/bin/chromium-browser');
  });

  it('knows the macOS and Windows locations', async () => {
    const mac = deps(['/Applications/Chromium.app/Contents/MacOS/Chromium'], { platform: 'darwin' });
    expect((await findChromium(mac)).executablePath).toBe(
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
    const exe = 'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const win = deps([exe], {
      platform: 'win32',
      env: { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
    });
    expect(await findChromium(win)).toMatchObject({ executablePath: exe, source: 'system' });
  });

  it('falls back to @sparticuz/chromium, extracting it only then, with its flags merged into ours', async () => {
    const d = deps([]);
    expect(findInstalledChromium(d)).toBeNull();
    expect(d.extracted).toBe(0);
    const c = await findChromium(d);
    expect(d.extracted).toBe(1);
    expect(c.source).toBe('sparticuz');
    expect(c.executablePath).toBe('/tmp/chromium');
    expect(c.args.slice(0, BASE_ARGS.length)).toEqual(BASE_ARGS);
    expect(c.args).toContain('--no-zygote');
    expect(c.args).toContain('--no-pings');
    expect(c.args.filter((a) => a === '--no-sandbox')).toHaveLength(1);
    for (const dropped of ['--single-process', '--disable-web-security', "--headless='shell'"])
      expect(c.args).not.toContain(dropped);
    expect(c.args.some((a) => a.startsWith('--disable-features'))).toBe(false);
  });

  it('MEMEJURY_NO_SYSTEM_BROWSER=1 skips Playwright and system browsers (MEMEJURY_CHROMIUM still wins)', async () => {
    const d = deps(everything, { env: { MEMEJURY_NO_SYSTEM_BROWSER: '1' } });
    expect((await findChromium(d)).source).toBe('sparticuz');
    const e = deps(everything, {
      env: { MEMEJURY_NO_SYSTEM_BROWSER: '1', MEMEJURY_CHROMIUM: '/env/chrome' },
    });
    expect((await findChromium(e)).source).toBe('env');
  });

  it('says how to fix it when even @sparticuz/chromium fails', async () => {
    const d = deps([], {
      sparticuz: async () => {
        throw new Error('unsupported platform');
      },
    });
    await expect(findChromium(d)).rejects.toThrow(/unsupported platform.*MEMEJURY_CHROMIUM/);
  });
});
