// Figures the walk-through found told two ways: the number of annotators (roster vs with votes),
// the pair keys of `memejury stats --json` and the dashboard, the unresolved count.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../../electron/services/project';
import { buildLabelMatrix, computeAgreement, flattenAgreement, pairKey } from '../../shared/agreement';
import type { AnnotationEvent, Item } from '../../shared/records';
import { AnnotationState, goldForAll } from '../../shared/state';
import { CLI, ROOT, fixture, tempDir, testBackend } from './helpers';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const line = (annotator: string, item: number, hate: 'hateful' | 'not_hateful' | null, extra = {}) =>
  JSON.stringify({
    v: 1,
    item,
    annotator,
    hate,
    pc: hate === 'hateful' ? ['race'] : [],
    attack: hate === 'hateful' ? ['mocking'] : [],
    at: '2026-11-02T10:00:00.000Z',
    ms: 3000,
    note: '',
    flag: false,
    ...extra,
  });

/** Six memes, five annotators with votes, a lead on the roster with only a skip. */
async function team(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir, { name: 'team', targetAnnotators: 3 });
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3, 4, 5, 6].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `m${id}` })).join('\n') +
      '\n',
  );
  const ann = join(dir, '.memejury', 'annotations');
  await mkdir(ann, { recursive: true });
  const votes: Record<string, [number, 'hateful' | 'not_hateful'][]> = {
    // Written so that ann-new's file comes first in the folder and in the state.
    'ann-new': [
      [1, 'hateful'],
      [2, 'not_hateful'],
      [3, 'hateful'],
    ],
    'ann-b': [
      [1, 'hateful'],
      [2, 'hateful'],
      [3, 'not_hateful'],
      [4, 'hateful'],
    ],
    'ann-a': [
      [1, 'not_hateful'],
      [2, 'not_hateful'],
      [3, 'hateful'],
      [5, 'hateful'],
    ],
    'ann-c': [
      [4, 'not_hateful'],
      [6, 'hateful'],
    ],
    'ann-d': [[5, 'not_hateful']],
  };
  for (const [a, vs] of Object.entries(votes))
    await writeFile(join(ann, `${a}.jsonl`), vs.map(([i, h]) => line(a, i, h)).join('\n') + '\n');
  await writeFile(join(ann, 'lead-l.jsonl'), line('lead-l', 6, null, { skip: 'skip' }) + '\n');
  const lead = await testBackend(await tempDir(), 'lead-l');
  await lead.call('project:open', { dir });
  await lead.call('lead:set', { on: true });
  await lead.dispose();
  return dir;
}

describe('figures the app and the CLI tell alike', () => {
  it('"annotators" is one count everywhere: those with votes; the project line adds the roster', async () => {
    const dir = await team();
    const b = await testBackend(await tempDir(), 'lead-l');
    const summary = await b.call('project:open', { dir });
    await b.call('lead:set', { on: true });
    const d = await b.call('stats:dashboard', {});
    await b.dispose();
    // The project line: everyone (the lead with only a skip too), and how many of them voted.
    expect(summary.annotators).toHaveLength(6);
    expect(summary.voters).toBe(5);
    // The dashboard, the report and the CLI: the five with votes, never the six.
    expect(d.report.voters).toStrictEqual(['ann-a', 'ann-b', 'ann-c', 'ann-d', 'ann-new']);
    expect(d.flat.annotators).toBe(5);
    const text = cli('stats', '--project', dir);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(
      '6 items, 5 annotators with votes (ann-a, ann-b, ann-c, ann-d, ann-new)',
    );
    const flat = JSON.parse(cli('stats', '--project', dir, '--json').stdout) as Record<string, number>;
    expect(flat.annotators).toBe(5);
  });
});

