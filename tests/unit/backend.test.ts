// The backend behind window.api, driven through the contract exactly as the transports do.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiArgError } from '../../shared/api';
import { initProject } from '../../electron/services/project';
import { tempDir, testBackend } from './helpers';

async function setup(targetAnnotators = 3): Promise<{ dir: string; user: string }> {
  const dir = await tempDir();
  await initProject(dir, { name: 'unit', targetAnnotators });
  const items = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({ id: i + 1, img: `img/${i + 1}.png`, text: `meme ${i + 1}` }),
  );
  await writeFile(join(dir, 'items.jsonl'), items.join('\n') + '\n');
  return { dir, user: await tempDir() };
}

const backend = testBackend;

const save = (item: number, hate: 'hateful' | 'not_hateful', pc: string[] = [], attack: string[] = []) => ({
  item,
  hate,
  pc,
  attack,
  ms: 1200,
  note: '',
  flag: false,
});

describe('backend contract', () => {
  it('rejects bad arguments with the field named, before any service runs', async () => {
    const { user } = await setup();
    const b = await backend(user);
    await expect(b.handle('project:open', { dir: 42 })).rejects.toThrow(ApiArgError);
    await expect(b.handle('project:open', { dir: '/x', extra: 1 })).rejects.toThrow(/Unrecognized key/);
    await expect(b.handle('annotation:save', { ...save(1, 'hateful'), hate: 'maybe' })).rejects.toThrow(
      /field "hate"/,
    );
    await expect(b.handle('annotator:create', { id: '../../etc' })).rejects.toThrow(/field "id"/);
    await expect(b.handle('item:get', { ids: Array(500).fill(1) })).rejects.toThrow(/field "ids"/);
    await b.dispose();
  });

  it('saves (fsynced line), undoes, reports progress, and stays blind to other annotators', async () => {
    const { dir, user } = await setup();
    const b = await backend(user, 'ann-a');
    await b.handle('project:open', { dir });
    const q = (await b.handle('queue:list', { filter: 'todo' })) as { ids: number[] };
    expect(q.ids).toHaveLength(6);
    const r = (await b.handle('annotation:save', save(q.ids[0], 'hateful', ['race', 'race'], ['slurs']))) as {
      progress: { counts: { done: number } };
    };
    expect(r.progress.counts.done).toBe(1);
    const line = JSON.parse((await readFile(join(dir, '.memejury/annotations/ann-a.jsonl'), 'utf8')).trim());
    expect(line).toMatchObject({
      item: q.ids[0],
      annotator: 'ann-a',
      hate: 'hateful',
      pc: ['race'],
      attack: ['slurs'],
      ms: 1200,
    });
    // Not hateful clears labels even if a client sends some.
    await b.handle('annotation:save', save(q.ids[1], 'not_hateful', ['race']));
    const views = (await b.handle('item:get', { ids: [q.ids[1]] })) as { mine: { pc: string[] } }[];
    expect(views[0].mine.pc).toStrictEqual([]);
    const undone = (await b.handle('annotation:undo', { item: q.ids[1] })) as { mine: null };
    expect(undone.mine).toBeNull();
    // Another annotator's label is never part of what the renderer gets.
    await appendFile(
      join(dir, '.memejury/annotations/ann-b.jsonl'),
      JSON.stringify({
        v: 1,
        item: q.ids[2],
        annotator: 'ann-b',
        hate: 'hateful',
        pc: ['sex'],
        attack: ['mocking'],
        at: new Date().toISOString(),
        ms: 1,
        note: 'secret',
        flag: false,
      }) + '\n',
    );
    const seen = JSON.stringify(await b.handle('item:get', { ids: q.ids }));
    expect(seen).not.toContain('ann-b');
    expect(seen).not.toContain('secret');
    await b.dispose();
  });

  it('refuses a second writer for the same annotator file, with a clear message', async () => {
    const { dir, user } = await setup();
    const one = await backend(user, 'ann-a');
    await one.handle('project:open', { dir });
    const two = await backend(await tempDir(), 'ann-a');
    await expect(two.handle('project:open', { dir })).rejects.toThrow(
      /annotator "ann-a" is already labeling this project/,
    );
    await one.dispose();
    await two.handle('project:open', { dir });
    await two.dispose();
  });

  it('lead mode writes adjudications that override gold in statistics and export', async () => {
    // Two annotators per meme: item 1's two votes make it ready for review.
    const { dir, user } = await setup(2);
    for (const [a, hate] of [
      ['x1', 'hateful'],
      ['x2', 'not_hateful'],
    ] as const)
      await writeFile(
        join(dir, `.memejury/annotations/${a}.jsonl`),
        JSON.stringify({
          v: 1,
          item: 1,
          annotator: a,
          hate,
          pc: hate === 'hateful' ? ['race'] : [],
          attack: hate === 'hateful' ? ['slurs'] : [],
          at: new Date().toISOString(),
          ms: 2000,
          note: '',
          flag: false,
        }) + '\n',
      );
    const b = await backend(user, 'lead-l');
    await b.handle('project:open', { dir });
    // Not a lead of this project yet: no review, no decision.
    await expect(b.handle('review:list', { filter: {} })).rejects.toThrow(/only a lead/);
    await expect(
      b.handle('adjudication:save', { item: 1, hate: 'hateful', pc: ['race'], attack: [] }),
    ).rejects.toThrow(/only a lead/);
    // The project has no lead: the first to ask becomes it, on the record.
    expect((await b.call('lead:set', { on: true })).role).toBe('lead');
    await b.call('lead:set', { on: false });
    const list = (await b.handle('review:list', { filter: {} })) as {
      rows: { id: number; reasons: string[] }[];
    };
    expect(list.rows).toStrictEqual([
      expect.objectContaining({ id: 1, reasons: ['hate_tie', 'disagreement'] }),
    ]);
    // A lead reads review without lead mode, and decides only with it.
    await expect(
      b.handle('adjudication:save', { item: 1, hate: 'hateful', pc: ['race'], attack: [] }),
    ).rejects.toThrow(/lead mode/);
    await b.handle('lead:set', { on: true });
    const decided = (await b.handle('adjudication:save', {
      item: 1,
      hate: 'hateful',
      pc: ['religion'],
      attack: ['mocking'],
      note: 'seen context',
    })) as {
      gold: { hate: string; pc: { labels: string[] } };
    };
    expect(decided.gold.hate).toBe('hateful');
    expect(decided.gold.pc.labels).toStrictEqual(['religion']);
    const adj = JSON.parse((await readFile(join(dir, '.memejury/adjudications.jsonl'), 'utf8')).trim());
    expect(adj).toMatchObject({
      item: 1,
      lead: 'lead-l',
      hate: 'hateful',
      pc: ['religion'],
      note: 'seen context',
    });
    // Browser mode names the file; it is written under the project's exports/ folder.
    const run = (await b.handle('export:run', { options: { format: 'fghm' }, to: { name: 'gold' } })) as {
      out: string;
      counts: { exported: number };
    };
    const out = join(dir, 'exports', 'gold.jsonl');
    expect(run.out).toBe(out);
    expect(run.counts.exported).toBe(1);
    const rec = JSON.parse((await readFile(out, 'utf8')).trim());
    expect(rec).toMatchObject({
      id: 1,
      gold_hate: ['hateful'],
      gold_pc: ['religion'],
      gold_attack: ['mocking'],
      pc: [['race'], []],
    });
    const dash = (await b.handle('stats:dashboard', {})) as { gold: { adjudicated: number } };
    expect(dash.gold.adjudicated).toBe(1);
    expect(((await b.handle('review:list', { filter: {} })) as { rows: unknown[] }).rows).toHaveLength(0);
    await b.dispose();
  });
});
