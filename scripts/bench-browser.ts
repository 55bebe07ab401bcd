// The browser part of `memejury bench` (run by it when the CLI runs from a repository, or on its
// own: npx tsx scripts/bench-browser.ts --json). On a labeling project of 100,000 memes, per run:
// a fresh `memejury serve` and page, the time from starting the server to the first meme painted
// (the content warning answered at once), the keypress-to-painted latency of moving on (the
// renderer records it in window.__mjLatency), and the server's memory afterwards.
//
// The next-meme latency is measured twice. First with Chromium's frame-rate limit off, so that it
// is the app's own time (keypress → handled → rendered → painted) and not the wait for the
// display's next refresh; the targets apply to that figure. Then as usual, where a 60 Hz display
// adds a wait of 0 to 16.7 ms (8.3 ms on average) after the work is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import type { BrowserRun } from '../electron/cli/benchMeasures';
import { launchChromium } from './chromium';
import { makeLabelingProject } from './latencyProject';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function memory(pid: number): { rss: number | null; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number | null => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: null, peak: null }; // not Linux: no figure rather than a wrong one
  }
}

function serve(cli: string, project: string, userData: string): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [cli, 'serve', '--project', project, '--annotator', 'bench-ann'], {
      env: { ...process.env, MEMEJURY_USER_DATA: userData },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolve({ url: m[1], proc });
    });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

// Page-side code: this script is type-checked for Node, so the little of the DOM it touches is
// described here (functions, not strings: the page's CSP forbids evaluating strings).
interface PageElement {
  complete?: boolean;
  naturalWidth?: number;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  requestAnimationFrame(fn: () => void): void;
  __mjLatency?: number[];
}
async function painted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="meme-image"]');
    return !!img && !!img.complete && (img.naturalWidth ?? 0) > 0;
  });
  await page.evaluate(
    () => new Promise((r) => (globalThis as unknown as PageGlobals).requestAnimationFrame(() => r(null))),
  );
}

/** Moves on `moves` times by key ("n": not hateful, saved) and returns the latencies recorded. */
async function moveOn(page: Page, moves: number): Promise<number[]> {
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).__mjLatency = [];
  });
  for (let i = 0; i < moves; i++) {
    const before = await page.getByTestId('item-id').textContent();
    await page.keyboard.press('n');
    await page.waitForFunction(
      (b) =>
        (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="item-id"]')
          ?.textContent !== b,
      before,
    );
  }
  await page.waitForFunction(
    () =>
      (globalThis as unknown as PageGlobals).document
        .querySelector('[data-testid="saved-indicator"]')
        ?.getAttribute('data-state') === 'saved',
    undefined,
    { timeout: 60_000 },
  );
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__mjLatency ?? []);
}

/** A page on the served app, past the content warning, showing its first meme. */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.getByTestId('content-warning').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('item-id').waitFor();
  await painted(page);
  return page;
}

const NO_FRAME_LIMIT = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

async function oneRun(cli: string, project: string, moves: number): Promise<BrowserRun> {
  const userData = await mkdtemp(join(tmpdir(), 'memejury-bench-user-'));
  const browser = await launchChromium();
  let unlimited: Browser | null = null;
  let proc: ChildProcess | null = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t0 = performance.now();
    const served = await serve(cli, project, userData);
    proc = served.proc;
    const t1 = performance.now();
    await page.goto(served.url);
    await page.getByTestId('content-warning').waitFor();
    const t2 = performance.now();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-id').waitFor();
    await painted(page);
    const t3 = performance.now();
    const at60hz = await moveOn(page, moves);
    await page.close();
    unlimited = await launchChromium({ args: NO_FRAME_LIMIT });
    const own = await moveOn(await openPage(unlimited, served.url), moves);
    const mem = memory(served.proc.pid as number);
    return {
      server_ms: t1 - t0,
      first_paint_ms: t3 - t1,
      warning_ms: t2 - t1,
      moves_ms: own,
      moves_60hz_ms: at60hz,
      rss_mib: mem.rss,
      peak_rss_mib: mem.peak,
    };
  } finally {
    if (proc && proc.exitCode === null) {
      const p = proc;
      await new Promise((r) => {
        p.once('exit', r);
        p.kill('SIGTERM');
      });
    }
    await browser.close();
    await unlimited?.close();
    await rm(userData, { recursive: true, force: true });
  }
}

export async function benchBrowser(opts: {
  items: number;
  runs: number;
  moves: number;
  cli: string;
}): Promise<BrowserRun[]> {
  const root = await mkdtemp(join(tmpdir(), 'memejury-bench-browser-'));
  try {
    const project = join(root, 'project');
    await makeLabelingProject(project, join(ROOT, 'electron/resources/demo'), opts.items);
    const runs: BrowserRun[] = [];
    for (let r = 0; r < opts.runs; r++) runs.push(await oneRun(opts.cli, project, opts.moves));
    return runs;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
      moves: { type: 'string', default: '200' },
      cli: { type: 'string', default: join(ROOT, 'out/cli/memejury.mjs') },
      json: { type: 'boolean' },
    },
  });
  const runs = await benchBrowser({
    items: Number(values.items),
    runs: Number(values.runs),
    moves: Number(values.moves),
    cli: values.cli as string,
  });
  if (values.json) process.stdout.write(JSON.stringify(runs) + '\n');
  else
    for (const r of runs) {
      const q = (xs: number[], p: number): string => {
        const s = [...xs].sort((a, b) => a - b);
        return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))].toFixed(1);
      };
      console.log(
        `server ${r.server_ms.toFixed(0)} ms, first meme painted ${r.first_paint_ms.toFixed(0)} ms (warning at ${r.warning_ms.toFixed(0)}), ` +
          `next meme p50 ${q(r.moves_ms, 50)} ms p95 ${q(r.moves_ms, 95)} ms (frame-rate limit off; at 60 Hz p50 ${q(r.moves_60hz_ms, 50)} p95 ${q(r.moves_60hz_ms, 95)}), ` +
          `server RSS ${r.rss_mib?.toFixed(0)} MiB (peak ${r.peak_rss_mib?.toFixed(0)})`,
      );
    }
}