describe('pairs: one name whatever order the annotators were read in', () => {
  const items: Item[] = [1, 2, 3, 4].map((id) => ({ id, img: `img/${id}.png`, text: '' }));
  const ev = (annotator: string, item: number, hate: 'hateful' | 'not_hateful') =>
    JSON.parse(line(annotator, item, hate)) as AnnotationEvent;
  const votes = {
    'ann-new': [ev('ann-new', 1, 'hateful'), ev('ann-new', 2, 'not_hateful'), ev('ann-new', 3, 'hateful')],
    'ann-b': [ev('ann-b', 1, 'hateful'), ev('ann-b', 2, 'hateful'), ev('ann-b', 3, 'hateful')],
    'ann-a': [ev('ann-a', 1, 'not_hateful'), ev('ann-a', 2, 'not_hateful'), ev('ann-a', 4, 'hateful')],
  };
  function flat(order: (keyof typeof votes)[]) {
    const state = new AnnotationState();
    for (const a of order) for (const v of votes[a]) state.apply(v);
    const golds = goldForAll(state, items, 'fghm');
    return flattenAgreement(computeAgreement(buildLabelMatrix(state, items, golds, 'fghm'), 3));
  }

  it('a newcomer read last (a live app) and read first (the CLI) give the same keys and figures', () => {
    const app = flat(['ann-a', 'ann-b', 'ann-new']);
    const cliOrder = flat(['ann-new', 'ann-b', 'ann-a']);
    expect(Object.keys(cliOrder).sort()).toStrictEqual(Object.keys(app).sort());
    expect(cliOrder).toStrictEqual(app);
    const pairs = Object.keys(app).filter((k) => k.startsWith('pair.'));
    expect(pairs).toStrictEqual([
      'pair.ann-a.ann-b.hate_cohen_kappa',
      'pair.ann-a.ann-b.items',
      'pair.ann-a.ann-new.hate_cohen_kappa',
      'pair.ann-a.ann-new.items',
      'pair.ann-b.ann-new.hate_cohen_kappa',
      'pair.ann-b.ann-new.items',
    ]);
    expect(app['pair.ann-b.ann-new.items']).toBe(3);
    expect(pairKey('ann-new', 'ann-b')).toBe('pair.ann-b.ann-new');
  });
});

describe("memejury validate checks the tool's own files", () => {
  it('a gold export is gold, a CSV export is Meme Jury CSV, governance.jsonl is governance', async () => {
    const dir = await tempDir();
    expect(cli('init', dir).code).toBe(0);
    expect(cli('import', fixture('dev_seen.json'), '--project', dir).code).toBe(0);
    const gold = join(dir, 'exports', 'gold-fghm.jsonl');
    const csv = join(dir, 'exports', 'gold-csv.csv');
    expect(cli('export', '--project', dir, '--out', gold).code).toBe(0);
    expect(cli('export', '--project', dir, '--out', csv, '--format', 'csv').code).toBe(0);
    expect(cli('validate', gold).stdout.trim()).toBe(`${gold}: 500 records of gold, all valid`);
    expect(cli('validate', csv).stdout.trim()).toBe(`${csv}: 500 records of Meme Jury CSV, all valid`);
    // A tombstone, then a role event (which names an annotator, yet is no annotation).
    expect(cli('forget', '--project', dir, '--item', '5349', '--reason', 'test').code).toBe(0);
    const governance = join(dir, '.memejury', 'governance.jsonl');
    const role = {
      v: 1,
      type: 'role',
      annotator: 'ann-a',
      role: 'lead',
      by: 'ann-a',
      at: '2026-11-02T10:00:00.000Z',
    };
    await writeFile(governance, (await readFile(governance, 'utf8')) + JSON.stringify(role) + '\n');
    const v = cli('validate', governance);
    expect(v.stderr).toBe('');
    expect(v.stdout.trim()).toBe(`${governance}: 2 records of governance, all valid`);
    // A bad governance line is named as one.
    await writeFile(governance, JSON.stringify({ ...role, role: 'boss' }) + '\n');
    const bad = cli('validate', governance);
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim()).toBe(`${governance}:1: field "role": expected "annotator" or "lead"`);
    expect(bad.stderr).toMatch(/1 bad line of 1 \(governance\)/);
  });
});
