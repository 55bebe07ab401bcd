// `memejury bench`: a synthetic project of N items × 3 annotators, and every figure issue 11 asks
// of it, each with its target and the reference it is a ratio of, measured in the same run:
//   - the parse floor: a node process that only reads the files `memejury stats` reads and
//     JSON.parses every line; `memejury stats --json`, `import` and `export` as whole processes
//     against it;
//   - `memejury --help` against `node -e 0`;
//   - NLTK's nltk.metrics.agreement on the same labels (the reference implementation: same
//     figures, and its time against ours);
//   - browser mode: the first meme painted, the next meme (keypress to painted, p50 and p95), by
//     scripts/bench-browser.ts when the CLI runs from a repository (it needs Playwright and a
//     Chromium); and the server's memory with the N × 3 project open.
// Medians of --runs runs; the in-process stages (open, gold, agreement, export) are shown too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, quantileSorted } from 'simple-statistics';
import { buildLabelMatrix, computeAgreement, flattenAgreement } from '../../shared/agreement';
import { goldForAll } from '../../shared/state';
import { exportGold } from '../services/exporter';
import { collectGarbage } from '../services/memory';
import { Project } from '../services/project';
import { syntheticFghm } from '../services/synthetic';
import { out } from './args';
import { nltkScript, repositoryRoot } from './assets';

export interface BenchOptions {
  items: number;
  runs: number;
  json: boolean;
  nltk: boolean;
  browser: boolean;
}

/** The targets of issue 11, part 5. */
export const TARGETS = {
  statsOverFloor: 1.5,
  importOverFloor: 2,
  exportOverFloor: 2,
  helpOverNode: 2.5,
  firstPaintMs: 1000,
  nextP50Ms: 8,
  nextP95Ms: 16,
  serverMiB: 150,
} as const;

// Shipped beside the CLI (no shipped command reads from tests/ or scripts/).
const NLTK_SCRIPT = nltkScript();
const PYTHON = ['/usr/bin/python3', 'python3'];

