// The fast line decoders and writers (shared/records.ts, fghm.ts) change no result: on canonical
// lines and on many mutations of them, whatever a decoder accepts equals what JSON.parse and the
// check give, key order included, and a log read with and without the decoder gives the same
// records and errors; the writers write exactly what JSON.stringify writes.
import { describe, expect, it } from 'vitest';
import { eachJsonl, type LineError } from '../../shared/jsonl';
import {
  checkFghmItem,
  decodeItemLine,
  fghmLine,
  imagePathProblem,
  itemListLine,
  itemListRecord,
  toFghm,
} from '../../shared/fghm';
import { computeGold } from '../../shared/gold';
import {
  checkAnnotationEvent,
  decodeAnnotationLine,
  type AnnotationEvent,
  type Check,
  type Item,
} from '../../shared/records';
import { annotationLine } from '../../shared/annotationLine';
import { annotationLinesBytes } from '../../electron/services/logs';
import { rng } from '../../electron/services/synthetic';
import { LABELS, mutate, pick, randomItemRecord, usually, type R } from './lineFuzz';

const TIMES = [
  '2024-03-01T10:00:00.000Z',
  '2024-03-01T10:00:00Z',
  '2024-02-31T23:59:59.999Z',
  '2024-13-01T00:00:00.000Z',
  '2024-03-01',
  'March 7, 2024',
  'not a time',
  '2024-03-01T24:00:00.000Z',
];
const NOTES = ['', '', '', 'ok', 'says "hi"', 'back\\slash', 'line\nbreak', 'tab\tin', 'ünï', '\u0001'];

function randomRaw(r: R): Record<string, unknown> {
  const hateful = r() < 0.5;
  const o: Record<string, unknown> = {
    v: r() < 0.97 ? 1 : pick(r, [2, '1', 1.5]),
    item: usually(r, Math.floor(r() * 100000), [
      0,
      123456789012345,
      1234567890123456,
      -3,
      1.5,
      'meme-1',
      'x"y',
      '',
      '007',
    ]),
    annotator: usually(r, pick(r, ['ann-a', 'fghm-1']), ['Bad Id', '_x', 'b'.repeat(64), 'b'.repeat(65)]),
    hate: r() < 0.1 ? pick(r, [null, 'maybe', 1]) : hateful ? 'hateful' : 'not_hateful',
    pc:
      hateful || r() < 0.1
        ? Array.from({ length: Math.floor(r() * 3) }, () => usually(r, 'race', LABELS))
        : [],
    attack:
      hateful || r() < 0.1
        ? Array.from({ length: Math.floor(r() * 3) }, () => usually(r, 'slurs', LABELS))
        : [],
    at: usually(r, TIMES[0], TIMES),
    ms: usually(r, Math.floor(r() * 9000), [0, 3.5, -1, 1e21, '5']),
    note: usually(r, '', NOTES),
    flag: usually(r, r() < 0.5, ['no'] as unknown[]),
  };
  if (r() < 0.1) o.skip = pick(r, ['distressing', 'skip', 'broken', 'bored']);
  // The guidelines version labels are made under (a full hash, a 12-digit prefix, or wrong).
  if (r() < 0.3) o.gv = usually(r, 'c0ffee'.repeat(10) + 'abcd', ['abcdef012345', 'abc', 'A'.repeat(64), 5]);
  if (r() < 0.1) o.undo = pick(r, [true, true, false]);
  if (r() < 0.05) o.extra = 1;
  return o;
}

function slow(line: string): Check<AnnotationEvent> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  return checkAnnotationEvent(raw);
}

