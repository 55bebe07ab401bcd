import { describe, expect, it } from 'vitest';
import { formatLineError, parseJsonOrJsonl, parseJsonl, splitTornTail } from '../../shared/jsonl';
import { parseJsonArray } from '../../shared/interchange/jsonArray';
import { checkAnnotationEvent } from '../../shared/records';

const good = (item: number): string =>
  JSON.stringify({
    v: 1,
    item,
    annotator: 'ann-a',
    hate: 'hateful',
    pc: ['race'],
    attack: ['mocking'],
    at: '2026-01-01T00:00:00Z',
    ms: 10,
    note: '',
    flag: false,
  });

describe('JSONL codec', () => {
  it('names file, line and field of every bad line and keeps the good ones', () => {
    const text = [
      good(1),
      '{"v":1,"item":2,',
      '',
      good(3).replace('"hateful"', '"maybe"'),
      good(4).replace('"ann-a"', '"bad/../id"'),
      good(5),
    ].join('\n');
    const r = parseJsonl(text, 'annotations/ann-a.jsonl', checkAnnotationEvent);
    expect(r.records.map((x) => [x.line, x.value.item])).toStrictEqual([
      [1, 1],
      [6, 5],
    ]);
    expect(r.errors.map(formatLineError)).toStrictEqual([
      expect.stringMatching(/^annotations\/ann-a\.jsonl:2: not valid JSON/),
      'annotations/ann-a.jsonl:4: field "hate": expected "hateful", "not_hateful" or null',
      'annotations/ann-a.jsonl:5: field "annotator": expected an annotator id (letters, digits, "_", "-")',
    ]);
  });

  it('rejects labels on a not-hateful line', () => {
    const r = checkAnnotationEvent(JSON.parse(good(1).replace('"hateful"', '"not_hateful"')));
    expect(r).toStrictEqual({
      ok: false,
      error: 'field "pc"/"attack": labels are only allowed when "hate" is "hateful"',
    });
  });

  it('separates a torn last line from complete ones', () => {
    expect(splitTornTail(`${good(1)}\n{"v":1,"it`)).toStrictEqual({
      complete: `${good(1)}\n`,
      torn: '{"v":1,"it',
    });
    expect(splitTornTail(`${good(1)}\n${good(2)}`).torn).toBe('');
    expect(splitTornTail(`${good(1)}\n`).torn).toBe('');
    expect(splitTornTail(`${good(1)}\n  `).torn).toBe('');
  });

  it('a JSON array file with a syntax error names the line and the column in that line', () => {
    const text = '[\n{"id":1,\n"data": {"img":"img/1.png" ,,}}\n]\n';
    const want = { file: 'bad.json', line: 3, message: 'not valid JSON (unexpected character at column 29)' };
    expect(parseJsonOrJsonl(text, 'bad.json').errors).toStrictEqual([want]);
    expect(parseJsonArray(text, 'bad.json').error).toStrictEqual(want);
    // A byte-order mark is not a column of the first line; the end of the text is its last line.
    expect(parseJsonOrJsonl('\uFEFF[{"a":1,}]', 'b.json').errors[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('at column 9)'),
    });
    expect(parseJsonOrJsonl('[\n{"a":1}\n', 'c.json').errors[0]).toMatchObject({ line: 3 });
  });
});
