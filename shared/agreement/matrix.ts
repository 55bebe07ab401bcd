// Dense item × annotator matrices of the current labels, the input of every agreement figure.
import { computeGold, type Gold, type GoldPolicy, type Vote } from '../gold';
import type { AnnotationEvent, Item } from '../records';
import { goldOf, type AnnotationState } from '../state';
import { HATEFUL, TASK_EMPTY, TASK_LABELS, TASK_PRIORITY, type Task } from '../taxonomy';

export const NO_RATING = -1;
export const HATE_CODE = { hateful: 0, not_hateful: 1 } as const;

export interface LabelMatrix {
  annotators: string[];
  items: number;
  /** [item * annotators + a]: 0 hateful, 1 not hateful, -1 no vote. */
  hate: Int32Array;
  /** Label bitmasks over `labels[task]`, -1 where the annotator has no vote. */
  pc: Int32Array;
  attack: Int32Array;
  /** Seconds spent on the current line, NaN when unknown (e.g. imported labels). */
  seconds: Float64Array;
  /** Per item: 0 hateful, 1 not hateful, -1 unresolved. */
  goldHate: Int32Array;
  /** Gold label masks per item (0 when gold is not hateful or unresolved). */
  goldPc: Int32Array;
  goldAttack: Int32Array;
  /**
   * [item * annotators + a], for each vote: the gold the item would have without that
   * annotator's vote (see `independentGold`); hate 0/1 or -1 when there is none, label masks -1
   * when the labels are not settled without the annotator.
   */
  indepHate: Int32Array;
  indepPc: Int32Array;
  indepAttack: Int32Array;
  /** Bit index → label; taxonomy labels first, then labels found in the data. */
  labels: Record<Task, string[]>;
}

const MAX_LABELS = 30;

class LabelIndex {
  readonly labels: string[];
  private readonly index = new Map<string, number>();
  constructor(
    readonly task: Task,
    known: readonly string[],
  ) {
    this.labels = [...known];
    known.forEach((l, i) => this.index.set(l, i));
  }
  /** The bitmask of a label list; `skip` (a task's "empty" label) is left out. */
  mask(list: readonly string[], skip?: string): number {
    let m = 0;
    for (let k = 0; k < list.length; k++) {
      const l = list[k];
      if (l === skip) continue;
      let i = this.index.get(l);
      if (i === undefined) {
        if (this.labels.length >= MAX_LABELS)
          throw new Error(`more than ${MAX_LABELS} distinct ${this.task} labels: "${l}" cannot be counted`);
        i = this.labels.length;
        this.labels.push(l);
        this.index.set(l, i);
      }
      m |= 1 << i;
    }
    return m;
  }
  /** Masks of frozen lists (the lists the state holds are interned: a few distinct ones). */
  private readonly frozenMasks = new Map<readonly string[], number>();
  /** The bitmask of a list of taxonomy labels, or -1 if it holds any other label. */
  taxonomyMask(list: readonly string[]): number {
    if (list.length === 0) return 0;
    let m = this.frozenMasks.get(list);
    if (m !== undefined) return m;
    m = 0;
    for (let k = 0; k < list.length; k++) {
      const i = this.index.get(list[k]);
      if (i === undefined || i >= TASK_LABELS[this.task].length) {
        m = -1;
        break;
      }
      m |= 1 << i;
    }
    if (Object.isFrozen(list)) this.frozenMasks.set(list, m);
    return m;
  }
}

const UNKNOWN: Decided = { hate: NO_RATING, pc: NO_RATING, attack: NO_RATING };

interface Decided {
  hate: number;
  pc: number;
  attack: number;
}

/**
 * The gold an item would have without annotator `self`'s vote, the yardstick of "agreement with
 * gold" (DESIGN.md, "Agreement"): a lead's decision if a lead other than `self` made it; else the
 * policy applied to the other annotators' votes; else, when nobody else voted, the imported
 * reference gold_hate. A tie among the others, or no other vote and no reference, gives none.
 */
