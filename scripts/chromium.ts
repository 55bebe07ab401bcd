// The one Chromium finder for the end-to-end tests (playwright.config.ts) and the development
// scripts (demo generator, screenshots). Nothing is ever downloaded. In order:
//   1. env MEMEJURY_CHROMIUM (a path; an error if that file does not exist),
//   2. Playwright's own installed browsers (`npx playwright install chromium`), if present,
//   3. a system Chrome or Chromium (Debian/Ubuntu, Fedora, snap, macOS, Windows locations),
//   4. @sparticuz/chromium: a headless Chromium inside the npm package (a devDependency; Linux
//      x64/arm64), extracted to the temp folder on first use.
// MEMEJURY_NO_SYSTEM_BROWSER=1 skips 2 and 3, to prove a machine with no browser works.
import { chromium as playwrightChromium, type Browser, type LaunchOptions } from '@playwright/test';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export type ChromiumSource = 'env' | 'playwright' | 'system' | 'sparticuz';

export interface ChromiumChoice {
  executablePath: string;
  /** Flags for a closed network and a container: pass as launch args. */
  args: string[];
  source: ChromiumSource;
}

/** Our flags: no sandbox (root in CI containers), no GPU, and no connection the tests did not ask for. */
export const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * @sparticuz/chromium's recommended flags we leave out:
 * - the ones that switch off web security, which the end-to-end tests rely on (same-origin
 *   checks, the CSP);
 * - "--single-process" (for AWS Lambda's sandbox): the browser dies when Playwright opens the
 *   second browser context, i.e. every other test;
 * - its "--disable-features"/"--enable-features": Chromium keeps only the last of a repeated
 *   switch, so they would replace Playwright's own lists;
 * - "--headless='shell'": Playwright passes the headless flag itself.
 */
const SPARTICUZ_DROPPED = [
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
  '--disable-features',
  '--enable-features',
  '--headless',
];

/** What the lookup needs from the machine; the unit test passes fakes. */
export interface LookupDeps {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** true for an existing regular file. */
  isFile(path: string): boolean;
  /** Where Playwright's own Chromium would be installed (it may not be). */
  playwrightPath(): string | undefined;
  /** Extracts @sparticuz/chromium's browser (if needed) and returns its path and flags. */
  sparticuz(): Promise<{ executablePath: string; args: string[] }>;
}

/** System locations of Chrome and Chromium, most usual first. */
export function systemCandidates(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => join(home, 'Applications', a))];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => !!r,
    );
    return roots.flatMap((r) => [
      win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium', // Debian
    '/usr/bin/chromium-browser', // Fedora, older Ubuntu
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/lib64/chromium-browser/chromium-browser', // Fedora's real binary
    '/usr/lib/chromium/chromium', // Debian's real binary
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium', // last: snap confinement may refuse Playwright's profile folder
  ];
}

function merge(ours: readonly string[], theirs: readonly string[]): string[] {
  const kept = theirs.filter((a) => !SPARTICUZ_DROPPED.some((d) => a === d || a.startsWith(`${d}=`)));
  return [...new Set([...ours, ...kept])];
}

/** Steps 1–3, with no side effect: null when only @sparticuz/chromium is left. */
export function findInstalledChromium(deps: LookupDeps): ChromiumChoice | null {
  const fromEnv = deps.env.MEMEJURY_CHROMIUM;
  if (fromEnv) {
    if (!deps.isFile(fromEnv)) throw new Error(`MEMEJURY_CHROMIUM=${fromEnv}: no such file`);
    return { executablePath: fromEnv, args: [...BASE_ARGS], source: 'env' };
  }
  if (deps.env.MEMEJURY_NO_SYSTEM_BROWSER === '1') return null;
  const pw = deps.playwrightPath();
  if (pw && deps.isFile(pw)) return { executablePath: pw, args: [...BASE_ARGS], source: 'playwright' };
  for (const path of systemCandidates(deps.platform, deps.env, deps.home))
    if (deps.isFile(path)) return { executablePath: path, args: [...BASE_ARGS], source: 'system' };
  return null;
}

/** Steps 1–4: a Chromium to launch, or an error saying how to get one. */
export async function findChromium(deps: LookupDeps = realDeps()): Promise<ChromiumChoice> {
  const found = findInstalledChromium(deps);
  if (found) return found;
  let sp: { executablePath: string; args: string[] };
  try {
    sp = await deps.sparticuz();
  } catch (err) {
    throw new Error(
      `no Chromium found (MEMEJURY_CHROMIUM, Playwright's browsers, a system Chrome/Chromium) and ` +
        `@sparticuz/chromium failed: ${(err as Error).message}. Set MEMEJURY_CHROMIUM to a Chrome or Chromium binary.`,
    );
  }
  return { executablePath: sp.executablePath, args: merge(BASE_ARGS, sp.args), source: 'sparticuz' };
}

export function realDeps(): LookupDeps {
  return {
    env: process.env,
    platform: process.platform,
    home: homedir(),
    isFile: (path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    playwrightPath: () => {
      try {
        return playwrightChromium.executablePath() || undefined;
      } catch {
        return undefined; // a platform Playwright has no build for
      }
    },
    sparticuz: async () => {
      const { default: Sparticuz } = await import('@sparticuz/chromium');
      Sparticuz.setGraphicsMode = false; // we run with --disable-gpu: no WebGL, no SwiftShader flags
      return { executablePath: await Sparticuz.executablePath(), args: Sparticuz.args };
    },
  };
}

export function describeChoice(c: ChromiumChoice): string {
  const what = {
    env: 'MEMEJURY_CHROMIUM',
    playwright: "Playwright's installed Chromium",
    system: 'system Chrome/Chromium',
    sparticuz: '@sparticuz/chromium, from npm',
  }[c.source];
  return `Chromium: ${c.executablePath} (${what})`;
}

/** Launches the Chromium found above for the scripts, headless, with the same flags as the tests. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const choice = await findChromium();
  console.error(describeChoice(choice));
  return playwrightChromium.launch({
    ...options,
    executablePath: choice.executablePath,
    args: [...choice.args, ...(options.args ?? [])],
  });
}
