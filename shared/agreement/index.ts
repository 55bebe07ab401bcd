// Project-level agreement report: hate over every item with two or more counted hate votes,
// protected categories and attack types over items whose gold is hateful (as in the FGHM release,
// where only hateful memes have fine-grained labels).
import { median } from 'simple-statistics';
import { isSlotAnnotator } from '../fghm';
import type { Task } from '../taxonomy';
import { addOwn, setOwn } from '../own';
import { TASKS } from '../taxonomy';
import { HATE_CODE, NO_RATING, type LabelMatrix } from './matrix';
import { masiAlpha } from './masi';
import { cohenKappa, nominalAgreement, type NominalAgreement } from './nominal';
import { distinctRows, type WeightedRows } from './rows';

export { buildLabelMatrix, type LabelMatrix } from './matrix';
export { masiDistance, masiAlpha } from './masi';
export { nominalAgreement, cohenKappa, type NominalAgreement } from './nominal';

export interface TaskAgreement {
  alpha_masi: number | null;
  items: number;
  items_two_or_more: number;
  labels: Record<string, NominalAgreement>;
}

export interface PairAgreement {
  a: string;
  b: string;
  items: number;
  hate_cohen_kappa: number | null;
}

export interface AnnotatorFigures {
  id: string;
  items_done: number;
  hateful: number;
  /**
   * False for an imported annotator slot whose hate votes exist only where gold is hateful (the
   * released FGHM files): its hate votes, hateful share and gold agreement are not figures.
   */
  hate_counted: boolean;
  /**
   * Share of the annotator's hate votes that match the gold the item would have without their
   * vote (a lead's decision by someone else, else the others' votes under the policy, else an
   * imported reference); items where no such gold exists do not count.
   */
  gold_agreement: number | null;
  /** Items `gold_agreement` is computed on. */
  gold_items: number;
  /** Share matching that gold on hate, categories and attacks together. */
  gold_exact: number | null;
  /** Items `gold_exact` is computed on (those whose labels are settled without the annotator). */
  gold_exact_items: number;
  median_seconds: number | null;
  /** Labels with a recorded time: what `median_seconds` and `fast_labels` are computed on. */
  timed_labels: number;
  /** Labels saved less than 2 seconds after the meme was shown: a sign of clicking through. */
  fast_labels: number;
  label_counts: Record<string, number>;
}

export interface AgreementReport {
  /**
   * Every annotator with a line in the project, votes or not (one with only skips too): the
   * columns the figures are computed over. Not "the annotators" of a sentence: see `voters`.
   */
  annotators: string[];
  /**
   * The annotators with at least one vote on these items (those of `per_annotator`): what the
   * dashboard, `memejury stats` and the flat figure "annotators" count as "annotators with votes".
   */
  voters: string[];
  items: number;
  full_overlap_raters: number;
  /**
   * Imported annotator slots left out of hate agreement: their hate votes were recorded only on
   * items whose gold is hateful (the FGHM format has per-annotator labels only for hateful
   * memes), so they say nothing about agreement on hate.
   */
  hate_excluded: string[];
  /** Raters an item needs for hate's full-overlap figures (`full_overlap_raters` or fewer). */
  hate_full_overlap_raters: number;
  hate: NominalAgreement;
  pc: TaskAgreement;
  attack: TaskAgreement;
  pairs: PairAgreement[];
  per_annotator: AnnotatorFigures[];
}

export const FAST_LABEL_SECONDS = 2;

/**
 * Imported slots (fghm-1, …) without a single vote on an item whose gold is not hateful: the file
 * recorded their labels only because the gold was hateful, a selection on the outcome.
 */
function hateSelected(m: LabelMatrix): boolean[] {
  const A = m.annotators.length;
  return m.annotators.map((id, a) => {
    if (!isSlotAnnotator(id)) return false;
    for (let u = 0; u < m.items; u++)
      if (m.hate[u * A + a] >= 0 && m.goldHate[u] === HATE_CODE.not_hateful) return false;
    return true;
  });
}

/** The hate matrix with the excluded annotators' votes removed (the same array if none). */
function countedHate(m: LabelMatrix, excluded: readonly boolean[]): Int32Array {
  if (!excluded.includes(true)) return m.hate;
  const A = m.annotators.length;
  const values = m.hate.slice();
  for (let i = 0; i < values.length; i++) if (excluded[i % A]) values[i] = NO_RATING;
  return values;
}

function hateFullOverlap(values: Int32Array, A: number, fullN: number, excluded: readonly boolean[]): number {
  if (!excluded.includes(true)) return fullN;
  const voters = new Set<number>();
  for (let i = 0; i < values.length; i++) if (values[i] >= 0) voters.add(i % A);
  return Math.max(2, Math.min(fullN, voters.size));
}

