// Project-level agreement report: hate over all items, protected categories and attack types
// over items whose gold is hateful (as in the FGHM release, where only hateful memes have
// fine-grained labels).
import { median } from 'simple-statistics';
import type { Task } from '../taxonomy';
import { TASKS } from '../taxonomy';
import { HATE_CODE, NO_RATING, type LabelMatrix } from './matrix';
import { masiAlpha } from './masi';
import { cohenKappa, nominalAgreement, type NominalAgreement } from './nominal';

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
  /** Share of the annotator's votes that match resolved gold hate. */
  gold_agreement: number | null;
  /** Share of votes matching gold on hate, categories and attacks together. */
  gold_exact: number | null;
  median_seconds: number | null;
  /** Labels made in under 2 seconds: a sign of clicking through. */
  fast_labels: number;
  label_counts: Record<string, number>;
}

export interface AgreementReport {
  annotators: string[];
  items: number;
  full_overlap_raters: number;
  hate: NominalAgreement;
  pc: TaskAgreement;
  attack: TaskAgreement;
  pairs: PairAgreement[];
  per_annotator: AnnotatorFigures[];
}

const FAST_LABEL_SECONDS = 2;

function hateAgreement(m: LabelMatrix, fullN: number): NominalAgreement {
  return nominalAgreement(
    { values: m.hate, items: m.items, raters: m.annotators.length, categories: 2 },
    fullN,
  );
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

function pairFigures(m: LabelMatrix): PairAgreement[] {
  const A = m.annotators.length;
  const out: PairAgreement[] = [];
  for (let a = 0; a < A; a++) {
    for (let b = a + 1; b < A; b++) {
      const va: number[] = [];
      const vb: number[] = [];
      for (let u = 0; u < m.items; u++) {
        const x = m.hate[u * A + a];
        const y = m.hate[u * A + b];
        if (x >= 0 && y >= 0) {
          va.push(x);
          vb.push(y);
        }
      }
      out.push({
        a: m.annotators[a],
        b: m.annotators[b],
        items: va.length,
        hate_cohen_kappa: cohenKappa(va, vb, 2),
      });
    }
  }
  return out;
}

function annotatorFigures(m: LabelMatrix): AnnotatorFigures[] {
  const A = m.annotators.length;
  return m.annotators.map((id, a) => {
    let done = 0;
    let hateful = 0;
    let compared = 0;
    let agree = 0;
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
      const g = m.goldHate[u];
      if (g < 0) continue;
      compared++;
      if (g === h) {
        agree++;
        if (g !== HATE_CODE.hateful || (m.pc[cell] === m.goldPc[u] && m.attack[cell] === m.goldAttack[u]))
          exact++;
      }
    }
    return {
      id,
      items_done: done,
      hateful,
      gold_agreement: compared ? agree / compared : null,
      gold_exact: compared ? exact / compared : null,
      median_seconds: secs.length ? median(secs) : null,
      fast_labels: fast,
      label_counts: counts,
    };
  });
}

/**
 * The whole report. `fullOverlap` is the number of raters an item needs to count as fully
 * overlapping (Fleiss' kappa, pairwise Cohen's kappa and percent agreement use only those).
 */
export function computeAgreement(m: LabelMatrix, fullOverlap: number): AgreementReport {
  return {
    annotators: m.annotators,
    items: m.items,
    full_overlap_raters: fullOverlap,
    hate: hateAgreement(m, fullOverlap),
    pc: taskAgreement(m, 'pc', fullOverlap),
    attack: taskAgreement(m, 'attack', fullOverlap),
    // Annotators without a single vote (only skips, e.g. "distressing") have no figures at all:
    // a skip never counts for or against anyone.
    pairs: pairFigures(m).filter((p) => p.items > 0),
    per_annotator: annotatorFigures(m).filter((a) => a.items_done > 0),
  };
}

export type FlatStats = Record<string, number | null>;

export const METRICS = [
  'fleiss_kappa',
  'krippendorff_alpha',
  'mean_pairwise_cohen_kappa',
  'percent_agreement',
] as const;

/** One flat object, keys like "pc.alpha_masi" or "attack.slurs.krippendorff_alpha". */
export function flattenAgreement(r: AgreementReport): FlatStats {
  const out: FlatStats = { items: r.items, annotators: r.annotators.length };
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
    out[`pair.${p.a}.${p.b}.hate_cohen_kappa`] = p.hate_cohen_kappa;
    out[`pair.${p.a}.${p.b}.items`] = p.items;
  }
  for (const a of r.per_annotator) {
    out[`annotator.${a.id}.items_done`] = a.items_done;
    out[`annotator.${a.id}.gold_agreement`] = a.gold_agreement;
    out[`annotator.${a.id}.gold_exact`] = a.gold_exact;
    out[`annotator.${a.id}.median_seconds`] = a.median_seconds;
    out[`annotator.${a.id}.fast_labels`] = a.fast_labels;
  }
  return out;
}
