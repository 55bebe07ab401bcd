// Interchange (issue 12 part 5): each format's shape against the tool's documented schema and
// imports of files the tools themselves write: Label Studio JSON, Prodigy JSONL, CSV (the Hugging
// Face export: interchange-hf.test.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv';
import { CSV_COLUMNS } from '../../shared/interchange/csv';
import { detectFormat } from '../../shared/interchange/detect';
import { LS_LOCAL_FILES } from '../../shared/interchange/labelstudio';
import { murmur3 } from '../../shared/interchange/murmur';
import { prodigyHashes } from '../../shared/interchange/prodigy';
import { Project } from '../../electron/services/project';
import { tempDir } from './helpers';
import { exportTo, importIntoNew, jsonl, teamProject, type Rec } from './interchangeFixtures';

describe('Label Studio JSON: the documented task format', () => {
  it('one task per meme: data, one annotation per annotator with choices, lead_time, a ground-truth decision, scored predictions', async () => {
    const dir = await teamProject();
    const { out } = await exportTo(dir, 'labelstudio', 'team.json');
    const tasks = JSON.parse(await readFile(out, 'utf8')) as Rec[];
    expect(tasks).toHaveLength(3);
    const [t1, , t3] = tasks as { data: Rec; annotations: Rec[]; predictions: Rec[] }[];
    expect(t1.data).toMatchObject({
      id: 1,
      text: 'a, "quoted"\nsecond line',
      img: 'img/1.png',
      set_name: 'train',
      licence: 'cc-by-4.0',
    });
    expect(t1.data.image).toBe(`${LS_LOCAL_FILES}img/1.png`);
    expect(t1.annotations).toHaveLength(3);
    for (const a of [...t1.annotations, ...t3.annotations]) {
      expect(typeof a.completed_by).toBe('number');
      expect(typeof a.lead_time).toBe('number');
      expect(Number.isNaN(Date.parse(a.created_at as string))).toBe(false);
      expect(a.was_cancelled).toBe(false);
      for (const r of a.result as Rec[]) {
        expect(r.to_name).toBe('image');
        expect(['hate', 'pc', 'attack', 'note']).toContain(r.from_name);
        expect(r.type).toBe(r.from_name === 'note' ? 'textarea' : 'choices');
      }
    }
    const first = t1.annotations[0] as {
      result: Rec[];
      lead_time: number;
      memejury: Rec;
      ground_truth: boolean;
    };
    expect(first.result.map((r) => [r.from_name, r.value])).toStrictEqual([
      ['hate', { choices: ['hateful'] }],
      ['pc', { choices: ['race', 'religion'] }],
      ['attack', { choices: ['mocking'] }],
      ['note', { text: ['slur; see "caption", line 2\nok'] }],
    ]);
    expect(first.lead_time).toBe((1000 + 'ann-a'.charCodeAt(4)) / 1000);
    expect(first.memejury).toMatchObject({ annotator: 'ann-a', flag: true });
    expect(first.ground_truth).toBe(false);
    // A not-hateful answer is the hate choice alone.
    expect((t1.annotations[2] as { result: Rec[] }).result).toHaveLength(1);
    // The lead's decision is marked as ground truth.
    const decision = t3.annotations.find((a) => a.ground_truth === true) as { result: Rec[]; memejury: Rec };
    expect(decision.memejury).toMatchObject({ annotator: 'lead-x', decision: true });
    expect(decision.result[2]).toMatchObject({
      from_name: 'attack',
      value: { choices: ['exclusion', 'inciting_violence'] },
    });
    // The attached prediction, with scores.
    expect(t1.predictions).toHaveLength(1);
    const pred = t1.predictions[0] as { score: number; result: Rec[]; model_version: string };
    expect(pred.score).toBe(0.8);
    expect(pred.result.map((r) => [r.from_name, (r.value as Rec).choices, r.score])).toStrictEqual([
      ['hate', ['hateful'], 0.8],
      ['pc', ['race'], 0.7],
      ['attack', ['mocking'], 0.6],
    ]);
  });

  it("reads Label Studio's own export: pretty-printed, completed_by as a number or a user, cancelled and ground-truth annotations", async () => {
    const dir = await tempDir();
    const file = join(dir, 'project-1-at-2026.json');
    const choices = (from: string, c: string[]) => ({
      id: 'x1',
      from_name: from,
      to_name: 'image',
      type: 'choices',
      value: { choices: c },
    });
    const tasks = [
      {
        id: 11,
        data: { image: '/data/local-files/?d=img/a%20b.png', text: 'one', id: 'm1', gold_hate: 'hateful' },
        annotations: [
          {
            id: 1,
            completed_by: 3,
            result: [choices('hate', ['hateful']), choices('pc', ['race']), choices('attack', ['mocking'])],
            created_at: '2026-01-02T03:04:05.678901Z',
            lead_time: 2.5,
          },
          {
            id: 2,
            completed_by: { id: 4, email: 'ana.b@example.org' },
            result: [choices('hate', ['not_hateful'])],
            created_at: '2026-01-02T03:05:00Z',
            lead_time: 1,
            ground_truth: true,
          },
          { id: 3, completed_by: 5, result: [], was_cancelled: true, created_at: '2026-01-02T03:06:00Z' },
        ],
        predictions: [],
      },
      { id: 12, data: { image: '/data/local-files/?d=img/c.png', text: 'two', id: 7 }, annotations: [] },
    ];
    await writeFile(file, JSON.stringify(tasks, null, 2));
    expect(detectFormat(file, await readFile(file, 'utf8'))).toBe('labelstudio');
    const { dir: b, result } = await importIntoNew(file);
    expect(result).toMatchObject({
      format: 'labelstudio',
      records: 2,
      annotationsAdded: 2,
      annotators: ['ls-3', 'ana_b'],
    });
    expect(result.warnings.join('\n')).toMatch(/cancelled/);
    expect(result.warnings.join('\n')).toMatch(/ground-truth/);
    const p = await Project.open(b);
    expect(p.item('m1')).toMatchObject({ img: 'img/a b.png', text: 'one', ref_hate: 'hateful' });
    expect(p.state.current('ls-3', 'm1')).toMatchObject({
      hate: 'hateful',
      pc: ['race'],
      attack: ['mocking'],
      ms: 2500,
    });
    await p.close();
  });
});

