import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../../shared/jsonl';
import { checkGoldRow, checkPrediction, rocAuc, score, ScoreError } from '../../shared/scorer';
import { fixture } from './helpers';

async function load() {
  const gold = parseJsonl(await readFile(fixture('dev_seen.json'), 'utf8'), 'dev_seen.json', checkGoldRow);
  const preds = parseJsonl(
    await readFile(fixture('dev_seen.predictions.jsonl'), 'utf8'),
    'pred',
    checkPrediction,
  );
  expect(gold.errors).toStrictEqual([]);
  expect(preds.errors).toStrictEqual([]);
  return { gold: gold.records.map((r) => r.value), preds: preds.records.map((r) => r.value) };
}

describe('scorer against the official FGHM figures (dev_seen.scores.reference.json)', () => {
  it('reproduces micro F1 and micro ROC AUC for hate, pc and attack to 1e-9', async () => {
    const reference = JSON.parse(await readFile(fixture('dev_seen.scores.reference.json'), 'utf8')) as Record<
      string,
      { f1_micro: number; roc_auc_micro: number }
    >;
    const { gold, preds } = await load();
    const report = score(gold, preds);
    // The release's predictions repeat four ids; the official scorer (a pandas merge) counts
    // each repeated row, and so do we.
    expect(report.items).toBe(504);
    expect(report.duplicateIds.sort()).toStrictEqual(['10285', '12045', '17908', '96250']);
    for (const task of ['hate', 'pc', 'attack'] as const) {
      expect(Math.abs(report[task].f1_micro - reference[task].f1_micro)).toBeLessThan(1e-9);
      expect(Math.abs((report[task].roc_auc_micro as number) - reference[task].roc_auc_micro)).toBeLessThan(
        1e-9,
      );
    }
    expect(report.hate.classes).toStrictEqual(['not_hateful', 'hateful']);
    expect(report.pc.classes[0]).toBe('pc_empty');
  });

  it('names the line of a prediction that lacks a score', async () => {
    const { gold, preds } = await load();
    const broken = preds.map((p, i) => (i === 3 ? { ...p, pred_pc: { race: 0.2 } } : p));
    expect(() => score(gold, broken)).toThrow(ScoreError);
    expect(() => score(gold, broken)).toThrow(/^predictions:4: field "pred_pc": no score for/);
  });
});

describe('ROC AUC', () => {
  it('matches the textbook example and averages ties', () => {
    // scikit-learn's roc_auc_score documentation example.
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    // All scores tied: chance level.
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNull();
  });
});

describe('prediction validation', () => {
  it('reports the field', () => {
    expect(
      checkPrediction({ id: 1, pred_hate: { hateful: 'x' }, pred_pc: {}, pred_attack: {} }),
    ).toStrictEqual({
      ok: false,
      error: 'field "pred_hate": score of "hateful" is not a number',
    });
  });
});
