// computeAgreement as first written (label counts through a closure per cell), kept as the
// reference the report of shared/agreement/index.ts must equal, key order included.
import { median } from 'simple-statistics';
import { isSlotAnnotator } from '../../shared/fghm';
import type { Task } from '../../shared/taxonomy';
import { TASKS } from '../../shared/taxonomy';
import { HATE_CODE, NO_RATING, type LabelMatrix } from '../../shared/agreement/matrix';
import { masiAlpha } from '../../shared/agreement/masi';
import { cohenKappa, nominalAgreement, type NominalAgreement } from '../../shared/agreement/nominal';

interface TaskAgreement {
  alpha_masi: number | null;
  items: number;
  items_two_or_more: number;
  labels: Record<string, NominalAgreement>;
}

interface PairAgreement {
  a: string;
  b: string;
  items: number;
  hate_cohen_kappa: number | null;
}

interface AnnotatorFigures {
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

interface AgreementReport {
  annotators: string[];
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

const FAST_LABEL_SECONDS = 2;

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
  const src = m[task];
  const rows: number[] = [];
  for (let u = 0; u < m.items; u++) if (m.goldHate[u] === HATE_CODE.hateful) rows.push(u);
  const masks = new Int32Array(rows.length * A);
  for (let r = 0; r < rows.length; r++) masks.set(src.subarray(rows[r] * A, rows[r] * A + A), r * A);
  const values = new Int32Array(masks.length);
  const labels: Record<string, NominalAgreement> = {};
  m.labels[task].forEach((label, bit) => {
    for (let i = 0; i < masks.length; i++) values[i] = masks[i] < 0 ? NO_RATING : (masks[i] >>> bit) & 1;
    labels[label] = nominalAgreement({ values, items: rows.length, raters: A, categories: 2 }, fullN);
  });
  const alpha = masiAlpha({ masks, items: rows.length, raters: A });
  let two = 0;
  for (let r = 0; r < rows.length; r++) {
    let k = 0;
    for (let a = 0; a < A; a++) if (masks[r * A + a] >= 0) k++;
    if (k >= 2) two++;
  }
  return { alpha_masi: alpha, items: rows.length, items_two_or_more: two, labels };
}

function pairFigures(m: LabelMatrix, hate: Int32Array): PairAgreement[] {
  const A = m.annotators.length;
  const out: PairAgreement[] = [];
  for (let a = 0; a < A; a++) {
    for (let b = a + 1; b < A; b++) {
      const va: number[] = [];
      const vb: number[] = [];
      for (let u = 0; u < m.items; u++) {
        const x = hate[u * A + a];
        const y = hate[u * A + b];
        if (x >= 0 && y >= 0) {
          va.push(x);
          vb.push(y);
        }
      }
      // Each pair named by its ids in sorted order, the list sorted by those names.
      const [first, second] = [m.annotators[a], m.annotators[b]].sort();
      out.push({
        a: first,
        b: second,
        items: va.length,
        hate_cohen_kappa: cohenKappa(va, vb, 2),
      });
    }
  }
  return out.sort((p, q) => (`${p.a}\u0000${p.b}` < `${q.a}\u0000${q.b}` ? -1 : 1));
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
    const counts: Record<string, number> = { hateful: 0, not_hateful: 0 };
    for (let u = 0; u < m.items; u++) {
      const cell = u * A + a;
      const h = m.hate[cell];
      if (h < 0) continue;
      done++;
      if (h === HATE_CODE.hateful) {
        hateful++;
        counts.hateful++;
      } else counts.not_hateful++;
      for (const task of TASKS) {
        const mask = m[task][cell];
        m.labels[task].forEach((l, bit) => {
          if ((mask >>> bit) & 1) counts[l] = (counts[l] ?? 0) + 1;
        });
      }
      const s = m.seconds[cell];
      if (!Number.isNaN(s)) {
        secs.push(s);
        if (s < FAST_LABEL_SECONDS) fast++;
      }
      const g = m.indepHate[cell];
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
      } else if (m.indepPc[cell] >= 0 && m.indepAttack[cell] >= 0) {
        exactCompared++;
        if (m.pc[cell] === m.indepPc[cell] && m.attack[cell] === m.indepAttack[cell]) exact++;
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
      label_counts: counts,
    };
  });
}

/**
 * The whole report. `fullOverlap` is the number of raters an item needs to count as fully
 * overlapping (Fleiss' kappa, pairwise Cohen's kappa and percent agreement use only those).
 */
export function referenceAgreement(m: LabelMatrix, fullOverlap: number): AgreementReport {
  const A = m.annotators.length;
  const excluded = hateSelected(m);
  const hate = countedHate(m, excluded);
  const hateFullN = hateFullOverlap(hate, A, fullOverlap, excluded);
  const perAnnotator = annotatorFigures(m, excluded).filter((a) => a.items_done > 0);
  return {
    annotators: m.annotators,
    voters: perAnnotator.map((a) => a.id),
    items: m.items,
    full_overlap_raters: fullOverlap,
    hate_excluded: m.annotators.filter((_, a) => excluded[a]),
    hate_full_overlap_raters: hateFullN,
    hate: nominalAgreement({ values: hate, items: m.items, raters: A, categories: 2 }, hateFullN),
    pc: taskAgreement(m, 'pc', fullOverlap),
    attack: taskAgreement(m, 'attack', fullOverlap),
    // Annotators without a single vote (only skips, e.g. "distressing") have no figures at all:
    // a skip never counts for or against anyone.
    pairs: pairFigures(m, hate).filter((p) => p.items > 0),
    per_annotator: perAnnotator,
  };
}