/** The parse floor, written to the work folder and run by node as a process of its own. */
const FLOOR_SCRIPT = `// Reads the files given and JSON.parses every line: nothing else.
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
function timeNode(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string } {
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
async function serverMemory(cli: string, project: string, work: string): Promise<number | null> {
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

interface BrowserRun {
  server_ms: number;
  first_paint_ms: number;
  warning_ms: number;
  moves_ms: number[];
  rss_mib: number | null;
  peak_rss_mib: number | null;
}

/** The browser figures, from scripts/bench-browser.ts (a development script, run through tsx). */
function browserFigures(root: string, cli: string, opts: BenchOptions): BrowserRun[] | string {
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
      String(opts.items),
      '--runs',
      String(Math.min(opts.runs, 3)),
      '--cli',
      cli,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) return `failed: ${(r.stderr || '').trim().split('\n').pop()}`;
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as BrowserRun[];
}

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return quantileSorted(s, p);
}

interface Row {
  figure: string;
  median: number | null;
  unit: 'ms' | 'MiB' | 'lines';
  target: string;
  reference: string;
  /** median / reference (or / target for absolute targets), and whether the target is met. */
  ratio: number | null;
  met: boolean | null;
}

export async function runBench(opts: BenchOptions): Promise<void> {
  const log = (s: string): void => {
    if (!opts.json) out(s);
  };
  const cli = process.argv[1];
  const work = await mkdtemp(join(tmpdir(), 'memejury-bench-'));
  const samples: Record<string, number[]> = {
    floor: [],
    stats: [],
    import: [],
    export: [],
    node: [],
    help: [],
    serverMiB: [],
    open: [],
    gold: [],
    agreement: [],
    exportInProcess: [],
  };
  let lines = 0;
  let flat: Record<string, number | null> = {};
  let dir = '';
  try {
    log(
      `Meme Jury benchmark: ${opts.items.toLocaleString('en')} items × 3 annotators, ${opts.runs} runs (medians); ` +
        `Node ${process.version} on ${process.platform} ${process.arch}, ${cpus().length} CPUs`,
    );
    const src = join(work, 'synthetic.jsonl');
    await writeFile(
      src,
      syntheticFghm(opts.items)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const floorScript = join(work, 'floor.mjs');
    await writeFile(floorScript, FLOOR_SCRIPT);
    for (let run = 0; run < opts.runs; run++) {
      log(`  run ${run + 1} of ${opts.runs}…`);
      dir = join(work, `project-${run}`);
      timeNode([cli, 'init', dir, '--name', 'bench']);
      samples.import.push(timeNode([cli, 'import', src, '--project', dir]).ms);

      // In process: the stages, and the files the project is read from (those the floor reads).
      collectGarbage();
      let t = performance.now();
      const p = await Project.open(dir);
      samples.open.push(performance.now() - t);
      t = performance.now();
      const golds = goldForAll(p.state, p.items, p.policy());
      samples.gold.push(performance.now() - t);
      t = performance.now();
      flat = flattenAgreement(
        computeAgreement(buildLabelMatrix(p.state, p.items, golds, p.policy()), p.fullOverlap()),
      );
      samples.agreement.push(performance.now() - t);
      t = performance.now();
      await exportGold(p, join(work, `export-in-${run}.jsonl`), { format: 'fghm', policy: p.policy() });
      samples.exportInProcess.push(performance.now() - t);
      const files = [
        ...p.itemListFiles.map((f) => join(p.paths.dir, f)),
        ...[...p.positions.keys()].filter((f) => existsSync(f)),
      ];
      await p.close();
      collectGarbage();

      const floor = timeNode([floorScript, ...files]);
      samples.floor.push(floor.ms);
      lines = Number(floor.stdout);
      samples.stats.push(timeNode([cli, 'stats', '--project', dir, '--json']).ms);
      samples.export.push(
        timeNode([cli, 'export', '--project', dir, '--out', join(work, `export-${run}.jsonl`)]).ms,
      );
      for (let k = 0; k < 3; k++) {
        samples.node.push(timeNode(['-e', '0']).ms);
        samples.help.push(timeNode([cli, '--help']).ms);
      }
      const mem = await serverMemory(cli, dir, work);
      if (mem !== null) samples.serverMiB.push(mem);
      if (run < opts.runs - 1) await rm(dir, { recursive: true, force: true });
    }

    const med = (k: string): number | null => (samples[k].length ? median(samples[k]) : null);
    const floorMs = med('floor') as number;
    const nodeMs = med('node') as number;
    const rows: Row[] = [];
    const versus = (
      figure: string,
      k: string,
      ref: number,
      refName: string,
      limit: number,
      of: string,
    ): void => {
      const m = med(k) as number;
      rows.push({
        figure,
        median: m,
        unit: 'ms',
        target: `≤ ${limit}× ${of}`,
        reference: `${refName} ${ref.toFixed(0)} ms`,
        ratio: m / ref,
        met: m / ref <= limit,
      });
    };
    const absolute = (figure: string, m: number | null, unit: Row['unit'], limit: number): void => {
      rows.push({
        figure,
        median: m,
        unit,
        target: `≤ ${limit} ${unit}`,
        reference: '—',
        ratio: m === null ? null : m / limit,
        met: m === null ? null : m <= limit,
      });
    };
    rows.push({
      figure: 'parse floor (node: read, JSON.parse)',
      median: floorMs,
      unit: 'ms',
      target: '—',
      reference: `${lines.toLocaleString('en')} lines`,
      ratio: 1,
      met: null,
    });
    versus('memejury stats --json', 'stats', floorMs, 'floor', TARGETS.statsOverFloor, 'floor');
    versus('memejury import', 'import', floorMs, 'floor', TARGETS.importOverFloor, 'floor');
    versus('memejury export', 'export', floorMs, 'floor', TARGETS.exportOverFloor, 'floor');
    versus('memejury --help', 'help', nodeMs, 'node -e 0', TARGETS.helpOverNode, 'node -e 0');
    absolute(
      `server memory, ${opts.items.toLocaleString('en')} × 3 open (RSS)`,
      med('serverMiB'),
      'MiB',
      TARGETS.serverMiB,
    );

    const result: Record<string, unknown> = {
      items: opts.items,
      runs: opts.runs,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      samples,
      stages_ms: {
        open: med('open'),
        gold: med('gold'),
        agreement: med('agreement'),
        export: med('exportInProcess'),
      },
    };

    if (opts.browser) {
      const root = repositoryRoot();
      const b = root ? browserFigures(root, cli, opts) : 'needs the repository (Playwright and a Chromium)';
      if (typeof b === 'string') {
        log(`  browser figures skipped: ${b}`);
        result.browser = { skipped: b };
      } else {
        const paints = b.map((r) => r.first_paint_ms);
        const moves = b.flatMap((r) => r.moves_ms);
        absolute('browser: open → first meme painted', median(paints), 'ms', TARGETS.firstPaintMs);
        absolute('browser: next meme p50', quantile(moves, 0.5), 'ms', TARGETS.nextP50Ms);
        absolute('browser: next meme p95', quantile(moves, 0.95), 'ms', TARGETS.nextP95Ms);
        const rss = b.map((r) => r.rss_mib).filter((x): x is number => x !== null);
        absolute(
          'server memory after 200 memes labeled (RSS)',
          rss.length ? median(rss) : null,
          'MiB',
          TARGETS.serverMiB,
        );
        result.browser = {
          runs: b.length,
          first_paint_ms: paints,
          server_start_ms: b.map((r) => r.server_ms),
          moves: moves.length,
          rss_mib: rss,
        };
      }
    }

    log('');
    log(
      `  ${'figure'.padEnd(46)} ${'median'.padStart(10)}  ${'target'.padEnd(18)} ${'reference'.padEnd(22)} ${'ratio'.padStart(7)}`,
    );
    for (const r of rows) {
      const value = r.median === null ? '—' : `${r.median.toFixed(r.median < 100 ? 1 : 0)} ${r.unit}`;
      const ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
      const verdict = r.met === null ? '' : r.met ? '  met' : '  MISSED';
      log(
        `  ${r.figure.padEnd(46)} ${value.padStart(10)}  ${r.target.padEnd(18)} ${r.reference.padEnd(22)} ${ratio.padStart(7)}${verdict}`,
      );
    }
    const stages = result.stages_ms as Record<string, number | null>;
    log(
      `  in process: open ${stages.open?.toFixed(0)} ms, gold ${stages.gold?.toFixed(0)} ms, agreement ${stages.agreement?.toFixed(0)} ms, export ${stages.export?.toFixed(0)} ms`,
    );
    result.figures = rows;
    if (opts.nltk) result.nltk = await nltkReference(dir, work, opts, med('agreement') as number, flat, log);
    if (opts.json) out(JSON.stringify(result));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function nltkReference(
  dir: string,
  work: string,
  opts: BenchOptions,
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
  const nltkRuns = Math.min(opts.runs, 3);
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
