// Issue 12, parts 2–4 through the contract and the pure rules: assignment for teams larger than
// the overlap, hidden known-answer memes and qualification, model suggestions and queue orders.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignees, isAssigned } from '../../shared/assignment';
import { scoreKnown, type KnownLine } from '../../shared/known';
import { plainRules, queueOrder, selectQueue } from '../../shared/queue';
import type { AnnotationEvent, Item } from '../../shared/records';
import { AnnotationState } from '../../shared/state';
import { hateEntropy, suggestionOf } from '../../shared/suggestions';
import { initProject } from '../../electron/services/project';
import { fixture, tempDir, testBackend } from './helpers';

const at = '2026-03-01T10:00:00.000Z';
const items: Item[] = Array.from({ length: 60 }, (_, i) => ({
  id: i + 1,
  img: `img/${i + 1}.png`,
  text: `m${i + 1}`,
}));
const vote = (
  item: number,
  annotator: string,
  hate: 'hateful' | 'not_hateful' = 'not_hateful',
): AnnotationEvent => ({
  v: 1,
  item,
  annotator,
  hate,
  pc: hate === 'hateful' ? ['race'] : [],
  attack: hate === 'hateful' ? ['mocking'] : [],
  at,
  ms: 2000,
  note: '',
  flag: false,
});

describe('assignment (rendezvous hashing)', () => {
  const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  it('gives every meme to exactly target members, the same on every machine, spread evenly', () => {
    const load = new Map<string, number>();
    for (const it of items) {
      const got = assignees(it.id, pool, 3, 'seed');
      expect(new Set(got).size).toBe(3);
      expect(assignees(it.id, [...pool].reverse(), 3, 'seed')).toStrictEqual(got);
      for (const m of pool) expect(isAssigned(it.id, m, pool, 3, 'seed')).toBe(got.includes(m));
      for (const m of got) load.set(m, (load.get(m) ?? 0) + 1);
    }
    // 60 memes × 3 over 7 people: about 26 each.
    for (const m of pool) expect(load.get(m)).toBeGreaterThan(14);
  });

  it('moves only the memes of someone who leaves, each to one other member', () => {
    const rest = pool.filter((m) => m !== 'c');
    for (const it of items) {
      const before = assignees(it.id, pool, 3, 'seed');
      const after = assignees(it.id, rest, 3, 'seed');
      if (!before.includes('c')) expect(after).toStrictEqual(before);
      else expect(after.filter((m) => !before.includes(m))).toHaveLength(1);
    }
  });

  it('a team no larger than the overlap labels everything; the queue holds only my memes', () => {
    expect(isAssigned(5, 'x', ['a', 'b'], 3, 's')).toBe(true);
    const state = new AnnotationState();
    const rules = { ...plainRules(2, 'seed'), pool: ['a', 'b', 'c', 'd'] };
    const q = (who: string) =>
      selectQueue(queueOrder(items, 'seed'), items, state, who, rules, 'todo').indices;
    const total = ['a', 'b', 'c', 'd'].reduce((n, w) => n + q(w).length, 0);
    expect(total).toBe(items.length * 2);
    for (const i of q('a')) expect(isAssigned(items[i].id, 'a', rules.pool, 2, 'seed')).toBe(true);
    // Someone outside the roster gets nothing to label when memes are assigned.
    expect(q('stranger')).toStrictEqual([]);
  });
});

