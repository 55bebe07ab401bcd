// Scores predictions in the FGHM submission format against gold, with the semantics of the
// task's official scorer (scripts/scorer.py of the release): predictions are joined to gold on id
// in prediction order; per task the classes are the distinct first gold labels in order of
// appearance; gold label sets are binarised over those classes (labels outside them are
// ignored); micro F1 with `score > 0.5`, micro ROC AUC with tied scores sharing their average rank.
import { getOwn, setOwn } from './own';
import { isItemId, itemKey, type ItemId, type ItemKey } from './records';

export const SCORE_TASKS = ['hate', 'pc', 'attack'] as const;
export type ScoreTask = (typeof SCORE_TASKS)[number];

export interface GoldRow {
  id: ItemId;
  gold_hate: string[];
  gold_pc: string[];
  gold_attack: string[];
}

export interface PredictionRow {
  id: ItemId;
  pred_hate: Record<string, number>;
  pred_pc: Record<string, number>;
  pred_attack: Record<string, number>;
}

export interface LabelScore {
  f1: number;
  roc_auc: number | null;
  support: number;
}

export interface TaskScore {
  f1_micro: number;
  roc_auc_micro: number | null;
  classes: string[];
  per_label: Record<string, LabelScore>;
}

export type ScoreReport = Record<ScoreTask, TaskScore> & {
  /** Joined rows: a prediction repeated for one id counts each time, as in the official scorer. */
  items: number;
  unmatched: number;
  duplicateIds: string[];
};

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

function scoreDict(v: unknown, field: string): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return `field "${field}": expected an object of label scores`;
  for (const [k, s] of Object.entries(v))
    if (typeof s !== 'number' || !Number.isFinite(s))
      return `field "${field}": score of "${k}" is not a number`;
  return null;
}

export function checkPrediction(raw: unknown): Check<PredictionRow> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'expected a JSON object' };
  const r = raw as Record<string, unknown>;
  if (!isItemId(r.id)) return { ok: false, error: 'field "id": expected an item id' };
  for (const f of ['pred_hate', 'pred_pc', 'pred_attack']) {
    const err = scoreDict(r[f], f);
    if (err) return { ok: false, error: err };
  }
  return { ok: true, value: r as unknown as PredictionRow };
}

export function checkGoldRow(raw: unknown): Check<GoldRow> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'expected a JSON object' };
  const r = raw as Record<string, unknown>;
  if (!isItemId(r.id)) return { ok: false, error: 'field "id": expected an item id' };
  for (const f of ['gold_hate', 'gold_pc', 'gold_attack']) {
    const v = r[f];
    if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string'))
      return { ok: false, error: `field "${f}": expected a non-empty list of labels` };
  }
  return { ok: true, value: r as unknown as GoldRow };
}

/** Area under the ROC curve by the rank-sum formula; ties share their average rank. */
export function rocAuc(truth: ArrayLike<number>, scores: ArrayLike<number>): number | null {
  const n = truth.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (truth[order[k]]) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

function f1(tp: number, fp: number, fn: number): number {
  const d = 2 * tp + fp + fn;
  return d === 0 ? 0 : (2 * tp) / d;
}

export class ScoreError extends Error {}

/**
 * `predLines` gives the line number of each prediction so a missing score can be reported where
 * it is. Throws ScoreError when a joined prediction lacks a score for a class.
 */
export function score(
  gold: readonly GoldRow[],
  preds: readonly PredictionRow[],
  predLines?: number[],
  predFile = 'predictions',
): ScoreReport {
  const goldById = new Map<ItemKey, GoldRow>();
  for (const g of gold) goldById.set(itemKey(g.id), g);
  const joined: [PredictionRow, GoldRow, number][] = [];
  const seen = new Set<ItemKey>();
  const duplicates = new Set<ItemKey>();
  preds.forEach((p, i) => {
    const key = itemKey(p.id);
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
    const g = goldById.get(itemKey(p.id));
    if (g) joined.push([p, g, predLines?.[i] ?? i + 1]);
  });
  const report = {
    items: joined.length,
    unmatched: preds.length - joined.length,
    duplicateIds: [...duplicates].map(String),
  } as ScoreReport;
  for (const task of SCORE_TASKS) {
    const goldField = `gold_${task}` as const;
    const predField = `pred_${task}` as const;
    const classes: string[] = [];
    for (const [, g] of joined) if (!classes.includes(g[goldField][0])) classes.push(g[goldField][0]);
    const C = classes.length;
    const truth = new Uint8Array(joined.length * C);
    const scores = new Float64Array(joined.length * C);
    joined.forEach(([p, g, line], r) => {
      for (let c = 0; c < C; c++) {
        const s = getOwn(p[predField], classes[c]);
        if (s === undefined)
          throw new ScoreError(`${predFile}:${line}: field "${predField}": no score for "${classes[c]}"`);
        scores[r * C + c] = s;
        truth[r * C + c] = g[goldField].includes(classes[c]) ? 1 : 0;
      }
    });
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const perLabel: Record<string, LabelScore> = {};
    for (let c = 0; c < C; c++) {
      let ltp = 0;
      let lfp = 0;
      let lfn = 0;
      const lt: number[] = [];
      const ls: number[] = [];
      for (let r = 0; r < joined.length; r++) {
        const t = truth[r * C + c];
        const predicted = scores[r * C + c] > 0.5;
        if (t && predicted) ltp++;
        else if (predicted) lfp++;
        else if (t) lfn++;
        lt.push(t);
        ls.push(scores[r * C + c]);
      }
      tp += ltp;
      fp += lfp;
      fn += lfn;
      setOwn(perLabel, classes[c], { f1: f1(ltp, lfp, lfn), roc_auc: rocAuc(lt, ls), support: ltp + lfn });
    }
    report[task] = {
      f1_micro: f1(tp, fp, fn),
      roc_auc_micro: rocAuc(truth, scores),
      classes,
      per_label: perLabel,
    };
  }
  return report;
}