function taskAgreement(m: LabelMatrix, task: Task, fullN: number): TaskAgreement {
  const A = m.annotators.length;
  // The rows of the items whose gold is hateful.
  const distinct = distinctRows(m[task], m.items, A, { of: m.goldHate, is: HATE_CODE.hateful });
  const { weights } = distinct;
  let rows = 0;
  for (let r = 0; r < distinct.items; r++) rows += weights[r];
  const values = new Int32Array(distinct.values.length);
  const labels: Record<string, NominalAgreement> = {};
  const names = m.labels[task];
  for (let bit = 0; bit < names.length; bit++) {
    for (let i = 0; i < values.length; i++) {
      const mask = distinct.values[i];
      values[i] = mask < 0 ? NO_RATING : (mask >>> bit) & 1;
    }
    // Label sets have many distinct rows (thousands); one label's yes/no, at most 3^raters.
    const label = distinctRows(values, distinct.items, A, { weights });
    setOwn(labels, names[bit], nominalAgreement({ ...label, raters: A, categories: 2 }, fullN));
  }
  const alpha = masiAlpha({ masks: distinct.values, items: distinct.items, raters: A, weights });
  let two = 0;
  for (let r = 0; r < distinct.items; r++) {
    let k = 0;
    for (let a = 0; a < A; a++) if (distinct.values[r * A + a] >= 0) k++;
    if (k >= 2) two += weights[r];
  }
  return { alpha_masi: alpha, items: rows, items_two_or_more: two, labels };
}

/**
 * The one ordering rule for a pair of annotators: by id (code units), so a pair is named alike
 * (`a` before `b`, the flat keys "pair.<a>.<b>.…") whatever order the annotators' files were read
 * in: `memejury stats --json` and a running app that saw a new annotator arrive live agree.
 */
