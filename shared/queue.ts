// The labeling queue. Every annotator walks the items in the same deterministic order (a seeded
// hash, so neighbouring ids from one source are spread out), which makes overlap complete early:
// the first items everyone sees are the same items.
import { isAssigned } from './assignment';
import { fnv1a, fnv1aPrefixed } from './hash';
import { itemKey, type AnnotationEvent, type Item, type ItemKey } from './records';
import type { AnnotationState } from './state';

export const QUEUE_FILTERS = ['todo', 'done', 'flagged', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** Item indices in queue order for a project seed. */
export function queueOrder(items: readonly Item[], seed: string): Int32Array {
  const n = items.length;
  const keys = new Float64Array(n);
  const order = new Int32Array(n);
  const hash = fnv1aPrefixed(`${seed}:`); // fnv1a(`${seed}:${id}`), without a string per item
  for (let i = 0; i < n; i++) {
    // Ties (hash collisions) fall back to item order, so the order is total.
    keys[i] = hash(items[i].id) * 2 ** 20 + (i % 2 ** 20);
    order[i] = i;
  }
  if (n <= 2 ** 20) {
    // Keys are distinct and exact here (hash·2^20 + i < 2^52), so a plain numeric sort of the
    // keys gives the same order as the comparator below, several times faster; i is the low bits.
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k] % 2 ** 20;
    return order;
  }
  order.sort((a, b) => keys[a] - keys[b]);
  return order;
}

/**
 * Item indices ordered by `score` (highest first), ties in the shared order: "most uncertain
 * first" (the model's entropy) or "most disputed first" (disagreement among the votes so far).
 * Deterministic for a given project state on every machine.
 */
export function orderByScore(items: readonly Item[], seed: string, score: (i: number) => number): Int32Array {
  const shared = queueOrder(items, seed);
  const rank = new Int32Array(items.length);
  for (let k = 0; k < shared.length; k++) rank[shared[k]] = k;
  const scores = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) scores[i] = score(i);
  const order = Int32Array.from(shared);
  order.sort((a, b) => scores[b] - scores[a] || rank[a] - rank[b]);
  return order;
}

export interface QueueCounts {
  todo: number;
  done: number;
  flagged: number;
  all: number;
  /** Items that reached the target number of votes (project-wide, like `items` of Progress). */
  complete: number;
  /** Items skipped as distressing by this annotator (never counted against them). */
  distressing: number;
}

export interface QueueSelection {
  indices: number[];
  counts: QueueCounts;
}

export interface ItemStatus {
  todo: boolean;
  done: boolean;
  flagged: boolean;
  complete: boolean;
  distressing: boolean;
  votes: number;
  /** The annotator may label it: assigned to them (or no assignment), or a known-answer item. */
  assigned: boolean;
  /** The annotator has a line for it. */
  mine: boolean;
}

/** What decides an annotator's queue besides the labels: the project's rules, computed alike on every machine. */
export interface QueueRules {
  /** Votes an item needs (targetAnnotators). */
  target: number;
  /** Seed of the shared order and of assignment. */
  seed: string;
  /** Roster annotators still on the team; with more of them than `target`, items are assigned. */
  pool: readonly string[];
  /** Known-answer items: labeled by everyone, never counted for gold, mixed in at `knownRate`. */
  known: ReadonlySet<ItemKey>;
  /** Share of the queue made of known-answer items (0 = none). */
  knownRate: number;
  /** Known-answer items a new annotator labels first (0 = no qualification round). */
  qualification: number;
}

/** Rules for a project without assignment, known items or qualification (and for tests). */
export function plainRules(target: number, seed = 'memejury'): QueueRules {
  return { target, seed, pool: [], known: new Set(), knownRate: 0, qualification: 0 };
}

/**
 * One item for one annotator. "todo": no line of mine yet, the item is assigned to me (when the
 * project assigns), fewer than `target` other annotators have voted (those need no more votes),
 * and the lead has not closed it early; "done": my label; "flagged": my flag. Known-answer items
 * are todo for everyone until labeled (the queue decides when they come).
 */
export function itemStatus(
  lines: readonly AnnotationEvent[],
  annotator: string,
  target: number,
  closed = false,
  assigned = true,
  known = false,
): ItemStatus {
  let mine: AnnotationEvent | null = null;
  let others = 0;
  let votes = 0;
  for (const l of lines) {
    if (l.annotator === annotator) mine = l;
    if (l.hate !== null) {
      votes++;
      if (l.annotator !== annotator) others++;
    }
  }
  return {
    todo: mine === null && (known || (assigned && others < target && !closed)),
    done: mine !== null && mine.hate !== null,
    flagged: mine !== null && mine.flag,
    complete: !known && (votes >= target || (closed && votes > 0)),
    distressing: mine?.skip === 'distressing',
    votes,
    assigned: known || assigned,
    mine: mine !== null,
  };
}

