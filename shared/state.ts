// In-memory state rebuilt by replaying the append-only logs. The newest line per (annotator, item)
// wins; an undo line retracts that annotator's previous line for the item, so undo after a
// relabel restores the earlier label rather than clearing it.
import { computeGold, type Gold, type GoldPolicy, type Vote } from './gold';
import type { KnownLine } from './known';
import {
  itemKey,
  type ItemKey,
  type Adjudication,
  type AnnotationEvent,
  type Closure,
  type LeadLine,
  isClosure,
  type Item,
  type ItemId,
} from './records';

interface Node<T> {
  ev: T;
  prev: Node<T> | null;
}

/**
 * An annotator's line for an item that replaced earlier ones (kept for undo). Most slots hold
 * one line, stored as the bare event: a replay of 100k items × 3 annotators then allocates no
 * wrapper per line, which the heap (and the garbage collector's marking) would carry for good.
 */
class Relabel {
  constructor(
    readonly ev: AnnotationEvent,
    readonly prev: Slot,
  ) {}
}

type Slot = AnnotationEvent | Relabel | undefined;

/** The current line a slot holds. */
function lineOf(s: Slot): AnnotationEvent | undefined {
  return s instanceof Relabel ? s.ev : s;
}

export class AnnotationState {
  /** Annotator ids in the project's stable order; column index of every per-item slot array. */
  readonly annotators: string[] = [];
  private readonly annotatorIndex = new Map<string, number>();
  private readonly byItem = new Map<ItemKey, Slot[]>();
  private readonly adjudications = new Map<ItemKey, Node<Adjudication>>();
  /** Known-answer items (known.jsonl): their gold is the known answer, never the votes. */
  private readonly knownAnswers = new Map<ItemKey, KnownLine>();
  /** Items a lead closed early (the newest closure line per item wins). */
  private readonly closures = new Map<ItemKey, Closure>();
  /** Bumped on every change so callers can cache derived data cheaply. */
  version = 0;

  addAnnotator(id: string): number {
    let i = this.annotatorIndex.get(id);
    if (i === undefined) {
      i = this.annotators.length;
      this.annotators.push(id);
      this.annotatorIndex.set(id, i);
    }
    return i;
  }

  indexOf(annotator: string): number | undefined {
    return this.annotatorIndex.get(annotator);
  }

  apply(ev: AnnotationEvent): void {
    const col = this.addAnnotator(ev.annotator);
    const key = itemKey(ev.item);
    let slots = this.byItem.get(key);
    if (!slots) {
      // Sized for every annotator known so far: one allocation per item instead of a growing
      // array (a replay of 100k items × 3 annotators makes 100k of them).
      slots = new Array<Slot>(this.annotators.length);
      this.byItem.set(key, slots);
    }
    const cur = slots[col];
    if (ev.undo) slots[col] = cur instanceof Relabel ? cur.prev : undefined;
    else slots[col] = cur === undefined ? ev : new Relabel(ev, cur);
    this.version++;
  }

  /** Applies a line of adjudications.jsonl: a decision or a closure. */
  applyLead(line: LeadLine): void {
    if (isClosure(line)) {
      const key = itemKey(line.item);
      if (line.close) this.closures.set(key, line);
      else this.closures.delete(key);
      this.version++;
    } else this.applyAdjudication(line);
  }

  /** The lead's closure of an item, if it is closed early. */
  closure(id: ItemId): Closure | undefined {
    return this.closures.get(itemKey(id));
  }

  applyAdjudication(adj: Adjudication): void {
    const key = itemKey(adj.item);
    const cur = this.adjudications.get(key);
    if (adj.undo) {
      if (cur?.prev) this.adjudications.set(key, cur.prev);
      else this.adjudications.delete(key);
    } else this.adjudications.set(key, { ev: adj, prev: cur ?? null });
    this.version++;
  }

  /** The current line of one annotator for one item, if any (undone lines are gone). */
  current(annotator: string, id: ItemId): AnnotationEvent | undefined {
    const col = this.annotatorIndex.get(annotator);
    if (col === undefined) return undefined;
    return lineOf(this.byItem.get(itemKey(id))?.[col]);
  }

  /** Current lines of every annotator for an item, in annotator order. */
  lines(id: ItemId): AnnotationEvent[] {
    const slots = this.byItem.get(itemKey(id));
    const out: AnnotationEvent[] = [];
    if (!slots) return out;
    for (const s of slots) {
      const ev = lineOf(s);
      if (ev) out.push(ev);
    }
    return out;
  }