describe('known-answer memes in the queue', () => {
  const known: KnownLine = {
    v: 1,
    item: 7,
    hate: 'hateful',
    pc: ['race'],
    attack: ['mocking'],
    by: 'lead-l',
    at,
  };

  it('scores an answer against the known one, naming what was missed and added', () => {
    expect(scoreKnown(vote(7, 'a', 'hateful'), known)).toStrictEqual({
      hate: true,
      exact: true,
      missed: [],
      extra: [],
    });
    expect(scoreKnown({ hate: 'hateful', pc: ['sex'], attack: ['mocking'] }, known)).toMatchObject({
      hate: true,
      exact: false,
      missed: ['race'],
      extra: ['sex'],
    });
    expect(scoreKnown(vote(7, 'a'), known)).toMatchObject({
      hate: false,
      missed: ['hateful', 'race', 'mocking'],
    });
  });

  it('mixes them in at the rate, first in a qualification round, never as gold votes', () => {
    const state = new AnnotationState();
    for (const id of [2, 4, 6, 8, 10]) state.applyKnown({ ...known, item: id });
    const rules = { ...plainRules(3, 'seed'), known: state.knownKeys(), knownRate: 0.1 };
    const order = queueOrder(items, 'seed');
    const todo = selectQueue(order, items, state, 'a', rules, 'todo');
    const ids = todo.indices.map((i) => items[i].id as number);
    const isKnown = (id: number) => [2, 4, 6, 8, 10].includes(id);
    // One known meme after every nine regular ones, until they run out; the counter agrees.
    expect(ids.slice(0, 10).filter(isKnown)).toHaveLength(1);
    expect(isKnown(ids[9])).toBe(true);
    expect(ids.filter(isKnown)).toHaveLength(5);
    expect(todo.counts.todo).toBe(ids.length);
    // Qualification: the first three are known memes.
    const q = selectQueue(order, items, state, 'a', { ...rules, qualification: 3 }, 'todo');
    expect(q.indices.slice(0, 3).every((i) => isKnown(items[i].id as number))).toBe(true);
    // Another annotator meets the known memes in another order.
    const b = selectQueue(order, items, state, 'b', { ...rules, qualification: 5 }, 'todo');
    expect(b.indices.slice(0, 5)).not.toStrictEqual(
      selectQueue(order, items, state, 'a', { ...rules, qualification: 5 }, 'todo').indices.slice(0, 5),
    );
  });
});

describe('model suggestions', () => {
  const row = {
    id: 1,
    pred_hate: { hateful: 0.8, not_hateful: 0.2 },
    pred_pc: { race: 0.7, sex: 0.4, pc_empty: 0.1 },
    pred_attack: { mocking: 0.6, attack_empty: 0.3 },
  };
  it('suggests the labels over 0.5 and measures the uncertainty of hate', () => {
    expect(suggestionOf(row)).toStrictEqual({
      hate: 'hateful',
      pHateful: 0.8,
      pc: ['race'],
      attack: ['mocking'],
    });
    expect(hateEntropy({ ...row, pred_hate: { hateful: 0.5 } })).toBeCloseTo(1, 12);
    expect(hateEntropy({ ...row, pred_hate: { not_hateful: 1 } })).toBe(0);
  });
});

