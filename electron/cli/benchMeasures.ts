// What \`memejury bench\` (bench.ts) measures against: the parse floor script, timed node
// processes, a server's resident memory, the browser figures of scripts/bench-browser.ts, and
// NLTK's agreement on the same labels.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { median } from 'simple-statistics';
import { buildLabelMatrix } from '../../shared/agreement';
import { Project } from '../services/project';
import { nltkScript } from './assets';

// Shipped beside the CLI (no shipped command reads from tests/ or scripts/).
const NLTK_SCRIPT = nltkScript();
const PYTHON = ['/usr/bin/python3', 'python3'];

/** The parse floor, written to the work folder and run by node as a process of its own. */
export const FLOOR_SCRIPT = `// Reads the files given and JSON.parses every line: nothing else.
import { readFileSync } from 'node:fs';
let lines = 0;
for (const file of process.argv.slice(2))
  for (const line of readFileSync(file, 'utf8').split('\\n'))
    if (line !== '') {
      JSON.parse(line);
      lines++;
    }
process.stdout.write(String(lines));
`;

function findPythonWithNltk(): string | null {
  for (const py of PYTHON) {
    const r = spawnSync(py, ['-c', 'import nltk'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

/** Runs node with `args` to the end; its wall time (ms) and output. */
export function timeNode(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const ms = performance.now() - t;
  if (r.status !== 0)
    throw new Error(
      `node ${args.slice(0, 2).join(' ')} failed: ${(r.stderr || '').trim().split('\n').pop()}`,
    );
  return { ms, stdout: r.stdout };
}

/** Resident memory of a process (MiB): /proc on Linux, ps elsewhere; null if neither answers. */
function rssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(r.stdout?.trim());
  return r.status === 0 && kb > 0 ? kb / 1024 : null;
}

/** Starts `memejury serve` on the project, lets it settle, and returns its resident memory. */
export async function serverMemory(cli: string, project: string, work: string): Promise<number | null> {
  const userData = await mkdtemp(join(work, 'user-'));
  const proc = spawn(process.execPath, [cli, 'serve', '--project', project, '--annotator', 'bench-ann'], {
    env: { ...process.env, MEMEJURY_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let text = '';
      proc.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (/http:\/\/127\.0\.0\.1:\d+\//.test(text)) resolve();
      });
      proc.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    // The server computes the first queue right after starting: measure once it is idle.
    await new Promise((r) => setTimeout(r, 3000));
    return rssMiB(proc.pid as number);
  } finally {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
  }
}

/** One run of scripts/bench-browser.ts (it prints these as JSON; the CLI reads them). */
export interface BrowserRun {
  /** Server started → address printed. */
  server_ms: number;
  /** Page opened at that address → first meme painted, the content warning answered at once. */
  first_paint_ms: number;
  /** Of which: page opened → content warning shown. */
  warning_ms: number;
  /** Keypress → next meme painted with Chromium's frame-rate limit off: the app's own time. */
  moves_ms: number[];
  /** The same at 60 frames a second, with the wait for the display's next refresh. */
  moves_60hz_ms: number[];
  /** Resident memory of the server after the moves (MiB), and its peak. */
  rss_mib: number | null;
  peak_rss_mib: number | null;
}

/** The browser figures, from scripts/bench-browser.ts (a development script, run through tsx). */
export function browserFigures(
  root: string,
  cli: string,
  items: number,
  runs: number,
): BrowserRun[] | string {
  const script = join(root, 'scripts/bench-browser.ts');
  if (!existsSync(script) || !existsSync(join(root, 'node_modules/tsx')))
    return 'needs the repository with its dev dependencies (Playwright, tsx)';
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      script,
      '--json',
      '--items',
      String(items),
      '--runs',
      String(Math.min(runs, 3)),
      '--cli',
      cli,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) return `failed: ${(r.stderr || '').trim().split('\n').pop()}`;
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as BrowserRun[];
}

export async function nltkReference(
  dir: string,
  work: string,
  runs: number,
  oursMs: number,
  ours: Record<string, number | null>,
  log: (s: string) => void,
): Promise<unknown> {
  const py = findPythonWithNltk();
  if (!py || !existsSync(NLTK_SCRIPT)) {
    log('  NLTK reference skipped: python3 with nltk not found (Debian: apt-get install python3-nltk)');
    return { skipped: 'python3-nltk not installed' };
  }
  const p = await Project.open(dir);
  const m = buildLabelMatrix(p.state, p.items, p.golds());
  await p.close();
  const A = m.annotators.length;
  const items: [number, number[]][] = [];
  for (let u = 0; u < m.items; u++) {
    const cells: number[] = [];
    for (let a = 0; a < A; a++) cells.push(m.hate[u * A + a], m.pc[u * A + a], m.attack[u * A + a]);
    items.push([m.goldHate[u], cells]);
  }
  const input = join(work, 'nltk-input.json');
  await writeFile(
    input,
    JSON.stringify({ raters: A, pc_labels: m.labels.pc, attack_labels: m.labels.attack, items }),
  );
  const nltkRuns = Math.min(runs, 3);
  const seconds: number[] = [];
  let figures: Record<string, number> = {};
  for (let i = 0; i < nltkRuns; i++) {
    const r = spawnSync(py, [NLTK_SCRIPT, input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`NLTK reference failed: ${r.stderr.trim().split('\n').pop()}`);
    const res = JSON.parse(r.stdout) as { seconds: number; figures: Record<string, number> };
    seconds.push(res.seconds * 1000);
    figures = res.figures;
  }
  let worst = 0;
  let compared = 0;
  for (const [k, v] of Object.entries(figures)) {
    const mine = ours[k];
    if (typeof mine !== 'number') continue;
    worst = Math.max(worst, Math.abs(mine - v));
    compared++;
  }
  const nltkMs = median(seconds);
  log(
    `  NLTK nltk.metrics.agreement: ${nltkMs.toFixed(0)} ms (median of ${nltkRuns}) against Meme Jury's ${oursMs.toFixed(0)} ms ` +
      `on the same labels: ${(nltkMs / oursMs).toFixed(1)}× ours; ${compared} figures compared, largest difference ${worst.toExponential(2)}`,
  );
  return { median_ms: nltkMs, runs: nltkRuns, ratio: nltkMs / oursMs, compared, max_abs_diff: worst };
}