describe('decodeAnnotationLine', () => {
  it('accepts only what JSON.parse and checkAnnotationEvent accept, with the same value', () => {
    const r = rng(42);
    let canonical = 0;
    let fastCanonical = 0;
    let fastMutated = 0;
    for (let n = 0; n < 4000; n++) {
      const raw = randomRaw(r);
      const checked = checkAnnotationEvent(raw);
      // Lines as the app writes them (a checked record), and raw records as anyone might.
      const lines = [JSON.stringify(raw)];
      if (checked.ok) {
        lines.push(JSON.stringify(checked.value));
        canonical++;
      }
      for (const base of [...lines]) for (let m = 0; m < 6; m++) lines.push(mutate(r, base));
      lines.forEach((line, k) => {
        const fast = decodeAnnotationLine(line, 0, line.length);
        if (fast === undefined) return;
        const ref = slow(line);
        expect(ref?.ok, line).toBe(true);
        const value = (ref as { ok: true; value: AnnotationEvent }).value;
        expect(fast, line).toStrictEqual(value);
        expect(JSON.stringify(fast), line).toBe(JSON.stringify(value));
        if (k === 1 && checked.ok) fastCanonical++;
        if (k > 1) fastMutated++;
      });
    }
    // The fast path is really taken: nearly every canonical line without escapes, and some
    // mutated lines that are still valid (e.g. another digit in "ms").
    expect(fastCanonical / canonical).toBeGreaterThan(0.6);
    expect(fastMutated).toBeGreaterThan(0);
  });

  it('a log reads the same with and without it: records, line numbers and errors', () => {
    const r = rng(7);
    const lines: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const raw = randomRaw(r);
      const c = checkAnnotationEvent(raw);
      const line = JSON.stringify(c.ok ? c.value : raw);
      lines.push(r() < 0.2 ? mutate(r, line) : line, ...(r() < 0.05 ? ['', '  '] : []));
    }
    const text = lines.join(r() < 0.5 ? '\n' : '\r\n') + '\n';
    const read = (check: (raw: unknown) => Check<AnnotationEvent>) => {
      const records: [number, string][] = [];
      const errors: LineError[] = [];
      const n = eachJsonl(
        text,
        'f.jsonl',
        check,
        (v, line) => records.push([line, JSON.stringify(v)]),
        (e) => errors.push(e),
      );
      return { n, records, errors };
    };
    const plain = (raw: unknown) => checkAnnotationEvent(raw); // the same check, no decoder
    const withFast = read(checkAnnotationEvent);
    expect(withFast).toStrictEqual(read(plain));
    expect(withFast.records.length).toBeGreaterThan(1000);
  });
});

function slowItem(line: string): Check<Item> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  return checkFghmItem(raw);
}

describe('decodeItemLine', () => {
  it('accepts only what JSON.parse and checkFghmItem accept, with the same item', () => {
    const r = rng(3);
    let valid = 0;
    let fastValid = 0;
    for (let n = 0; n < 4000; n++) {
      const line0 = JSON.stringify(randomItemRecord(r));
      const lines = [line0, ...Array.from({ length: 6 }, () => mutate(r, line0))];
      lines.forEach((line, k) => {
        const fast = decodeItemLine(line, 0, line.length);
        const ref = slowItem(line);
        if (k === 0 && ref?.ok) valid++;
        if (fast === undefined) return;
        expect(ref?.ok, line).toBe(true);
        const value = (ref as { ok: true; value: Item }).value;
        expect(fast, line).toStrictEqual(value);
        expect(JSON.stringify(fast), line).toBe(JSON.stringify(value));
        if (k === 0) fastValid++;
      });
    }
    expect(fastValid / valid).toBeGreaterThan(0.6);
  });

  it('imagePathProblem says what the split-based rule says', () => {
    const naive = (img: string): string | null => {
      if (img.includes('\0') || img.includes('\\')) return 'a backslash or NUL is not part of an image path';
      if (img.startsWith('/')) return 'an absolute path; give the path inside the project (img/…)';
      if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(img))
        return 'a URL or drive; give the path inside the project (img/…)';
      const parts = img.split('/');
      if (parts.some((p) => p === '..' || p === '.' || p === ''))
        return 'a path that leaves the project ("..", "." or "//")';
      if (parts.some((p) => p.startsWith('.'))) return 'a hidden file or folder';
      return null;
    };
    const r = rng(11);
    const bits = ['a', '.', '/', 'b', '..', 'x.png', '\\', ':', 'C', '1', '\0'];
    for (let n = 0; n < 50000; n++) {
      let s = '';
      for (let k = Math.floor(r() * 7); k > 0; k--) s += pick(r, bits);
      expect(imagePathProblem(s), JSON.stringify(s)).toBe(naive(s));
    }
  });
});

describe('reading a log keeps none of its text', () => {
  it('lets go of the last subject the line expressions matched (RegExp.input)', () => {
    const line = JSON.stringify({
      v: 1,
      item: 1,
      annotator: 'ann-a',
      hate: 'not_hateful',
      pc: [],
      attack: [],
      at: TIMES[0],
      ms: 0,
      note: '',
      flag: false,
    });
    const text = `${line}\n`.repeat(3);
    const records: unknown[] = [];
    eachJsonl(
      text,
      'f.jsonl',
      checkAnnotationEvent,
      (v) => records.push(v),
      () => undefined,
    );
    expect(records).toHaveLength(3);
    // The legacy static that would otherwise hold the whole text for as long as nothing matches.
    expect((RegExp as unknown as { input: string }).input).not.toContain('"annotator"');
  });
});

