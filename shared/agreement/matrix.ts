// Dense item × annotator matrices of the current labels, the input of every agreement figure.
import type { Gold } from '../gold';
import type { Item } from '../records';
import type { AnnotationState } from '../state';
import { HATEFUL, TASK_LABELS, type Task } from '../taxonomy';

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

export function buildLabelMatrix(
  state: AnnotationState,
  items: readonly Item[],
  golds: readonly Gold[],
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
    for (const ev of state.lines(items[u].id)) {
      if (ev.hate === null) continue;
      const a = state.indexOf(ev.annotator) as number;
      const cell = u * A + a;
      hate[cell] = HATE_CODE[ev.hate];
      // A not-hateful vote is an empty label set: the annotator chose no category.
      pc[cell] = pcIndex.mask(ev.pc);
      attack[cell] = attackIndex.mask(ev.attack);
      if (ev.ms > 0) seconds[cell] = ev.ms / 1000;
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
    labels: { pc: pcIndex.labels, attack: attackIndex.labels },
  };
}
