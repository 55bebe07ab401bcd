// Saving the agreement report never puts a file where the project loader reads it as an item
// list (issue 9): the report goes where the backend puts saves, and even a report moved to the
// top of the project folder, where item lists live, is skipped.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadItemLists } from '../../electron/services/items';
import { initProject } from '../../electron/services/project';
import { REPORT_KIND } from '../../shared/report';
import { tempDir, testBackend } from './helpers';

const line = (item: number, annotator: string, hate: 'hateful' | 'not_hateful') =>
  JSON.stringify({
    v: 1,
    item,
    annotator,
    hate,
    pc: hate === 'hateful' ? ['race'] : [],
    attack: hate === 'hateful' ? ['mocking'] : [],
    at: '2026-11-24T10:00:00.000Z',
    ms: 2500,
    note: '',
    flag: false,
  }) + '\n';

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir, { name: 'report', targetAnnotators: 2 });
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3, 4].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `meme ${id}` })).join('\n') +
      '\n',
  );
  await writeFile(
    join(dir, '.memejury/annotations/ann-b.jsonl'),
    line(1, 'ann-b', 'hateful') + line(2, 'ann-b', 'not_hateful'),
  );
  await writeFile(join(dir, '.memejury/annotations/ann-c.jsonl'), line(1, 'ann-c', 'hateful'));
  return dir;
}

describe('a saved agreement report is never an item list', () => {
  it('JSON, CSV and HTML reports saved by a lead leave the items, errors and warnings as they were', async () => {
    const dir = await project();
    const before = await loadItemLists(dir);
    expect(before.items).toHaveLength(4);
    const b = await testBackend(await tempDir(), 'lead-l');
    await b.call('project:open', { dir });
    await b.call('lead:set', { on: true });
    const saved: string[] = [];
    for (const format of ['json', 'csv', 'html'] as const) {
      const r = await b.call('stats:exportReport', { format, to: { name: 'agreement-report' } });
      saved.push(r.out);
    }
    // The JSON report says what it is and carries the item count of each figure.
    const json = JSON.parse(await readFile(saved[0], 'utf8')) as Record<string, unknown>;
    expect(json.kind).toBe(REPORT_KIND);
    expect(json.min_items).toBe(20);
    expect((json.figures as Record<string, number>)['hate.items_two_or_more']).toBe(1);

    // Reopened, the project has the same items and no new error or warning.
    const reopened = await b.call('project:open', { dir });
    await b.dispose();
    const after = await loadItemLists(dir);
    expect(after.items.map((i) => i.id)).toStrictEqual(before.items.map((i) => i.id));
    expect(after.errors).toStrictEqual([]);
    expect(after.warnings).toStrictEqual(before.warnings);
    expect(reopened.warnings).toStrictEqual([]);

    // Even moved to the top of the project folder, beside the item lists, it is skipped quietly.
    await copyFile(saved[0], join(dir, basename(saved[0])));
    const moved = await loadItemLists(dir);
    expect(moved.files).toStrictEqual(['items.jsonl']);
    expect(moved.items).toHaveLength(4);
    expect(moved.errors).toStrictEqual([]);
    expect(moved.warnings).toStrictEqual([]);
  });

  it('a pretty-printed JSON object that is not a Meme Jury report is ignored with a warning, not read line by line', async () => {
    const dir = await project();
    await writeFile(join(dir, 'notes.json'), JSON.stringify({ title: 'x', rows: [1, 2] }, null, 2) + '\n');
    const r = await loadItemLists(dir);
    expect(r.items).toHaveLength(4);
    expect(r.errors).toStrictEqual([]);
    expect(r.warnings).toStrictEqual([
      'notes.json: not an item list (it holds one object without "id" and "img"); ignored',
    ]);
  });

  it('one object on one line is one object; a first line followed by more is JSON lines', async () => {
    const dir = await project();
    await writeFile(join(dir, 'a-report.json'), JSON.stringify({ kind: REPORT_KIND, figures: {} }));
    await writeFile(join(dir, 'b-notes.json'), ' ' + JSON.stringify({ title: 'x' }) + '\n\n');
    await writeFile(join(dir, 'c-rows.jsonl'), '{"title":"x"}\n{"title":"y"}\n');
    await writeFile(
      join(dir, 'd-more.jsonl'),
      '{"id":9,"img":"img/9.png","text":"nine"}\n{"id":10,"img":"img/10.png","text":"ten"}\n',
    );
    const r = await loadItemLists(dir);
    expect(r.files).toStrictEqual(['d-more.jsonl', 'items.jsonl']);
    expect(r.items.map((i) => i.id)).toStrictEqual([9, 10, 1, 2, 3, 4]);
    expect(r.errors).toStrictEqual([]);
    expect(r.warnings).toStrictEqual([
      'b-notes.json: not an item list (it holds one object without "id" and "img"); ignored',
      'c-rows.jsonl: not an item list (its first record lacks "id" and "img"); ignored',
    ]);
  });
});
