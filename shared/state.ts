// In-memory state rebuilt by replaying the append-only logs. The newest line per (annotator, item)
// wins; an undo line retracts that annotator's previous line for the item, so undo after a
// relabel restores the earlier label rather than clearing it.
import { computeGold, type Gold, type GoldPolicy, type Vote } from './gold';
import type { KnownLine } from './known';
import { itemKey, type ItemKey, type AnnotationEvent, type Item, type ItemId } from './records';
import { type Adjudication, type Closure, type LeadLine, isClosure } from './leadLines';

interface Node<T> {
  ev: T;
  prev: Node<T> | null;
}

/** A slot: an annotator's current line for an item. */
type Slot = AnnotationEvent | undefined;

export class AnnotationState {
  /** Annotator ids in the project's stable order; column index of every per-item slot array. */
  readonly annotators: string[] = [];
  private readonly annotatorIndex = new Map<string, number>();
  private readonly byItem = new Map<ItemKey, Slot[]>();
  /**
   * The line each relabel replaced, by the line that replaced it (kept for undo). Slots hold the
   * bare current line, so a replay of 100k items × 3 annotators allocates no wrapper per line and
   * reading a slot is a plain load; relabels are few, and only they have an entry here.
   */
  private readonly replaced = new Map<AnnotationEvent, AnnotationEvent>();
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
    if (ev.undo) {
      if (cur === undefined) return;
      slots[col] = this.replaced.get(cur);
      this.replaced.delete(cur);
    } else {
      // The same line object applied twice still gets an entry of its own.
      const line = cur === ev ? { ...ev } : ev;
      if (cur !== undefined) this.replaced.set(line, cur);
      slots[col] = line;
    }
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
    return this.closures.size === 0 ? undefined : this.closures.get(itemKey(id));
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
    return this.byItem.get(itemKey(id))?.[col];
  }

  /** Current lines of every annotator for an item, in annotator order. */
  lines(id: ItemId): AnnotationEvent[] {
    const slots = this.byItem.get(itemKey(id));
    const out: AnnotationEvent[] = [];
    if (!slots) return out;
    for (const s of slots) {
      const ev = s;
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
      const ev = slots[i];
      // A line with a hate label has exactly the shape of a vote: no copy needed.
      if (ev && ev.hate !== null) out.push(ev as Vote);
    }
    return out;
  }

  /** How many votes (lines with a hate label) an item has, without collecting them. */
  voteCount(id: ItemId): number {
    const slots = this.byItem.get(itemKey(id));
    let n = 0;
    if (slots)
      for (let i = 0; i < slots.length; i++) {
        const ev = slots[i];
        if (ev !== undefined && ev.hate !== null) n++;
      }
    return n;
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
        const ev = slots[i];
        if (ev && ev.hate !== null) {
          votes[n] = ev as Vote;
          cols[n++] = i;
        }
      }
    // Setting an array's length is a call into the engine: only when it changes.
    if (votes.length !== n) votes.length = n;
    if (cols.length !== n) cols.length = n;
    return n;
  }

  adjudication(id: ItemId): Adjudication | undefined {
    // Asked for every item on every pass (gold, readiness, export): free while there are none.
    return this.adjudications.size === 0 ? undefined : this.adjudications.get(itemKey(id))?.ev;
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
        const ev = slots[i];
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
        const ev = slots[i];
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
    for (const line of this.byItem.get(key) ?? []) this.dropReplaced(line);
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
    for (const slots of this.byItem.values()) {
      this.dropReplaced(slots[col]);
      slots[col] = undefined;
    }
    this.version++;
  }

  /** Drops the lines a slot's current line replaced. */
  private dropReplaced(line: Slot): void {
    while (line !== undefined) {
      const prev = this.replaced.get(line);
      this.replaced.delete(line);
      line = prev;
    }
  }
}

/** Reusable buffers for goldOf over many items (computeGold keeps nothing of its votes). */
interface VoteBuffers {
  votes: Vote[];
  cols: number[];
}

/** An item's gold: a lead's decision, else a known answer, else the policy on the votes. */
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