describe('Prodigy JSONL: choice tasks', () => {
  it('one choice task per answer, option ids, accept, answer, annotator/session ids, timestamp, hashes', async () => {
    const dir = await teamProject();
    const { out } = await exportTo(dir, 'prodigy', 'team.jsonl');
    const lines = jsonl(await readFile(out, 'utf8'));
    // 3 memes × 3 votes, and the lead's decision on meme 3.
    expect(lines).toHaveLength(10);
    const ds = (await Project.open(dir)).config.name.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^[_-]+/, '');
    for (const t of lines) {
      expect(t._view_id).toBe('choice');
      expect(t.answer).toBe('accept');
      const ids = (t.options as { id: string; text: string }[]).map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const a of t.accept as string[]) expect(ids).toContain(a);
      expect(t._annotator_id).toBe(t._session_id);
      expect(t._annotator_id).toMatch(new RegExp(`^${ds}-`));
      expect(Number.isInteger(t._timestamp)).toBe(true);
      expect(Number.isInteger(t._input_hash) && Number.isInteger(t._task_hash)).toBe(true);
      expect(prodigyHashes(t)).toStrictEqual({ input: t._input_hash, task: t._task_hash });
    }
    const a1 = lines.find((t) => (t.meta as Rec).id === 1 && (t.memejury as Rec).annotator === 'ann-a')!;
    expect(a1.accept).toStrictEqual(['hateful', 'pc:race', 'pc:religion', 'attack:mocking']);
    expect(a1._timestamp).toBe(Math.floor(Date.parse('2026-03-01T10:05:00.123Z') / 1000));
    // Every answer to a meme is the same question: the same hashes; other memes differ.
    const ofMeme = (id: number) => lines.filter((t) => (t.meta as Rec).id === id);
    expect(new Set(ofMeme(1).map((t) => t._task_hash)).size).toBe(1);
    expect(ofMeme(1)[0]._input_hash).not.toBe(ofMeme(2)[0]._input_hash);
    // A label outside the taxonomy is one more option of that meme's question.
    expect((ofMeme(2)[0].options as { id: string }[]).map((o) => o.id)).toContain('attack:class');
  });

  it('hashes are MurmurHash3 (x86, 32-bit, signed) of the documented keys, deterministic', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('foo')).toBe(-156908512);
    expect(murmur3('hello')).toBe(613153351);
    expect(murmur3('hello world')).toBe(1586663183);
    expect(murmur3('héllo ✓ 😀')).toBe(-983327797);
    const task = { text: 't', image: 'img/1.png', options: [{ id: 'hateful', text: 'hateful' }] };
    const h = prodigyHashes(task);
    expect(h.input).toBe(murmur3('{"image":"img/1.png","text":"t"}'));
    expect(h.task).toBe(murmur3(`${h.input}{"options":[{"id":"hateful","text":"hateful"}]}`));
    // Keys Prodigy ignores change nothing; the input does.
    expect(prodigyHashes({ ...task, answer: 'reject', _session_id: 'x', accept: ['hateful'] })).toStrictEqual(
      h,
    );
    expect(prodigyHashes({ ...task, text: 'u' }).input).not.toBe(h.input);
  });

  it("reads Prodigy's own output: session ids, bare label ids, rejected answers skipped", async () => {
    const dir = await tempDir();
    const file = join(dir, 'db-out.jsonl');
    const base = {
      text: 'some meme',
      image: 'img/9.png',
      meta: { id: 9 },
      options: [],
      _input_hash: 1,
      _task_hash: 2,
      _view_id: 'choice',
    };
    const rows = [
      {
        ...base,
        accept: ['hateful', 'race', 'mocking'],
        answer: 'accept',
        _annotator_id: 'memes-2024-alice',
        _session_id: 'memes-2024-alice',
        _timestamp: 1700000000,
      },
      {
        ...base,
        accept: ['not_hateful'],
        answer: 'accept',
        _annotator_id: 'memes-2024-bob',
        _session_id: 'memes-2024-bob',
        _timestamp: 1700000100,
      },
      { ...base, accept: [], answer: 'reject', _annotator_id: 'memes-2024-carol', _timestamp: 1700000200 },
    ];
    await writeFile(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { dir: b, result } = await importIntoNew(file);
    expect(result).toMatchObject({
      format: 'prodigy',
      records: 1,
      annotationsAdded: 2,
      annotators: ['alice', 'bob'],
    });
    const p = await Project.open(b);
    expect(p.state.current('alice', 9)).toMatchObject({
      hate: 'hateful',
      pc: ['race'],
      attack: ['mocking'],
      at: '2023-11-14T22:13:20.000Z',
    });
    await p.close();
  });
});

