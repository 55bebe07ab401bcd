// Every agreement figure depends on an item only through its row of ratings, and a project has
// few distinct rows (27 at most for 3 raters of a yes/no label, a few hundred for label sets):
// the figures are computed once per distinct row, weighted by how many items have it.

export interface WeightedRows {
  /** values[row * raters + rater], as in the matrix the rows come from. */
  values: Int32Array;
  /** How many items each row stands for. */
  weights: Float64Array;
  /** Distinct rows. */
  items: number;
}

// Rows are told apart by a number (their digits in base max − min + 1) while that number stays
// exact; beyond, by their text. A dense table replaces the map while it stays this small.
const TABLE_LIMIT = 1 << 16;

/**
 * Which rows count, and for how much: only the rows `u` with `of[u] === is` (e.g. the items
 * whose gold is hateful), and/or each row as `weights[u]` items (rows that are distinct rows
 * already, of a finer matrix).
 */
export interface RowSelection {
  of?: Int32Array;
  is?: number;
  weights?: Float64Array;
}

/**
 * The distinct rows of an items × raters matrix (or of the rows `only` selects), in order of
 * first appearance, with weights.
 */
export function distinctRows(
  values: Int32Array,
  items: number,
  raters: number,
  only?: RowSelection,
): WeightedRows {
  let min = 0;
  let max = 0;
  for (let i = 0; i < items * raters; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const base = max - min + 1;
  const codes = base ** raters;
  const table = codes <= TABLE_LIMIT ? new Int32Array(codes).fill(-1) : null;
  const ids = new Map<number | string, number>();
  const firstRow: number[] = [];
  const counts: number[] = [];
  for (let u = 0; u < items; u++) {
    if (only?.of !== undefined && only.of[u] !== only.is) continue;
    const at = u * raters;
    let key: number | string = 0;
    if (codes <= Number.MAX_SAFE_INTEGER)
      for (let c = raters - 1; c >= 0; c--) key = (key as number) * base + (values[at + c] - min);
    else key = values.subarray(at, at + raters).join(',');
    let id = table !== null ? table[key as number] : ids.get(key);
    if (id === undefined || id < 0) {
      id = firstRow.length;
      if (table !== null) table[key as number] = id;
      else ids.set(key, id);
      firstRow.push(u);
      counts.push(0);
    }
    counts[id] += only?.weights === undefined ? 1 : only.weights[u];
  }
  const out = new Int32Array(firstRow.length * raters);
  for (let r = 0; r < firstRow.length; r++)
    out.set(values.subarray(firstRow[r] * raters, firstRow[r] * raters + raters), r * raters);
  return { values: out, weights: Float64Array.from(counts), items: firstRow.length };
}
