// `memejury bench`: times the core at scale on a synthetic project and, in the same run, NLTK's
// nltk.metrics.agreement on the same labels (the reference implementation of the statistics).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { median } from 'simple-statistics';
import { buildLabelMatrix, computeAgreement, flattenAgreement } from '../../shared/agreement';
import { goldForAll } from '../../shared/state';
import { exportGold } from '../services/exporter';
import { importFghm } from '../services/importer';
import { initProject, Project } from '../services/project';
import { syntheticFghm } from '../services/synthetic';
import { out } from './args';
import { nltkScript } from './assets';

export interface BenchOptions {
  items: number;
  runs: number;
  json: boolean;
  nltk: boolean;
}

const TARGETS_MS: Record<string, number> = { 'gold+agreement': 500, export: 1000, open: 1500 };

// Shipped beside the CLI (no shipped command reads from tests/ or scripts/).
const NLTK_SCRIPT = nltkScript();
const PYTHON = ['/usr/bin/python3', 'python3'];

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** Full collection between runs, so one run's garbage is not charged to the next. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function findPythonWithNltk(): string | null {
  for (const py of PYTHON) {
    const r = spawnSync(py, ['-c', 'import nltk'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

export async function runBench(opts: BenchOptions): Promise<void> {
  const log = (s: string): void => {
    if (!opts.json) out(s);
  };
  const work = await mkdtemp(join(tmpdir(), 'memejury-bench-'));
  const samples: Record<string, number[]> = {
    import: [],
    open: [],
    gold: [],
    agreement: [],
    'gold+agreement': [],
    export: [],
  };
  let flat: Record<string, number | null> = {};
  try {
    log(`Meme Jury benchmark: ${opts.items} items × 3 annotators, ${opts.runs} runs (medians below)`);
    const src = join(work, 'synthetic.jsonl');
    await writeFile(
      src,
      syntheticFghm(opts.items)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    let dir = '';
    collectGarbage();
    for (let run = 0; run < opts.runs; run++) {
      dir = join(work, `project-${run}`);
      await initProject(dir, { name: 'bench' });
      const empty = await Project.open(dir);
      const [, tImport] = await timeAsync(() => importFghm(empty, src));
      await empty.close();
      samples.import.push(tImport);

      const [p, tOpen] = await timeAsync(() => Project.open(dir));
      samples.open.push(tOpen);
      const [golds, tGold] = time(() => goldForAll(p.state, p.items, p.policy()));
      const [report, tAgree] = time(() =>
        computeAgreement(buildLabelMatrix(p.state, p.items, golds), p.fullOverlap()),
      );
      samples.gold.push(tGold);
      samples.agreement.push(tAgree);
      samples['gold+agreement'].push(tGold + tAgree);
      flat = flattenAgreement(report);
      const [, tExport] = await timeAsync(() =>
        exportGold(p, join(work, `export-${run}.jsonl`), { format: 'fghm', policy: p.policy() }),
      );
      samples.export.push(tExport);
      await p.close();
      if (run < opts.runs - 1) await rm(dir, { recursive: true, force: true });
      collectGarbage();
    }
    const medians: Record<string, number> = {};
    for (const [k, v] of Object.entries(samples)) medians[k] = median(v);
    for (const [k, v] of Object.entries(medians)) {
      const target = TARGETS_MS[k];
      const verdict =
        target === undefined
          ? ''
          : v < target
            ? `  (target < ${target} ms: met)`
            : `  (target < ${target} ms: MISSED)`;
      log(`  ${k.padEnd(16)} ${v.toFixed(1).padStart(9)} ms${verdict}`);
    }

    const result: Record<string, unknown> = { items: opts.items, runs: opts.runs, medians_ms: medians };
    if (opts.nltk) result.nltk = await nltkReference(dir, work, opts, medians.agreement, flat, log);
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
    `  NLTK agreement  ${nltkMs.toFixed(1).padStart(9)} ms  (median of ${nltkRuns}; same figures on the same labels)`,
  );
  log(
    `  ratio           ${(nltkMs / oursMs).toFixed(1).padStart(9)} ×  NLTK time / Meme Jury agreement time`,
  );
  log(`  figures compared with NLTK: ${compared}, largest difference ${worst.toExponential(2)}`);
  return { median_ms: nltkMs, runs: nltkRuns, ratio: nltkMs / oursMs, compared, max_abs_diff: worst };
}