describe('CSV: one table, RFC 4180', () => {
  it('a gold row per meme, a row per vote and decision, ;-joined labels, quoted text', async () => {
    const dir = await teamProject();
    const { out } = await exportTo(dir, 'csv', 'team.csv');
    const text = await readFile(out, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"a, ""quoted""\nsecond line"');
    const rows = parseCsv(text);
    expect(rows[0].cells).toStrictEqual([...CSV_COLUMNS]);
    const at = (c: string) => CSV_COLUMNS.indexOf(c as (typeof CSV_COLUMNS)[number]);
    const body = rows.slice(1).map((r) => r.cells);
    expect(body.map((c) => c[at('row')])).toStrictEqual([
      'gold',
      'vote',
      'vote',
      'vote',
      'gold',
      'vote',
      'vote',
      'vote',
      'gold',
      'vote',
      'vote',
      'vote',
      'decision',
    ]);
    const gold1 = body[0];
    expect([
      gold1[at('id')],
      gold1[at('hate')],
      gold1[at('pc')],
      gold1[at('attack')],
      gold1[at('text')],
      gold1[at('licence')],
    ]).toStrictEqual(['1', 'hateful', 'race', 'mocking', 'a, "quoted"\nsecond line', 'cc-by-4.0']);
    const voteA = body[1];
    expect([
      voteA[at('annotator')],
      voteA[at('pc')],
      voteA[at('attack')],
      voteA[at('flag')],
      voteA[at('note')],
    ]).toStrictEqual(['ann-a', 'race;religion', 'mocking', 'true', 'slur; see "caption", line 2\nok']);
    expect(body[12][at('attack')]).toBe('exclusion;inciting_violence');
    // No JSON anywhere in a cell.
    for (const r of body) for (const c of r) expect(c.startsWith('[') || c.startsWith('{')).toBe(false);
  });
});

/** datasets' split patterns (data_files.py, fsspec ≥ 2023.12), as regular expressions over a relative path. */
