// distinctRows: each row of the matrix once, with how many items have it, whatever the values
// (small codes in a table, larger ones in a map, and rows too wide for a number by their text).
import { describe, expect, it } from 'vitest';
import { distinctRows } from '../../shared/agreement/rows';
import { rng } from '../../electron/services/synthetic';

/** Row text → count, the multiset of a matrix's rows. */
function tally(
  values: Int32Array,
  items: number,
  raters: number,
  weights?: Float64Array,
): Map<string, number> {
  const out = new Map<string, number>();
  for (let u = 0; u < items; u++) {
    const key = Array.from(values.subarray(u * raters, u * raters + raters)).join(',');
    out.set(key, (out.get(key) ?? 0) + (weights ? weights[u] : 1));
  }
  return out;
}

describe('distinctRows', () => {
  it.each([
    ['yes/no votes, 3 raters (a table)', 3, 2],
    ['label masks, 4 raters (a map)', 4, 1 << 7],
    ['label masks, 12 raters (rows by their text)', 12, 1 << 29],
  ])('%s', (_, raters, range) => {
    const r = rng(raters);
    const items = 2000;
    const values = new Int32Array(items * raters);
    // Rows drawn from 50 random ones, so they repeat; -1 is "no rating".
    const pool = Array.from({ length: 50 }, () =>
      Array.from({ length: raters }, () => (r() < 0.2 ? -1 : Math.floor(r() * range))),
    );
    for (let u = 0; u < items; u++) values.set(pool[Math.floor(r() * pool.length)], u * raters);
    const rows = distinctRows(values, items, raters);
    expect(rows.items).toBeLessThan(items);
    expect(rows.values.length).toBe(rows.items * raters);
    expect(tally(rows.values, rows.items, raters, rows.weights)).toEqual(tally(values, items, raters));
    // Each row once.
    expect(tally(rows.values, rows.items, raters).size).toBe(rows.items);
    // Only the rows selected, and rows that stand for several items each.
    const of = Int32Array.from({ length: items }, (_, u) => u % 3);
    const picked = distinctRows(values, items, raters, { of, is: 0 });
    const kept = values.filter((_, i) => Math.floor(i / raters) % 3 === 0);
    expect(tally(picked.values, picked.items, raters, picked.weights)).toEqual(
      tally(kept, kept.length / raters, raters),
    );
    const again = distinctRows(rows.values, rows.items, raters, { weights: rows.weights });
    expect(tally(again.values, again.items, raters, again.weights)).toEqual(tally(values, items, raters));
  });
});