function independentGold(
  self: string,
  votes: readonly Vote[],
  item: Item,
  state: AnnotationState,
  policy: GoldPolicy,
  pcIndex: LabelIndex,
  attackIndex: LabelIndex,
): Decided {
  const masks = (pc: readonly string[], attack: readonly string[]): Decided => ({
    hate: HATE_CODE.hateful,
    pc: pcIndex.mask(pc, TASK_EMPTY.pc),
    attack: attackIndex.mask(attack, TASK_EMPTY.attack),
  });
  const adj = state.adjudication(item.id);
  if (adj && adj.lead !== self)
    return adj.hate === HATEFUL
      ? masks(adj.pc, adj.attack)
      : { hate: HATE_CODE.not_hateful, pc: 0, attack: 0 };
  const others = votes.filter((v) => v.annotator !== self);
  if (others.length === 0) {
    if (!item.ref_hate) return UNKNOWN;
    // A reference says only hateful or not: its labels are unknown.
    return item.ref_hate === HATEFUL
      ? { hate: HATE_CODE.hateful, pc: NO_RATING, attack: NO_RATING }
      : { hate: HATE_CODE.not_hateful, pc: 0, attack: 0 };
  }
  const g = computeGold(others, policy);
  if (g.hate === null) return UNKNOWN;
  if (g.hate !== HATEFUL) return { hate: HATE_CODE.not_hateful, pc: 0, attack: 0 };
  const d = masks(g.pc.labels, g.attack.labels);
  if (!g.pc.resolved) d.pc = NO_RATING;
  if (!g.attack.resolved) d.attack = NO_RATING;
  return d;
}

/**
 * Bit → fallback rank of each taxonomy label (the first `TASK_LABELS[task].length` bits of a
 * LabelIndex), or null if the taxonomy and the priority list ever disagree: then every item takes
 * the general path.
 */
function priorityRanks(task: Task): Int32Array | null {
  const labels = TASK_LABELS[task];
  const priority = TASK_PRIORITY[task];
  if (labels.length !== priority.length) return null;
  const ranks = new Int32Array(labels.length);
  for (let bit = 0; bit < labels.length; bit++) {
    ranks[bit] = priority.indexOf(labels[bit]);
    if (ranks[bit] < 0) return null;
  }
  return ranks;
}

const RANKS: Record<Task, Int32Array | null> = { pc: priorityRanks('pc'), attack: priorityRanks('attack') };
const TAXONOMY_BITS: Record<Task, number> = {
  pc: (1 << TASK_LABELS.pc.length) - 1,
  attack: (1 << TASK_LABELS.attack.length) - 1,
};

/**
 * computeGold's label rule for one task in bitmask space, for votes whose labels are all taxonomy
 * labels (where the fallback's priority order is total, so first appearance never matters): the
 * gold label mask, or NO_RATING when the policy leaves it unresolved. `masks[i]` of the hateful
 * voters `hateful[i]`; `voters` counts every vote (the strict threshold).
 */
function taskGoldMask(
  task: Task,
  masks: Int32Array,
  isHateful: Uint8Array,
  skip: number,
  n: number,
  voters: number,
  policy: GoldPolicy,
): number {
  const threshold = policy === 'fghm' ? 2 : Math.floor(voters / 2) + 1;
  let union = 0;
  let gold = 0;
  // Zero between calls: each call sets back to 0 the counts it raised (a fill per call was a
  // third of this function's time, called up to 8 times per meme).
  const counts = COUNTS;
  for (let i = 0; i < n; i++) {
    if (i === skip || !isHateful[i]) continue;
    const m = masks[i];
    union |= m;
    for (let bits = m; bits !== 0; bits &= bits - 1) {
      const bit = 31 - Math.clz32(bits & -bits);
      if (++counts[bit] === threshold) gold |= 1 << bit;
    }
  }
  for (let bits = union; bits !== 0; bits &= bits - 1) counts[31 - Math.clz32(bits & -bits)] = 0;
  if (union === 0 || gold !== 0) return gold; // nobody chose a label (empty), or a majority
  if (policy === 'strict') return NO_RATING;
  // fghm: the single highest-priority label anyone chose.
  const ranks = RANKS[task] as Int32Array;
  let best = -1;
  for (let bits = union; bits !== 0; bits &= bits - 1) {
    const bit = 31 - Math.clz32(bits & -bits);
    if (best < 0 || ranks[bit] < ranks[best]) best = bit;
  }
  return 1 << best;
}

