// decodeFghmLine, the fast reader of released FGHM lines, accepts only what JSON.parse and
// fromFghm accept, with the same record; and an import reads a file the same with and without it.
import { describe, expect, it } from 'vitest';
import { checkFghmRecord, decodeFghmLine, fromFghm, type FghmImport } from '../../shared/fghm';
import { eachJsonl, type LineError } from '../../shared/jsonl';
import type { Check } from '../../shared/records';
import { rng } from '../../electron/services/synthetic';
import { LABELS, mutate, pick, randomItemRecord, usually, type R } from './lineFuzz';

const list = (r: R, usual: string): string[] =>
  Array.from({ length: Math.floor(r() * 3) }, () => usually(r, usual, LABELS));

/** A record in the released key order: the item's fields, then gold and the annotators' lists. */
function randomFghmRecord(r: R): Record<string, unknown> {
  const { source: _, gold_pc: __, ...o } = randomItemRecord(r);
  const hateful = o.gold_hate !== undefined && (o.gold_hate as string[])[0] === 'hateful';
  if (r() < 0.8) o.gold_pc = usually<unknown>(r, hateful ? list(r, 'race') : ['pc_empty'], [[], 'race', [1]]);
  if (r() < 0.8)
    o.gold_attack = usually<unknown>(r, hateful ? list(r, 'slurs') : ['attack_empty'], [[], [null]]);
  const slots = usually(r, 3, [0, 1, 2, 4]);
  const lists = (usual: string): unknown =>
    usually<unknown>(
      r,
      Array.from({ length: slots }, () => list(r, usual)),
      ['None', null, [], 'race', [['race'], 'race'], [['race']], Array.from({ length: slots + 1 }, () => [])],
    );
  if (r() < 0.9) o.pc = hateful ? lists('race') : usually(r, 'None', [lists('race')]);
  if (r() < 0.9) o.attack = hateful ? lists('slurs') : usually(r, 'None', [lists('slurs')]);
  if (r() < 0.03) o.extra = pick(r, [1, 'x']);
  return o;
}

function slow(line: string): Check<FghmImport> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  return fromFghm(raw);
}

describe('decodeFghmLine', () => {
  it('accepts only what JSON.parse and fromFghm accept, with the same record and warnings', () => {
    const r = rng(5);
    let valid = 0;
    let fastValid = 0;
    for (let n = 0; n < 4000; n++) {
      const line0 = JSON.stringify(randomFghmRecord(r));
      const lines = [line0, ...Array.from({ length: 6 }, () => mutate(r, line0))];
      lines.forEach((line, k) => {
        const fast = decodeFghmLine(line, 0, line.length);
        const ref = slow(line);
        if (k === 0 && ref?.ok) valid++;
        if (fast === undefined) return;
        expect(ref?.ok, line).toBe(true);
        const value = (ref as { ok: true; value: FghmImport }).value;
        expect(fast, line).toStrictEqual(value);
        expect(JSON.stringify(fast), line).toBe(JSON.stringify(value));
        if (k === 0) fastValid++;
      });
    }
    // Most well-formed lines take the fast path (escapes and odd values do not).
    expect(fastValid / valid).toBeGreaterThan(0.5);
  });

  it('a file reads the same with and without it: records, line numbers and errors', () => {
    const r = rng(6);
    const lines: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const line = JSON.stringify(randomFghmRecord(r));
      lines.push(r() < 0.1 ? mutate(r, line) : line);
    }
    const text = lines.join('\n') + '\n';
    const read = (check: (raw: unknown) => Check<FghmImport>) => {
      const records: [number, string][] = [];
      const errors: LineError[] = [];
      eachJsonl(
        text,
        'f.jsonl',
        check,
        (v, line) => records.push([line, JSON.stringify(v)]),
        (e) => errors.push(e),
      );
      return { records, errors };
    };
    const withFast = read(checkFghmRecord);
    expect(withFast).toStrictEqual(read((raw) => fromFghm(raw)));
    expect(withFast.records.length).toBeGreaterThan(1000);
  });
});
