// A model's predictions (the FGHM submission format) as suggestions to annotators: the labels
// scoring above 0.5, as the task's scorer thresholds them, and how uncertain the model is about
// hate (binary entropy), which can order the queue.
import type { PredictionRow } from './scorer';
import { ATTACK_LABELS, HATEFUL, NOT_HATEFUL, PC_LABELS, type Hate } from './taxonomy';

export interface Suggestion {
  hate: Hate;
  /** The model's probability that the meme is hateful. */
  pHateful: number;
  pc: string[];
  attack: string[];
}

const THRESHOLD = 0.5;

/** P(hateful) from a pred_hate dictionary (one of the two scores may be missing). */
export function pHateful(p: PredictionRow): number {
  const h = p.pred_hate[HATEFUL];
  if (typeof h === 'number') return h;
  const n = p.pred_hate[NOT_HATEFUL];
  return typeof n === 'number' ? 1 - n : 0.5;
}

export function suggestionOf(p: PredictionRow): Suggestion {
  const ph = pHateful(p);
  const hateful = ph > THRESHOLD;
  const over = (scores: Record<string, number>, labels: readonly string[]): string[] =>
    hateful ? labels.filter((l) => (scores[l] ?? 0) > THRESHOLD) : [];
  return {
    hate: hateful ? HATEFUL : NOT_HATEFUL,
    pHateful: ph,
    pc: over(p.pred_pc, PC_LABELS),
    attack: over(p.pred_attack, ATTACK_LABELS),
  };
}

/** Binary entropy (bits) of the hate prediction: 1 when the model cannot tell, 0 when sure. */
export function hateEntropy(p: PredictionRow): number {
  const q = Math.min(1, Math.max(0, pHateful(p)));
  if (q === 0 || q === 1) return 0;
  return -(q * Math.log2(q) + (1 - q) * Math.log2(1 - q));
}