describe('through the contract', () => {
  async function project(): Promise<string> {
    const dir = await tempDir();
    await initProject(dir, { name: 'assisted', targetAnnotators: 3 });
    await writeFile(
      join(dir, 'items.jsonl'),
      items
        .slice(0, 20)
        .map((it) => JSON.stringify({ ...it, set_name: (it.id as number) <= 10 ? 'dev' : 'test' }))
        .join('\n') + '\n',
    );
    const preds = items.slice(0, 20).map((it) => ({
      id: it.id,
      pred_hate: { hateful: (it.id as number) % 2 ? 0.9 : 0.52, not_hateful: 0 },
      pred_pc: { race: 0.9 },
      pred_attack: { mocking: 0.8 },
    }));
    await writeFile(join(dir, 'preds.jsonl'), preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
    return dir;
  }

  it('a lead attaches predictions, annotators see suggestions as set, and the line records what was shown', async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    expect(await lead.call('predictions:attach', { file: 'preds.jsonl' })).toStrictEqual({
      rows: 20,
      matched: 20,
    });
    // Off by default: no suggestion travels.
    expect((await lead.call('item:get', { ids: [1] }))[0].suggestion).toBeNull();
    const s = await lead.call('project:setRules', { suggestions: 'after', queueOrder: 'uncertain' });
    expect(s.rules).toMatchObject({ suggestions: 'after', queueOrder: 'uncertain' });
    await lead.dispose();

    const b = await testBackend(await tempDir(), 'ann-b');
    await b.call('project:open', { dir });
    const [one] = await b.call('item:get', { ids: [1] });
    expect(one.suggestion).toMatchObject({ hate: 'hateful', pc: ['race'], attack: ['mocking'] });
    // The most uncertain memes (even ids, p = 0.52) come first.
    const q = await b.call('queue:list', { filter: 'todo' });
    expect(q.ids.slice(0, 10).every((id) => (id as number) % 2 === 0)).toBe(true);
    await b.call('annotation:save', {
      item: 1,
      hate: 'hateful',
      pc: ['race'],
      attack: [],
      ms: 3000,
      suggestionShown: true,
    });
    await b.call('annotation:save', { item: 2, hate: 'not_hateful', pc: [], attack: [], ms: 3000 });
    const lines = (await readFile(join(dir, '.memejury/annotations/ann-b.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AnnotationEvent);
    expect(lines[0].model).toStrictEqual({
      shown: 'after',
      hate: 'hateful',
      pc: ['race'],
      attack: ['mocking'],
    });
    expect(lines[1].model).toBeUndefined();
    await b.dispose();
  });

  it('scores the attached predictions against the current gold, overall and per split', async () => {
    const dir = await tempDir();
    await initProject(dir, { name: 'score' });
    const dev = await readFile(fixture('dev_seen.json'), 'utf8');
    await writeFile(join(dir, 'dev_seen.json'), dev);
    await writeFile(join(dir, 'preds.jsonl'), await readFile(fixture('dev_seen.predictions.jsonl'), 'utf8'));
    const b = await testBackend(await tempDir(), 'lead-l');
    await b.call('project:open', { dir });
    await b.call('lead:set', { on: true });
    await b.call('project:import', { file: 'dev_seen.json' });
    await b.call('predictions:attach', { file: 'preds.jsonl' });
    const r = await b.call('predictions:score', undefined);
    const ref = JSON.parse(await readFile(fixture('dev_seen.scores.reference.json'), 'utf8')) as Record<
      string,
      { f1_micro: number; roc_auc_micro: number }
    >;
    // The import's gold is the released gold, so the attached predictions score as the official scorer says.
    for (const t of ['hate', 'pc', 'attack'] as const) {
      expect(Math.abs((r.all?.[t].f1_micro ?? 0) - ref[t].f1_micro)).toBeLessThan(1e-9);
      expect(Math.abs((r.all?.[t].roc_auc_micro ?? 0) - (ref[t].roc_auc_micro ?? 0))).toBeLessThan(1e-9);
    }
    expect(r.splits.map((s) => s.split)).toStrictEqual(['dev_seen']);
    await b.dispose();
  });

  it('known answers: marked by a lead, first for a new annotator with feedback, never gold votes, accuracy per day', async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    await lead.call('known:set', { item: 3, hate: 'hateful', pc: ['race'], attack: ['mocking'] });
    await lead.call('known:set', { item: 4, hate: 'not_hateful', pc: [], attack: [] });
    await lead.call('project:setRules', { qualification: 2, knownRate: 0.1 });
    await lead.dispose();

    const b = await testBackend(await tempDir(), 'ann-b');
    await b.call('project:open', { dir });
    const q = await b.call('queue:list', { filter: 'todo' });
    expect(q.ids.slice(0, 2).map(Number).sort()).toStrictEqual([3, 4]);
    const first = await b.call('annotation:save', {
      item: 3,
      hate: 'hateful',
      pc: ['sex'],
      attack: ['mocking'],
      ms: 900,
    });
    expect(first.feedback).toMatchObject({
      correct: false,
      hateRight: true,
      missed: ['race'],
      extra: ['sex'],
      remaining: 1,
    });
    const second = await b.call('annotation:save', {
      item: 4,
      hate: 'not_hateful',
      pc: [],
      attack: [],
      ms: 900,
    });
    expect(second.feedback).toMatchObject({ correct: true, remaining: 0 });
    // After the round, a regular meme gets no feedback.
    const third = await b.call('annotation:save', {
      item: 5,
      hate: 'not_hateful',
      pc: [],
      attack: [],
      ms: 900,
    });
    expect(third.feedback).toBeNull();
    await b.dispose();

    const l2 = await testBackend(await tempDir(), 'lead-l');
    await l2.call('project:open', { dir });
    // Known memes are neither reviewed nor in agreement; their gold is the known answer.
    const three = await l2.call('review:item', { id: 3 });
    expect(three.gold).toMatchObject({ hate: 'hateful', pc: { labels: ['race'] } });
    const stats = await l2.call('known:stats', undefined);
    expect(stats.items).toBe(2);
    expect(stats.annotators).toStrictEqual([
      {
        id: 'ann-b',
        answered: 2,
        hateCorrect: 2,
        exact: 1,
        byDay: [{ day: expect.any(String), answered: 2, hateCorrect: 2 }],
      },
    ]);
    const dash = await l2.call('stats:dashboard', {});
    expect(dash.report.items).toBe(18);
    await l2.dispose();
  });

  it('roster members who leave hand their memes on; the lead sees assigned and done per person', async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    for (const a of ['a1', 'a2', 'a3', 'a4', 'a5'])
      await lead.call('roster:setRole', { annotator: a, role: 'annotator' });
    let roster = await lead.call('roster:list', undefined);
    const assigned = roster.filter((r) => r.role === 'annotator').map((r) => r.assigned ?? 0);
    expect(assigned.reduce((x, y) => x + y, 0)).toBe(20 * 3);
    roster = await lead.call('roster:setRole', { annotator: 'a3', role: 'annotator', left: true });
    const after = roster.filter((r) => r.role === 'annotator' && !r.left).map((r) => r.assigned ?? 0);
    expect(after.reduce((x, y) => x + y, 0)).toBe(20 * 3);
    expect(roster.find((r) => r.id === 'a3')).toMatchObject({ left: true, assigned: null });
    const gov = (await readFile(join(dir, '.memejury/governance.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(gov.at(-1) as string)).toMatchObject({
      type: 'role',
      annotator: 'a3',
      left: true,
      by: 'lead-l',
    });
    await lead.dispose();
  });
});

describe('the CLI', () => {
  it('attaches predictions and imports known answers as the lead, refusing bad files whole', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CLI, ROOT } = await import('./helpers');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
    const dir = await tempDir();
    expect(cli('init', dir).status).toBe(0);
    expect(cli('import', fixture('dev_seen.json'), '--project', dir).status).toBe(0);
    const att = cli('predictions', '--project', dir, '--file', fixture('dev_seen.predictions.jsonl'));
    expect(att.stderr).toBe('');
    expect(att.stdout).toMatch(/504 predictions attached, 504 for memes of the project/);
    const known = join(dir, 'known-src.jsonl');
    const dev = (await readFile(fixture('dev_seen.json'), 'utf8')).trim().split('\n').slice(0, 3);
    await writeFile(known, dev.join('\n') + '\n');
    const k = cli('known', '--project', dir, '--file', known);
    expect(k.stdout).toMatch(/3 known-answer memes/);
    const lines = (await readFile(join(dir, '.memejury/known.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { item: number }).item)).toStrictEqual(
      dev.map((l) => (JSON.parse(l) as { id: number }).id),
    );
    await writeFile(known, dev[0] + '\n{"id": 1, "img": 3}\n');
    const bad = cli('known', '--project', dir, '--file', known);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/known-src\.jsonl:2: field "img"/);
    expect((await readFile(join(dir, '.memejury/known.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(3);
  });
});