export function pairOrder(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** The flat key prefix of a pair's figures: "pair.<first>.<second>" in `pairOrder`. */
export function pairKey(x: string, y: string): string {
  const [a, b] = pairOrder(x, y);
  return `pair.${a}.${b}`;
}

/** Each pair of annotators' hate kappa, over the distinct rows of the (counted) hate matrix. */
function pairFigures(m: LabelMatrix, hate: WeightedRows): PairAgreement[] {
  const A = m.annotators.length;
  const out: PairAgreement[] = [];
  for (let a = 0; a < A; a++) {
    for (let b = a + 1; b < A; b++) {
      const va: number[] = [];
      const vb: number[] = [];
      const w: number[] = [];
      let items = 0;
      for (let u = 0; u < hate.items; u++) {
        const x = hate.values[u * A + a];
        const y = hate.values[u * A + b];
        if (x >= 0 && y >= 0) {
          va.push(x);
          vb.push(y);
          w.push(hate.weights[u]);
          items += hate.weights[u];
        }
      }
      // Cohen's kappa is symmetric: naming the pair in `pairOrder` changes no figure.
      const [first, second] = pairOrder(m.annotators[a], m.annotators[b]);
      out.push({ a: first, b: second, items, hate_cohen_kappa: cohenKappa(va, vb, 2, w) });
    }
  }
  return out.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

/**
 * Votes per label, keyed in the order each label first appears (item order, categories before
 * attacks, bit order within a list) after "hateful" and "not_hateful"; labels counted per bit, so
 * the loop over a column creates nothing per cell.
 */
class LabelTally {
  private readonly counts = new Int32Array(TASKS.length * 32);
  private readonly first = new Int32Array(TASKS.length * 32);

  /** Counts the labels of `mask` for task `TASKS[t]` on item `u`. */
  add(u: number, t: number, mask: number): void {
    for (let bits = mask; bits !== 0; bits &= bits - 1) {
      const slot = t * 32 + (31 - Math.clz32(bits & -bits));
      if (this.counts[slot]++ === 0) this.first[slot] = u;
    }
  }

  into(counts: Record<string, number>, labels: LabelMatrix['labels']): Record<string, number> {
    const used: number[] = [];
    for (let slot = 0; slot < this.counts.length; slot++) if (this.counts[slot] > 0) used.push(slot);
    used.sort((x, y) => this.first[x] - this.first[y] || x - y);
    for (const slot of used) {
      const label = labels[TASKS[(slot / 32) | 0]][slot % 32];
      addOwn(counts, label, this.counts[slot]);
    }
    return counts;
  }
}

function annotatorFigures(m: LabelMatrix, excluded: readonly boolean[]): AnnotatorFigures[] {
  const A = m.annotators.length;
  return m.annotators.map((id, a) => {
    let done = 0;
    let hateful = 0;
    let compared = 0;
    let agree = 0;
    let exactCompared = 0;
    let exact = 0;
    let fast = 0;
    const secs: number[] = [];
    const tally = new LabelTally();
    const { hate, pc, attack, seconds, indepHate, indepPc, indepAttack } = m;
    for (let u = 0; u < m.items; u++) {
      const cell = u * A + a;
      const h = hate[cell];
      if (h < 0) continue;
      done++;
      if (h === HATE_CODE.hateful) hateful++;
      tally.add(u, 0, pc[cell]);
      tally.add(u, 1, attack[cell]);
      const s = seconds[cell];
      if (!Number.isNaN(s)) {
        secs.push(s);
        if (s < FAST_LABEL_SECONDS) fast++;
      }
      const g = indepHate[cell];
      if (g < 0 || excluded[a]) continue;
      compared++;
      if (g !== h) {
        exactCompared++;
        continue;
      }
      agree++;
      if (g !== HATE_CODE.hateful) {
        exactCompared++;
        exact++;
      } else if (indepPc[cell] >= 0 && indepAttack[cell] >= 0) {
        exactCompared++;
        if (pc[cell] === indepPc[cell] && attack[cell] === indepAttack[cell]) exact++;
      }
    }
    return {
      id,
      items_done: done,
      hateful,
      hate_counted: !excluded[a],
      gold_agreement: compared ? agree / compared : null,
      gold_items: compared,
      gold_exact: exactCompared ? exact / exactCompared : null,
      gold_exact_items: exactCompared,
      median_seconds: secs.length ? median(secs) : null,
      timed_labels: secs.length,
      fast_labels: fast,
      label_counts: tally.into({ hateful, not_hateful: done - hateful }, m.labels),
    };
  });
}

/**
 * The whole report. `fullOverlap` is the number of raters an item needs to count as fully
 * overlapping (Fleiss' kappa, pairwise Cohen's kappa and percent agreement use only those).
 */
export function computeAgreement(m: LabelMatrix, fullOverlap: number): AgreementReport {
  const A = m.annotators.length;
  const excluded = hateSelected(m);
  const hate = countedHate(m, excluded);
  const hateFullN = hateFullOverlap(hate, A, fullOverlap, excluded);
  const hateRows = distinctRows(hate, m.items, A);
  // Annotators without a single vote (only skips, e.g. "distressing") have no figures at all:
  // a skip never counts for or against anyone.
  const perAnnotator = annotatorFigures(m, excluded).filter((a) => a.items_done > 0);
  return {
    annotators: m.annotators,
    voters: perAnnotator.map((a) => a.id),
    items: m.items,
    full_overlap_raters: fullOverlap,
    hate_excluded: m.annotators.filter((_, a) => excluded[a]),
    hate_full_overlap_raters: hateFullN,
    hate: nominalAgreement({ ...hateRows, raters: A, categories: 2 }, hateFullN),
    pc: taskAgreement(m, 'pc', fullOverlap),
    attack: taskAgreement(m, 'attack', fullOverlap),
    pairs: pairFigures(m, hateRows).filter((p) => p.items > 0),
    per_annotator: perAnnotator,
  };
}

export type FlatStats = Record<string, number | null>;

export const METRICS = [
  'fleiss_kappa',
  'krippendorff_alpha',
  'mean_pairwise_cohen_kappa',
  'percent_agreement',
] as const;

/**
 * One flat object, keys like "pc.alpha_masi" or "attack.slurs.krippendorff_alpha"; "annotators"
 * is the number of annotators with votes (`voters`), as the dashboard and `memejury stats` say.
 */
export function flattenAgreement(r: AgreementReport): FlatStats {
  const out: FlatStats = { items: r.items, annotators: r.voters.length };
  for (const k of METRICS) out[`hate.${k}`] = r.hate[k];
  out['hate.items_full_overlap'] = r.hate.items_full_overlap;
  out['hate.items_two_or_more'] = r.hate.items_two_or_more;
  for (const task of TASKS) {
    const t = r[task];
    out[`${task}.alpha_masi`] = t.alpha_masi;
    out[`${task}.items`] = t.items;
    out[`${task}.items_two_or_more`] = t.items_two_or_more;
    const first = Object.values(t.labels)[0];
    out[`${task}.items_full_overlap`] = first ? first.items_full_overlap : 0;
    for (const [label, a] of Object.entries(t.labels))
      for (const k of METRICS) out[`${task}.${label}.${k}`] = a[k];
  }
  for (const p of r.pairs) {
    const key = pairKey(p.a, p.b);
    out[`${key}.hate_cohen_kappa`] = p.hate_cohen_kappa;
    out[`${key}.items`] = p.items;
  }
  for (const a of r.per_annotator) {
    out[`annotator.${a.id}.items_done`] = a.items_done;
    out[`annotator.${a.id}.gold_agreement`] = a.gold_agreement;
    out[`annotator.${a.id}.gold_items`] = a.gold_items;
    out[`annotator.${a.id}.gold_exact`] = a.gold_exact;
    out[`annotator.${a.id}.gold_exact_items`] = a.gold_exact_items;
    out[`annotator.${a.id}.median_seconds`] = a.median_seconds;
    out[`annotator.${a.id}.timed_labels`] = a.timed_labels;
    out[`annotator.${a.id}.fast_labels`] = a.fast_labels;
  }
  return out;
}
