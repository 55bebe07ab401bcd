// Kill tests: real processes (a labeling app, memejury forget, export, import) killed with
// SIGKILL at random moments, and what must hold afterwards. Shared by the fast subset in
// `npm test` (kill.test.ts) and the long soak (`npm run soak`, scripts/soak.ts), which prints the
// attempts, kills and losses of each scenario.
//
// - saves:   no acknowledged save is lost (every "ack" the app printed is a whole line of its file)
// - forget:  killed anywhere (after the tombstone or not), running forget again leaves the audit
//            clean and the image gone
// - export:  the file is complete or absent, never half-written; no temp file outlives the run
//            that follows
// - import:  after a kill the project either has all of an item's labels or says at open that
//            an import did not finish; importing again completes it
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditProject } from '../../electron/services/audit';
import { importFghm } from '../../electron/services/importer';
import { initProject, Project } from '../../electron/services/project';
import { isTempFileName } from '../../electron/services/fsx';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'out/cli/memejury.mjs');
const DEV_SEEN = join(ROOT, 'tests/fixtures/fghm/dev_seen.json');
const DEMO_IMG = join(ROOT, 'electron/resources/demo/img');

export interface Tally {
  scenario: string;
  attempts: number;
  /** Attempts where the process was still running when SIGKILL reached it. */
  kills: number;
  losses: number;
  /** Details of each loss, and scenario figures (e.g. kills that landed after the tombstone). */
  notes: string[];
}

const rand = (lo: number, hi: number): number => lo + Math.floor(Math.random() * (hi - lo));

async function scratch(prefix: string): Promise<string> {
  return mkdtemp(join(process.env.MEMEJURY_SOAK_TMP ?? tmpdir(), prefix));
}

/** Every temp file of an atomic write under `dir`. */
async function tempFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (isTempFileName(e.name)) out.push(join(d, e.name));
    }
  };
  await walk(dir);
  return out;
}

/** Runs `args` (node) and SIGKILLs it after `delay` ms; resolves whether the kill hit it alive. */
function runAndKill(
  args: string[],
  delay: number,
  opts: { onLine?: (l: string) => void; waitFor?: RegExp } = {},
) {
  return new Promise<{ killed: boolean; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    let stdout = '';
    let pending = '';
    let timer: NodeJS.Timeout | null = null;
    let exited = false;
    const arm = (): void => {
      timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, delay);
    };
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      stdout += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() as string;
      for (const l of lines) {
        opts.onLine?.(l);
        if (!timer && opts.waitFor?.test(l)) arm();
      }
    });
    if (!opts.waitFor) arm();
    child.on('exit', (_code, signal) => {
      exited = true;
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', stdout, stderr });
    });
  });
}

/**
 * How long an unkilled run of a command takes here, so kills can aim at its writes: a delay
 * drawn from the last part of it (starting Node and opening the project come first).
 */
async function timed(args: string[]): Promise<number> {
  const t0 = Date.now();
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  return Date.now() - t0;
}

const aim = (duration: number, from = 0.7): number =>
  rand(Math.floor(duration * from), Math.ceil(duration * 1.05) + 1);

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A project with dev_seen imported and images for its first `images` items. */
async function devSeenProject(images = 0): Promise<string> {
  const base = await scratch('memejury-kill-');
  const dir = join(base, 'project');
  await mkdir(dir);
  await initProject(dir, { name: 'kill' });
  const p = await Project.open(dir, { lead: true });
  await importFghm(p, DEV_SEEN);
  const demo = (await readdir(DEMO_IMG)).filter((n) => n.endsWith('.png')).sort();
  await mkdir(join(dir, 'img'), { recursive: true });
  for (let i = 0; i < images; i++) {
    const it = p.items[i];
    await copyFile(join(DEMO_IMG, demo[i % demo.length]), join(dir, it.img));
  }
  await p.close();
  return dir;
}

// ---- saves ---------------------------------------------------------------------------------

/** Each attempt's `ms` values start at (attempt + 1) × this: unique, and under the 24 h limit. */
const SAVE_STRIDE = 20_000;