  /** Votes (lines with a hate label) for an item, in annotator order. */
  votes(id: ItemId): Vote[] {
    const slots = this.byItem.get(itemKey(id));
    const out: Vote[] = [];
    if (!slots) return out;
    for (let i = 0; i < slots.length; i++) {
      const ev = lineOf(slots[i]);
      // A line with a hate label has exactly the shape of a vote: no copy needed.
      if (ev && ev.hate !== null) out.push(ev as Vote);
    }
    return out;
  }

  /**
   * Fills `votes` with an item's votes and `cols` with their annotator columns, in annotator
   * order, and returns how many there are: `votes` without a new array per item, for loops over
   * every item (gold, agreement).
   */
  votesInto(id: ItemId, votes: Vote[], cols: number[]): number {
    const slots = this.byItem.get(itemKey(id));
    let n = 0;
    if (slots)
      for (let i = 0; i < slots.length; i++) {
        const ev = lineOf(slots[i]);
        if (ev && ev.hate !== null) {
          votes[n] = ev as Vote;
          cols[n++] = i;
        }
      }
    votes.length = n;
    cols.length = n;
    return n;
  }

  adjudication(id: ItemId): Adjudication | undefined {
    return this.adjudications.get(itemKey(id))?.ev;
  }

  /** Applies a line of known.jsonl: the newest line per item wins; `remove` unmarks it. */
  applyKnown(line: KnownLine): void {
    const key = itemKey(line.item);
    if (line.remove) this.knownAnswers.delete(key);
    else this.knownAnswers.set(key, line);
    this.version++;
  }

  /** The known answer of a known-answer item. */
  known(id: ItemId): KnownLine | undefined {
    return this.knownAnswers.size === 0 ? undefined : this.knownAnswers.get(itemKey(id));
  }

  /** Keys of every known-answer item. */
  knownKeys(): ReadonlySet<ItemKey> {
    return new Set(this.knownAnswers.keys());
  }

  clearKnown(): void {
    this.knownAnswers.clear();
    this.version++;
  }

  adjudicationCount(): number {
    return this.adjudications.size;
  }

  /** Calls `fn` with every current line that is a vote (has a hate label), item by item. */
  forEachVote(fn: (ev: AnnotationEvent) => void): void {
    for (const slots of this.byItem.values())
      for (let i = 0; i < slots.length; i++) {
        const ev = lineOf(slots[i]);
        if (ev && ev.hate !== null) fn(ev);
      }
  }

  /** How many annotators have at least one current vote (a column holds one annotator's lines). */
  voterCount(): number {
    const A = this.annotators.length;
    const seen = new Uint8Array(A);
    let n = 0;
    for (const slots of this.byItem.values()) {
      for (let i = 0; i < slots.length; i++) {
        if (seen[i]) continue;
        const ev = lineOf(slots[i]);
        if (ev && ev.hate !== null) {
          seen[i] = 1;
          n++;
        }
      }
      // Every annotator found: the other items cannot add one.
      if (n === A) break;
    }
    return n;
  }

  /** Drops everything recorded for an item (used when an item is forgotten). */
  dropItem(id: ItemId): void {
    const key = itemKey(id);
    this.byItem.delete(key);
    this.adjudications.delete(key);
    this.closures.delete(key);
    this.knownAnswers.delete(key);
    this.version++;
  }

  clearAdjudications(): void {
    this.adjudications.clear();
    this.closures.clear();
    this.version++;
  }

  /** Drops every line of one annotator (used when an annotator is forgotten). */
  dropAnnotator(annotator: string): void {
    const col = this.annotatorIndex.get(annotator);
    if (col === undefined) return;
    for (const slots of this.byItem.values()) slots[col] = undefined;
    this.version++;
  }
}

/** An item's gold: a lead's decision, else a known answer, else the policy on the votes. */
/** Reusable buffers for goldOf over many items (computeGold keeps nothing of its votes). */
interface VoteBuffers {
  votes: Vote[];
  cols: number[];
}

export function goldOf(state: AnnotationState, item: Item, policy: GoldPolicy, buffers?: VoteBuffers): Gold {
  let votes: Vote[];
  if (buffers) {
    state.votesInto(item.id, buffers.votes, buffers.cols);
    votes = buffers.votes;
  } else votes = state.votes(item.id);
  return computeGold(votes, policy, item.ref_hate, state.adjudication(item.id) ?? state.known(item.id));
}

/** Gold for every item, in item order. */
export function goldForAll(state: AnnotationState, items: readonly Item[], policy: GoldPolicy): Gold[] {
  const out = new Array<Gold>(items.length);
  const buffers: VoteBuffers = { votes: [], cols: [] };
  for (let i = 0; i < items.length; i++) out[i] = goldOf(state, items[i], policy, buffers);
  return out;
}
