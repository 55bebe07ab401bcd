// The labeling queue. Every annotator walks the items in the same deterministic order (a seeded
// hash, so neighbouring ids from one source are spread out), which makes overlap complete early:
// the first items everyone sees are the same items.
import type { AnnotationEvent, Item } from './records';
import type { AnnotationState } from './state';

export const QUEUE_FILTERS = ['todo', 'done', 'flagged', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** FNV-1a, 32 bit: stable across machines and runtimes. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Item indices in queue order for a project seed. */
export function queueOrder(items: readonly Item[], seed: string): Int32Array {
  const n = items.length;
  const keys = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // Ties (hash collisions) fall back to item order, so the order is total.
    keys[i] = fnv1a(`${seed}:${items[i].id}`) * 2 ** 20 + (i % 2 ** 20);
    order[i] = i;
  }
  order.sort((a, b) => keys[a] - keys[b]);
  return order;
}

export interface QueueCounts {
  todo: number;
  done: number;
  flagged: number;
  all: number;
  /** Items that reached the target number of votes (project-wide). */
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
}

/**
 * One item for one annotator. "todo": no line of mine yet, fewer than `target` other annotators
 * have voted (those need no more votes), and the lead has not closed it early; "done": my label;
 * "flagged": my flag.
 */
export function itemStatus(
  lines: readonly AnnotationEvent[],
  annotator: string,
  target: number,
  closed = false,
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
    todo: mine === null && others < target && !closed,
    done: mine !== null && mine.hate !== null,
    flagged: mine !== null && mine.flag,
    complete: votes >= target || (closed && votes > 0),
    distressing: mine?.skip === 'distressing',
    votes,
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

export function selectQueue(
  order: Int32Array,
  items: readonly Item[],
  state: AnnotationState,
  annotator: string,
  target: number,
  filter: QueueFilter,
): QueueSelection {
  const counts = emptyCounts(items.length);
  const indices: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const id = items[i].id;
    const st = itemStatus(state.lines(id), annotator, target, state.closure(id) !== undefined);
    addStatus(counts, st, 1);
    if (
      filter === 'all' ||
      (filter === 'todo' && st.todo) ||
      (filter === 'done' && st.done) ||
      (filter === 'flagged' && st.flagged)
    )
      indices.push(i);
  }
  return { indices, counts };
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