export async function killSaves(attempts: number): Promise<Tally> {
  if ((attempts + 1) * SAVE_STRIDE > 24 * 3600 * 1000)
    throw new Error(`at most ${Math.floor(86_400_000 / SAVE_STRIDE) - 1} attempts`);
  const t: Tally = { scenario: 'saves (labeling app)', attempts: 0, kills: 0, losses: 0, notes: [] };
  const base = await scratch('memejury-kill-saves-');
  const dir = join(base, 'project');
  await mkdir(dir);
  await initProject(dir);
  await writeFile(
    join(dir, 'items.jsonl'),
    Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ id: i + 1, img: `img/${i + 1}.png`, text: '' }),
    ).join('\n') + '\n',
  );
  const file = join(dir, '.memejury/annotations/ann-k.jsonl');
  const acked: number[] = [];
  let acks = 0;
  for (let a = 0; a < attempts; a++) {
    t.attempts++;
    const r = await runAndKill(
      [
        '--import',
        'tsx',
        join(ROOT, 'tests/unit/child-saver.ts'),
        dir,
        'ann-k',
        String((a + 1) * SAVE_STRIDE),
      ],
      rand(0, 250),
      {
        waitFor: /^ready$/,
        onLine: (l) => {
          const m = /^ack (\d+)$/.exec(l);
          if (m) {
            acked.push(Number(m[1]));
            acks++;
          }
        },
      },
    );
    if (r.killed) t.kills++;
    else if (!/ack \d+\n$/.test(r.stdout) || r.stderr.trim())
      t.notes.push(
        `attempt ${a + 1}: the app stopped by itself: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`,
      );
    // Every acknowledged save is a whole line of the file (a torn last line may follow: the
    // next open cuts it off and keeps it aside).
    const text = await readFile(file, 'utf8').catch(() => '');
    const seen = new Set<number>();
    for (const l of text.split('\n')) {
      try {
        seen.add((JSON.parse(l) as { ms: number }).ms);
      } catch {
        /* the torn last line */
      }
    }
    const lost = acked.filter((ms) => !seen.has(ms));
    if (lost.length) {
      t.losses += lost.length;
      t.notes.push(`attempt ${a + 1}: ${lost.length} acknowledged saves missing (first ms ${lost[0]})`);
    }
    acked.length = 0;
  }
  const temps = await tempFiles(dir);
  if (temps.length) t.notes.push(`${temps.length} temp files remain (they are swept at the next open)`);
  t.notes.push(`${acks} saves acknowledged in all`);
  await rm(base, { recursive: true, force: true });
  return t;
}

// ---- forget --------------------------------------------------------------------------------

export async function killForget(attempts: number): Promise<Tally> {
  const t: Tally = { scenario: 'forget (memejury forget)', attempts: 0, kills: 0, losses: 0, notes: [] };
  const template = await devSeenProject(3);
  const p = await Project.open(template);
  const item = p.items[0];
  await p.close();
  let afterTombstone = 0;
  const probe = join(await scratch('memejury-kill-probe-'), 'project');
  await cp(template, probe, { recursive: true });
  const duration = await timed([
    CLI,
    'forget',
    '--project',
    probe,
    '--item',
    String(item.id),
    '--reason',
    'soak',
  ]);
  await rm(join(probe, '..'), { recursive: true, force: true });
  for (let a = 0; a < attempts; a++) {
    t.attempts++;
    const base = await scratch('memejury-kill-forget-');
    const dir = join(base, 'project');
    await cp(template, dir, { recursive: true });
    const r = await runAndKill(
      [CLI, 'forget', '--project', dir, '--item', String(item.id), '--reason', 'soak'],
      aim(duration),
    );
    if (r.killed) t.kills++;
    const gov = await readFile(join(dir, '.memejury/governance.jsonl'), 'utf8').catch(() => '');
    const tombstoned = gov.includes('"type":"forget"');
    if (r.killed && tombstoned) afterTombstone++;
    // Run it again (as a lead would after a crash): it must finish what was left.
    const again = cli('forget', '--project', dir, '--item', String(item.id), '--reason', 'soak');
    const audit = await auditProject(dir);
    const image = await stat(join(dir, item.img)).then(
      () => true,
      () => false,
    );
    const temps = await tempFiles(dir);
    if (again.code !== 0 || audit.findings.length > 0 || image || temps.length > 0) {
      t.losses++;
      t.notes.push(
        `attempt ${a + 1}: rerun exit ${again.code} ${again.stderr.trim()}; ${audit.findings.length} audit findings; image ${image ? 'still there' : 'gone'}; ${temps.length} temp files`,
      );
    }
    await rm(base, { recursive: true, force: true });
  }
  t.notes.push(`${afterTombstone} kills landed after the tombstone was written`);
  await rm(join(template, '..'), { recursive: true, force: true });
  return t;
}

// ---- export --------------------------------------------------------------------------------