const COUNTS = new Int32Array(32);

/**
 * `policy` is the gold policy `golds` were computed with; it also gives the gold each annotator
 * is compared with (the policy over the other annotators' votes). Without `golds` (null), each
 * item's gold is computed here as `goldOf` gives it.
 *
 * One pass over the items, with no array or object per item in the common case: the votes come
 * through reusable buffers, and the gold without each voter (and the item's gold, when `golds`
 * is null) is computed on label bitmasks when every label involved is a taxonomy label and no
 * lead decided the item. Anything else (labels outside the taxonomy, decisions, known answers)
 * goes through `independentGold` and `goldOf`, the rules as written.
 */
export function buildLabelMatrix(
  state: AnnotationState,
  items: readonly Item[],
  golds: readonly Gold[] | null,
  policy: GoldPolicy = 'fghm',
): LabelMatrix {
  const A = state.annotators.length;
  const n = items.length;
  const hate = new Int32Array(n * A).fill(NO_RATING);
  const pc = new Int32Array(n * A).fill(NO_RATING);
  const attack = new Int32Array(n * A).fill(NO_RATING);
  const seconds = new Float64Array(n * A).fill(NaN);
  const goldHate = new Int32Array(n).fill(NO_RATING);
  const goldPc = new Int32Array(n);
  const goldAttack = new Int32Array(n);
  const indepHate = new Int32Array(n * A).fill(NO_RATING);
  const indepPc = new Int32Array(n * A).fill(NO_RATING);
  const indepAttack = new Int32Array(n * A).fill(NO_RATING);
  const pcIndex = new LabelIndex('pc', TASK_LABELS.pc);
  const attackIndex = new LabelIndex('attack', TASK_LABELS.attack);
  const fast = RANKS.pc !== null && RANKS.attack !== null;
  const votes: Vote[] = [];
  const cols: number[] = [];
  const buffers = { votes, cols };
  let pcMasks = new Int32Array(8);
  let attackMasks = new Int32Array(8);
  let isHateful = new Uint8Array(8);
  for (let u = 0; u < n; u++) {
    const item = items[u];
    const k = state.votesInto(item.id, votes, cols);
    if (k > pcMasks.length) {
      pcMasks = new Int32Array(k * 2);
      attackMasks = new Int32Array(k * 2);
      isHateful = new Uint8Array(k * 2);
    }
    const decided = state.adjudication(item.id) !== undefined;
    let g = golds === null ? null : golds[u];
    // Without golds, the votes' masks are taken first when every label is a taxonomy label, and
    // the gold is computed on them below; otherwise goldOf gives it here, before any label of
    // the item gets a bit, so bits are numbered as when `golds` are given.
    let premasked = g === null && fast && !decided && state.known(item.id) === undefined;
    for (let i = 0; premasked && i < k; i++) {
      pcMasks[i] = pcIndex.taxonomyMask(votes[i].pc);
      attackMasks[i] = attackIndex.taxonomyMask(votes[i].attack);
      if (pcMasks[i] < 0 || attackMasks[i] < 0) premasked = false;
    }
    if (g === null && !premasked) g = goldOf(state, item, policy, buffers);
    if (g !== null && g.hate) {
      goldHate[u] = HATE_CODE[g.hate];
      if (g.hate === HATEFUL) {
        goldPc[u] = pcIndex.mask(g.pc.labels, TASK_EMPTY.pc);
        goldAttack[u] = attackIndex.mask(g.attack.labels, TASK_EMPTY.attack);
      }
    }
    if (k === 0) {
      // No votes: an imported reference is the gold, which says only hateful or not.
      if (premasked && item.ref_hate) goldHate[u] = HATE_CODE[item.ref_hate];
      continue;
    }
    let hatefulVotes = 0;
    let outside = 0;
    for (let i = 0; i < k; i++) {
      const ev = votes[i];
      const cell = u * A + cols[i];
      const h = ev.hate === HATEFUL;
      hate[cell] = h ? HATE_CODE.hateful : HATE_CODE.not_hateful;
      // A not-hateful vote is an empty label set: the annotator chose no category.
      const pm = premasked ? pcMasks[i] : pcIndex.mask(ev.pc);
      const am = premasked ? attackMasks[i] : attackIndex.mask(ev.attack);
      pc[cell] = pm;
      attack[cell] = am;
      pcMasks[i] = pm;
      attackMasks[i] = am;
      isHateful[i] = h ? 1 : 0;
      if (h) hatefulVotes++;
      outside |= (pm & ~TAXONOMY_BITS.pc) | (am & ~TAXONOMY_BITS.attack);
      const ms = (ev as AnnotationEvent).ms;
      if (ms > 0) seconds[cell] = ms / 1000;
    }
    if (premasked) {
      // computeGold's rule on the masks: a hate majority, then each task's labels.
      if (hatefulVotes * 2 > k) {
        goldHate[u] = HATE_CODE.hateful;
        goldPc[u] = Math.max(0, taskGoldMask('pc', pcMasks, isHateful, -1, k, k, policy));
        goldAttack[u] = Math.max(0, taskGoldMask('attack', attackMasks, isHateful, -1, k, k, policy));
      } else if ((k - hatefulVotes) * 2 > k) goldHate[u] = HATE_CODE.not_hateful;
    }
    const general = !fast || outside !== 0 || decided;
    for (let i = 0; i < k; i++) {
      const cell = u * A + cols[i];
      if (general) {
        const d = independentGold(votes[i].annotator, votes, item, state, policy, pcIndex, attackIndex);
        indepHate[cell] = d.hate;
        indepPc[cell] = d.pc;
        indepAttack[cell] = d.attack;
        continue;
      }
      const others = k - 1;
      if (others === 0) {
        // Nobody else voted: the imported reference, which says only hateful or not.
        if (item.ref_hate === HATEFUL) indepHate[cell] = HATE_CODE.hateful;
        else if (item.ref_hate) {
          indepHate[cell] = HATE_CODE.not_hateful;
          indepPc[cell] = 0;
          indepAttack[cell] = 0;
        }
        continue;
      }
      const yes = hatefulVotes - isHateful[i];
      if (yes * 2 > others) {
        indepHate[cell] = HATE_CODE.hateful;
        indepPc[cell] = taskGoldMask('pc', pcMasks, isHateful, i, k, others, policy);
        indepAttack[cell] = taskGoldMask('attack', attackMasks, isHateful, i, k, others, policy);
      } else if ((others - yes) * 2 > others) {
        indepHate[cell] = HATE_CODE.not_hateful;
        indepPc[cell] = 0;
        indepAttack[cell] = 0;
      } // else a tie among the others: no gold to compare with
    }
  }
  return {
    annotators: [...state.annotators],
    items: n,
    hate,
    pc,
    attack,
    seconds,
    goldHate,
    goldPc,
    goldAttack,
    indepHate,
    indepPc,
    indepAttack,
    labels: { pc: pcIndex.labels, attack: attackIndex.labels },
  };
}
