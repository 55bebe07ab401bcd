// Krippendorff's alpha on label sets with the MASI distance (Passonneau 2006), as NLTK's
// masi_distance defines it (monotonicity weights 1, 0.67, 0.33, 0); two empty sets are at
// distance 0. Sets are bitmasks over a task's label index, so distinct sets are few and the
// expected disagreement is computed over distinct values instead of all pairs of ratings.

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function masiDistance(a: number, b: number): number {
  if (a === b) return 0;
  const inter = popcount(a & b);
  const union = popcount(a | b);
  const la = popcount(a);
  const lb = popcount(b);
  let m: number;
  if (la === lb && la === inter) m = 1;
  else if (inter === Math.min(la, lb)) m = 0.67;
  else if (inter > 0) m = 0.33;
  else m = 0;
  return 1 - (inter / union) * m;
}

export interface SetRatings {
  /** masks[item * raters + rater]: label bitmask, or -1 for no rating. */
  masks: Int32Array;
  items: number;
  raters: number;
  /** How many items each row stands for (distinctRows); 1 each when absent. */
  weights?: Float64Array;
}

/** Alpha with MASI over every item with two or more ratings; null without pairable data. */
export function masiAlpha(r: SetRatings): number | null {
  const { masks, items, raters, weights } = r;
  const ids = new Map<number, number>();
  const distinct: number[] = [];
  const freq: number[] = [];
  // Distances between distinct sets, filled as pairs appear: a dense table (NaN = not yet),
  // rebuilt larger when more distinct sets turn up (they are few: a task has a handful of labels).
  let cap = 16;
  let table = new Float64Array(cap * cap).fill(NaN);
  const d = (x: number, y: number): number => {
    if (x === y) return 0;
    if (x >= cap || y >= cap) {
      const bigger = Math.max(cap * 2, x + 1, y + 1);
      const next = new Float64Array(bigger * bigger).fill(NaN);
      for (let i = 0; i < cap; i++) next.set(table.subarray(i * cap, i * cap + cap), i * bigger);
      cap = bigger;
      table = next;
    }
    let v = table[x * cap + y];
    if (Number.isNaN(v)) {
      v = masiDistance(distinct[x], distinct[y]);
      table[x * cap + y] = v;
      table[y * cap + x] = v;
    }
    return v;
  };
  // The set ids of the current item's ratings: a reused buffer, nothing allocated per item.
  const local = new Int32Array(raters);
  let n = 0;
  let observed = 0;
  for (let u = 0; u < items; u++) {
    const w = weights === undefined ? 1 : weights[u];
    let m = 0;
    const base = u * raters;
    for (let c = 0; c < raters; c++) {
      const mask = masks[base + c];
      if (mask < 0) continue;
      let id = ids.get(mask);
      if (id === undefined) {
        id = distinct.length;
        ids.set(mask, id);
        distinct.push(mask);
        freq.push(0);
      }
      local[m++] = id;
    }
    if (m < 2) continue;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      freq[local[i]] += w;
      for (let j = i + 1; j < m; j++) sum += 2 * d(local[i], local[j]);
    }
    observed += (w * sum) / (m - 1);
    n += w * m;
  }
  if (n < 2) return null;
  let expected = 0;
  for (let x = 0; x < distinct.length; x++) {
    if (!freq[x]) continue;
    for (let y = x + 1; y < distinct.length; y++) {
      if (freq[y]) expected += 2 * freq[x] * freq[y] * d(x, y);
    }
  }
  const Do = observed / n;
  const De = expected / (n * (n - 1));
  if (De <= 1e-15) return 1;
  return 1 - Do / De;
}