export async function killExport(attempts: number): Promise<Tally> {
  const t: Tally = { scenario: 'export (memejury export)', attempts: 0, kills: 0, losses: 0, notes: [] };
  const dir = await devSeenProject(0);
  const ref = join(dir, 'exports/reference.jsonl');
  const ok = cli('export', '--project', dir, '--out', ref, '--format', 'full');
  if (ok.code !== 0) throw new Error(ok.stderr);
  const full = await readFile(ref, 'utf8');
  const out = join(dir, 'exports/gold.jsonl');
  let partial = 0;
  const duration = await timed([CLI, 'export', '--project', dir, '--out', out, '--format', 'full']);
  for (let a = 0; a < attempts; a++) {
    t.attempts++;
    const r = await runAndKill(
      [CLI, 'export', '--project', dir, '--out', out, '--format', 'full'],
      aim(duration, 0.45),
    );
    if (r.killed) t.kills++;
    const text = await readFile(out, 'utf8').catch(() => null);
    // The records other than the manifest's creation time are the same every run.
    if (text !== null && text !== full) {
      partial++;
      t.losses++;
      t.notes.push(`attempt ${a + 1}: exports/gold.jsonl is not a complete export (${text.length} bytes)`);
    }
    // The next writer into the folder sweeps whatever temp file the killed one left.
    const next = cli('export', '--project', dir, '--out', join(dir, 'exports/other.jsonl'));
    const temps = await tempFiles(join(dir, 'exports'));
    if (next.code !== 0 || temps.length > 0) {
      t.losses++;
      t.notes.push(`attempt ${a + 1}: ${temps.length} temp files outlived their writer`);
    }
  }
  if (partial === 0) t.notes.push('every file found was a complete export');
  await rm(join(dir, '..'), { recursive: true, force: true });
  return t;
}

// ---- import --------------------------------------------------------------------------------

export async function killImport(attempts: number): Promise<Tally> {
  const t: Tally = { scenario: 'import (memejury import)', attempts: 0, kills: 0, losses: 0, notes: [] };
  const source = (await readFile(DEV_SEEN, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: number; pc: unknown });
  const slots = new Map(source.map((r) => [r.id, Array.isArray(r.pc) ? r.pc.length : 0]));
  let said = 0;
  const probe = join(await scratch('memejury-kill-probe-'), 'project');
  await mkdir(probe);
  await initProject(probe);
  const duration = await timed([CLI, 'import', DEV_SEEN, '--project', probe]);
  await rm(join(probe, '..'), { recursive: true, force: true });
  for (let a = 0; a < attempts; a++) {
    t.attempts++;
    const base = await scratch('memejury-kill-import-');
    const dir = join(base, 'project');
    await mkdir(dir);
    await initProject(dir);
    const r = await runAndKill([CLI, 'import', DEV_SEEN, '--project', dir], aim(duration));
    if (r.killed) t.kills++;
    const p = await Project.open(dir);
    const unfinished = p.warnings.some((w) => /did not finish/.test(w));
    // Without the warning, every item present has every label its record carries.
    let missing = 0;
    for (const it of p.items) {
      const votes = p.state.votes(it.id).length;
      if (votes < (slots.get(Number(it.id)) ?? 0)) missing++;
    }
    await p.close();
    if (unfinished) said++;
    if (missing > 0 && !unfinished) {
      t.losses++;
      t.notes.push(`attempt ${a + 1}: ${missing} items without their labels and no word of it at open`);
    }
    // Importing again completes it, and the warning goes.
    const again = cli('import', DEV_SEEN, '--project', dir);
    const q = await Project.open(dir);
    const complete =
      q.items.length === source.length &&
      q.items.every((it) => q.state.votes(it.id).length >= (slots.get(Number(it.id)) ?? 0)) &&
      !q.warnings.some((w) => /did not finish/.test(w));
    await q.close();
    if (again.code !== 0 || !complete) {
      t.losses++;
      t.notes.push(`attempt ${a + 1}: importing again did not complete it (${again.stderr.trim()})`);
    }
    await rm(base, { recursive: true, force: true });
  }
  t.notes.push(`${said} kills left an unfinished import that the project reported at open`);
  return t;
}

export function report(tallies: readonly Tally[]): string {
  const rows = tallies.map(
    (t) =>
      `${t.scenario.padEnd(28)} attempts ${String(t.attempts).padStart(4)}  kills ${String(t.kills).padStart(4)}  losses ${t.losses}`,
  );
  const sum = (k: 'attempts' | 'kills' | 'losses'): number => tallies.reduce((s, t) => s + t[k], 0);
  rows.push(
    `${'total'.padEnd(28)} attempts ${String(sum('attempts')).padStart(4)}  kills ${String(sum('kills')).padStart(4)}  losses ${sum('losses')}`,
  );
  for (const t of tallies) for (const n of t.notes) rows.push(`  ${t.scenario}: ${n}`);
  return rows.join('\n');
}
