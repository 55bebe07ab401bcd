// Roles and readiness through the contract: annotators label blind, leads are on the roster and
// every role change is on the record, items reach review only when ready, and a lead who voted on
// a meme decides it only knowingly.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../../electron/services/project';
import { tempDir, testBackend } from './helpers';

const at = new Date().toISOString();
const line = (item: number, annotator: string, hate: 'hateful' | 'not_hateful', pc: string[] = []) =>
  JSON.stringify({
    v: 1,
    item,
    annotator,
    hate,
    pc,
    attack: hate === 'hateful' ? ['mocking'] : [],
    at,
    ms: 2500,
    note: '',
    flag: false,
  }) + '\n';

async function project(): Promise<string> {
  const dir = await tempDir();
  await initProject(dir, { name: 'roles', targetAnnotators: 3 });
  await writeFile(
    join(dir, 'items.jsonl'),
    [1, 2, 3].map((id) => JSON.stringify({ id, img: `img/${id}.png`, text: `meme ${id}` })).join('\n') + '\n',
  );
  // Item 1: three votes (ready, a 2-1 split on hate). Item 2: two votes (waiting for a third).
  await writeFile(
    join(dir, '.memejury/annotations/ann-b.jsonl'),
    line(1, 'ann-b', 'hateful', ['race']) + line(2, 'ann-b', 'hateful', ['sex']),
  );
  await writeFile(
    join(dir, '.memejury/annotations/ann-c.jsonl'),
    line(1, 'ann-c', 'hateful', ['race']) + line(2, 'ann-c', 'not_hateful'),
  );
  await writeFile(join(dir, '.memejury/annotations/lead-l.jsonl'), line(1, 'lead-l', 'not_hateful'));
  return dir;
}

describe('roles', () => {
  it('an annotator sees only their own labels and figures; every team view is refused', async () => {
    const dir = await project();
    const lead = await testBackend(await tempDir(), 'lead-l');
    await lead.call('project:open', { dir });
    await lead.call('lead:set', { on: true });
    await lead.dispose();

    const b = await testBackend(await tempDir(), 'ann-b');
    const summary = await b.call('project:open', { dir });
    expect(summary).toMatchObject({ role: 'annotator', leads: ['lead-l'] });
    for (const [channel, args] of [
      ['review:list', { filter: {} }],
      ['review:item', { id: 1 }],
      ['stats:dashboard', {}],
      ['export:preview', { options: { format: 'fghm' } }],
      ['roster:list', undefined],
      ['rights:summary', undefined],
      ['rights:item', { id: 1 }],
      ['rights:audit', undefined],
    ] as const)
      await expect(b.handle(channel, args), channel).rejects.toThrow(/only a lead/);
    await expect(b.call('lead:set', { on: true })).rejects.toThrow(/only a lead of this project \(lead-l\)/);
    const mine = await b.call('item:get', { ids: [1] });
    expect(mine[0].mine?.pc).toStrictEqual(['race']);
    expect(Object.keys(mine[0]).sort()).toStrictEqual([
      'id',
      'img',
      'mine',
      'missing',
      'set_name',
      'suggestion',
      'text',
    ]);
    expect(mine[0].suggestion).toBeNull();
    const figures = await b.call('annotator:figures', undefined);
    expect(figures).toMatchObject({ id: 'ann-b', items_done: 2, gold_agreement: null, gold_exact: null });
    await b.dispose();
  });

  it('the first lead claims the role on the record; leads give and take roles; the last lead stays', async () => {
    const dir = await project();
    const b = await testBackend(await tempDir(), 'lead-l');
    await b.call('project:open', { dir });
    await expect(b.call('roster:setRole', { annotator: 'ann-b', role: 'lead' })).rejects.toThrow(
      /only a lead/,
    );
    const s = await b.call('lead:set', { on: true });
    expect(s).toMatchObject({ role: 'lead', leads: ['lead-l'], lead: true });
    const roster = await b.call('roster:setRole', { annotator: 'ann-b', role: 'lead' });
    expect(roster.filter((r) => r.role === 'lead').map((r) => r.id)).toStrictEqual(['lead-l', 'ann-b']);
    await b.call('roster:setRole', { annotator: 'ann-b', role: 'annotator' });
    await expect(b.call('roster:setRole', { annotator: 'lead-l', role: 'annotator' })).rejects.toThrow(
      /only lead/,
    );
    const events = (await readFile(join(dir, '.memejury/governance.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; annotator: string; role: string; by: string });
    expect(events.map((e) => [e.type, e.annotator, e.role, e.by])).toStrictEqual([
      ['role', 'lead-l', 'lead', 'lead-l'],
      ['role', 'ann-b', 'lead', 'lead-l'],
      ['role', 'ann-b', 'annotator', 'lead-l'],
    ]);
    const config = JSON.parse(await readFile(join(dir, '.memejury/project.json'), 'utf8')) as {
      roster: { id: string; role: string }[];
    };
    expect(config.roster).toStrictEqual([
      { id: 'lead-l', role: 'lead' },
      { id: 'ann-b', role: 'annotator' },
    ]);
    await b.dispose();
  });

  it('review shows ready items only; a lead closes one early; deciding a meme one voted on is marked', async () => {
    const dir = await project();
    const b = await testBackend(await tempDir(), 'lead-l');
    await b.call('project:open', { dir });
    await b.call('lead:set', { on: true });
    // Item 1 is ready and the policy settles its 2-1 split: accepted, listed only among disagreements.
    const list = await b.call('review:list', { filter: {} });
    expect(list.rows.map((r) => r.id)).toStrictEqual([]);
    expect(list).toMatchObject({ labeled: 2, ready: 1, autoAccepted: 1 });
    expect(
      (await b.call('review:list', { filter: { anyDisagreement: true } })).rows.map((r) => r.id),
    ).toStrictEqual([1]);
    expect(
      (await b.call('review:list', { filter: { incomplete: true } })).rows.map((r) => r.id),
    ).toStrictEqual([2]);
    const closed = await b.call('review:close', { item: 2, close: true, note: 'third annotator left' });
    expect(closed).toMatchObject({
      readiness: 'closed',
      closed: { lead: 'lead-l', note: 'third annotator left' },
    });
    // Closed with a 1-1 tie on hate: it needs the lead now.
    expect((await b.call('review:list', { filter: {} })).rows.map((r) => r.id)).toStrictEqual([2]);
    await expect(b.call('review:close', { item: 3, close: true })).rejects.toThrow(/no votes yet/);

    // lead-l voted on item 1 as an annotator.
    const one = await b.call('review:item', { id: 1 });
    expect(one.ownVote).toBe(true);
    const decide = { item: 1, hate: 'hateful' as const, pc: ['race'], attack: ['mocking'] };
    await expect(b.call('adjudication:save', decide)).rejects.toThrow(/you labeled meme 1 as an annotator/);
    const decided = await b.call('adjudication:save', { ...decide, ownVote: true });
    expect(decided.decision).toMatchObject({ lead: 'lead-l', ownVote: true });
    const lines = (await readFile(join(dir, '.memejury/adjudications.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ item: 2, close: true, lead: 'lead-l' });
    expect(JSON.parse(lines[1])).toMatchObject({ item: 1, own_vote: true });
    await b.dispose();
  });
});