function emptyCounts(all: number): QueueCounts {
  return { todo: 0, done: 0, flagged: 0, all, complete: 0, distressing: 0 };
}

/** Adds (sign 1) or removes (sign -1) one item's status from the counts. */
export function addStatus(counts: QueueCounts, st: ItemStatus, sign: 1 | -1): void {
  if (st.todo) counts.todo += sign;
  if (st.done) counts.done += sign;
  if (st.flagged) counts.flagged += sign;
  if (st.complete) counts.complete += sign;
  if (st.distressing) counts.distressing += sign;
}

/** The status of item `i` for `annotator` under the project's rules. */
export function statusOf(
  items: readonly Item[],
  i: number,
  state: AnnotationState,
  annotator: string,
  rules: QueueRules,
): ItemStatus {
  const id = items[i].id;
  const known = rules.known.size > 0 && rules.known.has(itemKey(id));
  const assigned =
    known ||
    rules.pool.length === 0 ||
    isAssigned(itemKey(id), annotator, rules.pool, rules.target, rules.seed);
  return itemStatus(
    state.lines(id),
    annotator,
    rules.target,
    state.closure(id) !== undefined,
    assigned,
    known,
  );
}

/**
 * The memes an annotator sees, in order. Regular memes follow `order`; known-answer memes come
 * first for a qualification round (until `qualification` of them are answered), then one after
 * every 1/knownRate regular memes, in an order of their own per annotator (so colleagues do not
 * meet them at the same moment). Counts describe exactly that list, so the end of the queue and
 * the counters agree.
 */
export function selectQueue(
  order: Int32Array,
  items: readonly Item[],
  state: AnnotationState,
  annotator: string,
  rules: QueueRules,
  filter: QueueFilter,
): QueueSelection {
  const counts = emptyCounts(items.length);
  const regular: number[] = [];
  const knownTodo: number[] = [];
  const other: number[] = [];
  let knownAnswered = 0;
  let visible = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const st = statusOf(items, i, state, annotator, rules);
    const isKnown = rules.known.size > 0 && rules.known.has(itemKey(items[i].id));
    if (isKnown && st.done) knownAnswered++;
    if (st.todo || st.mine) visible++;
    addStatus(counts, { ...st, todo: false }, 1);
    if (st.todo) (isKnown ? knownTodo : regular).push(i);
    if (
      (filter === 'all' && (st.todo || st.mine)) ||
      (filter === 'done' && st.done) ||
      (filter === 'flagged' && st.flagged)
    )
      other.push(i);
  }
  knownTodo.sort(
    (a, b) =>
      fnv1a(`${rules.seed}|${annotator}|${String(items[a].id)}`) -
        fnv1a(`${rules.seed}|${annotator}|${String(items[b].id)}`) || a - b,
  );
  const qualifying = Math.max(0, Math.min(rules.qualification - knownAnswered, knownTodo.length));
  const todo = knownTodo.slice(0, qualifying);
  const mixed = rules.knownRate > 0 ? knownTodo.slice(qualifying) : [];
  const every = rules.knownRate > 0 ? Math.max(1, Math.round(1 / rules.knownRate) - 1) : Infinity;
  let m = 0;
  regular.forEach((i, n) => {
    todo.push(i);
    if ((n + 1) % every === 0 && m < mixed.length) todo.push(mixed[m++]);
  });
  while (m < mixed.length && regular.length === 0) todo.push(mixed[m++]);
  counts.todo = todo.length;
  counts.all = visible;
  // "all": every meme this annotator still may label or has labeled, in the shared order.
  return { indices: filter === 'todo' ? todo : other, counts };
}

/**
 * Items matching a search, among `indices` (in their order): an id typed exactly comes first,
 * then ids that start with the query, ids that contain it (image paths), then memes whose text
 * contains it (case and accents ignored). An empty query matches nothing.
 */
export function searchItems(items: readonly Item[], indices: ArrayLike<number>, query: string): number[] {
  const fold = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const q = fold(query.trim());
  if (!q) return [];
  const exact: number[] = [];
  const prefix: number[] = [];
  const inside: number[] = [];
  const text: number[] = [];
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const id = fold(String(items[i].id));
    if (id === q || id.replace(/^0+/, '') === q.replace(/^0+/, '')) exact.push(i);
    else if (id.startsWith(q)) prefix.push(i);
    else if (id.includes(q)) inside.push(i);
    else if (fold(items[i].text).includes(q)) text.push(i);
  }
  return [...exact, ...prefix, ...inside, ...text];
}