describe('annotationLine', () => {
  it('writes exactly what JSON.stringify writes for every checked event, and reads back the same', () => {
    const r = rng(11);
    const odd = ['\ud800', 'a\u2028b', '😀 ok', 'q"uote', 'back\\slash', '\u007f', 'tab\t', ''];
    let n = 0;
    for (let k = 0; k < 4000; k++) {
      const raw = randomRaw(r);
      if (r() < 0.2) raw.note = pick(r, odd);
      if (r() < 0.05) raw.item = pick(r, ['meme-"7"', 'm\u2028', '😀']);
      if (r() < 0.05) raw.model = { shown: 'after', hate: 'hateful', pc: ['race'], attack: [] };
      const c = checkAnnotationEvent(raw);
      if (!c.ok) continue;
      n++;
      const line = annotationLine(c.value);
      expect(line).toBe(JSON.stringify(c.value));
      const back = decodeAnnotationLine(line, 0, line.length) ?? slow(line);
      expect(back && 'ok' in back && back.ok ? back.value : back).toStrictEqual(c.value);
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('as bytes: the UTF-8 of the same lines, for lines written together and any other', () => {
    const r = rng(12);
    const events: AnnotationEvent[] = [];
    for (let k = 0; k < 4000; k++) {
      const raw = randomRaw(r);
      // Most as an import writes them (no time spent, note or flag: their rest is remembered).
      if (r() < 0.7) Object.assign(raw, { ms: 0, note: '', flag: false });
      if (r() < 0.05) raw.note = pick(r, ['😀 ok', 'q"uote', '\u2028']);
      if (r() < 0.05) raw.item = pick(r, ['meme-"7"', '😀', 123456789012345]);
      const c = checkAnnotationEvent(raw);
      if (c.ok) events.push(c.value);
    }
    const want = events.map((ev) => JSON.stringify(ev) + '\n').join('');
    expect(annotationLinesBytes(events).toString('utf8')).toBe(want);
    // In batches too (the remembered rests carry over from one batch to the next).
    const halves = [events.slice(0, 1000), events.slice(1000)].map((b) => annotationLinesBytes(b));
    expect(Buffer.concat(halves).toString('utf8')).toBe(want);
    expect(annotationLinesBytes([]).length).toBe(0);
  });
});

describe('fghmLine', () => {
  it('writes exactly what JSON.stringify writes of toFghm, for every outcome', () => {
    const r = rng(5);
    const texts = ['a meme', 'say "no"', 'two\nlines', 'ünï', '\ud83d', 'back\\slash'];
    const hates = ['hateful', 'not_hateful'] as const;
    for (let k = 0; k < 3000; k++) {
      const item: Item = {
        id: r() < 0.8 ? Math.floor(r() * 1e6) : pick(r, ['m-1', 'q"1']),
        img: `img/${k}.png`,
        text: pick(r, texts),
      };
      if (r() < 0.7) item.set_name = pick(r, ['train', 'dev "x"']);
      const votes = Array.from({ length: Math.floor(r() * 4) }, () => {
        const hate = pick(r, hates);
        const pc =
          hate === 'hateful'
            ? Array.from({ length: Math.floor(r() * 3) }, () => pick(r, ['race', 'sex', 'x"y']))
            : [];
        const attack =
          hate === 'hateful'
            ? Array.from({ length: Math.floor(r() * 3) }, () => pick(r, ['mocking', 'slurs']))
            : [];
        return { annotator: 'a', hate, pc: r() < 0.5 ? Object.freeze(pc) : pc, attack };
      });
      const policy = pick(r, ['fghm', 'strict'] as const);
      const decision =
        r() < 0.1 ? { hate: pick(r, hates), pc: ['religion'], attack: [] as string[] } : undefined;
      const gold = computeGold(votes, policy, r() < 0.3 ? pick(r, hates) : undefined, decision);
      // Twice: the second time the lists' JSON comes from what the first remembered.
      for (let t = 0; t < 2; t++)
        expect(fghmLine(item, votes, gold)).toBe(JSON.stringify(toFghm(item, votes, gold)));
    }
  });
});

describe('itemListLine', () => {
  it('writes exactly what JSON.stringify writes of the item list record, and reads back the item', () => {
    const r = rng(9);
    for (let k = 0; k < 3000; k++) {
      const item: Item = {
        id: r() < 0.8 ? Math.floor(r() * 1e6) : pick(r, ['m-1', 'q"1', '😀']),
        img: pick(r, [`img/${k}.png`, 'img/"q".png', 'img/ü.webp']),
        text: pick(r, ['a meme', 'say "no"', 'two\nlines', '\ud83d', '']),
      };
      if (r() < 0.7) item.set_name = pick(r, ['train', 'dev "x"']);
      if (r() < 0.5) item.ref_hate = pick(r, ['hateful', 'not_hateful'] as const);
      if (r() < 0.2)
        item.provenance = pick(r, [
          {},
          { source: 'web' },
          { licence: 'CC-BY', consent: 'yes' as const },
          { notes: undefined },
        ]);
      const line = itemListLine(item);
      expect(line).toBe(JSON.stringify(itemListRecord(item)));
      if (!item.provenance) {
        const back = decodeItemLine(line, 0, line.length) ?? checkFghmItem(JSON.parse(line));
        expect('ok' in back ? back.ok && back.value : back).toStrictEqual(item);
      }
    }
  });
});
