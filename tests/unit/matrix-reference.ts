// The label matrix as first written (one computeGold per vote, arrays per item), kept as the
// reference the fast builder in shared/agreement/matrix.ts must equal cell for cell.
import { computeGold, type Gold, type GoldPolicy, type Vote } from '../../shared/gold';
import type { AnnotationEvent, Item } from '../../shared/records';
import type { AnnotationState } from '../../shared/state';
import { HATEFUL, TASK_EMPTY, TASK_LABELS, type Task } from '../../shared/taxonomy';

const NO_RATING = -1;
const HATE_CODE = { hateful: 0, not_hateful: 1 } as const;

interface LabelMatrix {
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
  mask(list: readonly string[]): number {
    let m = 0;
    for (const l of list) {
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
}

function isVote(ev: AnnotationEvent): ev is AnnotationEvent & Vote {
  return ev.hate !== null;
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
    pc: pcIndex.mask(pc.filter((l) => l !== TASK_EMPTY.pc)),
    attack: attackIndex.mask(attack.filter((l) => l !== TASK_EMPTY.attack)),
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
 * `policy` is the gold policy `golds` were computed with; it also gives the gold each annotator
 * is compared with (the policy over the other annotators' votes).
 */
export function referenceLabelMatrix(
  state: AnnotationState,
  items: readonly Item[],
  golds: readonly Gold[],
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
  for (let u = 0; u < n; u++) {
    const g = golds[u];
    if (g.hate) {
      goldHate[u] = HATE_CODE[g.hate];
      if (g.hate === HATEFUL) {
        goldPc[u] = pcIndex.mask(g.pc.labels.filter((l) => l !== 'pc_empty'));
        goldAttack[u] = attackIndex.mask(g.attack.labels.filter((l) => l !== 'attack_empty'));
      }
    }
    const votes = state.lines(items[u].id).filter(isVote);
    for (const ev of votes) {
      const a = state.indexOf(ev.annotator) as number;
      const cell = u * A + a;
      hate[cell] = HATE_CODE[ev.hate];
      // A not-hateful vote is an empty label set: the annotator chose no category.
      pc[cell] = pcIndex.mask(ev.pc);
      attack[cell] = attackIndex.mask(ev.attack);
      if (ev.ms > 0) seconds[cell] = ev.ms / 1000;
      const d = independentGold(ev.annotator, votes, items[u], state, policy, pcIndex, attackIndex);
      indepHate[cell] = d.hate;
      indepPc[cell] = d.pc;
      indepAttack[cell] = d.attack;
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
