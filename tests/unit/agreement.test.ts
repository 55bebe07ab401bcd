import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  buildLabelMatrix,
  cohenKappa,
  computeAgreement,
  flattenAgreement,
  masiAlpha,
  masiDistance,
  nominalAgreement,
} from '../../shared/agreement';
import { fromFghm, slotEvents } from '../../shared/fghm';
import { parseJsonOrJsonl } from '../../shared/jsonl';
import type { AnnotationEvent, Item } from '../../shared/records';
import { AnnotationState, goldForAll } from '../../shared/state';
import { fixture } from './helpers';

async function devSeen(): Promise<{ state: AnnotationState; items: Item[] }> {
  const text = await readFile(fixture('dev_seen.json'), 'utf8');
  const state = new AnnotationState();
  const items: Item[] = [];
  for (const { value } of parseJsonOrJsonl(text, 'dev_seen.json').records) {
    const m = fromFghm(value);
    if (!m.ok) throw new Error(m.error);
    items.push(m.value.item);
    for (const ev of slotEvents(m.value, '2021-01-01T00:00:00.000Z')) state.apply(ev);
  }
  return { state, items };
}

describe('agreement on dev_seen against NLTK (fixtures/fghm/dev_seen.agreement.reference.json)', () => {
  it('matches every reference key to 1e-9', async () => {
    const reference = JSON.parse(
      await readFile(fixture('dev_seen.agreement.reference.json'), 'utf8'),
    ) as Record<string, number | string>;
    const { state, items } = await devSeen();
    const report = computeAgreement(buildLabelMatrix(state, items, goldForAll(state, items, 'fghm')), 3);
    const flat = flattenAgreement(report);
    let compared = 0;
    for (const [key, want] of Object.entries(reference)) {
      if (key.startsWith('_')) continue;
      const got =
        key === 'items_full_overlap'
          ? flat['pc.items_full_overlap']
          : key === 'items_two_or_more'
            ? flat['pc.items_two_or_more']
            : flat[key];
      expect(typeof got, key).toBe('number');
      expect(Math.abs((got as number) - (want as number)), key).toBeLessThan(1e-9);
      compared++;
    }
    expect(compared).toBe(Object.keys(reference).length - 1);
    expect(compared).toBeGreaterThanOrEqual(52);
  });

  it('never produces NaN or Infinity', async () => {
    const { state, items } = await devSeen();
    const flat = flattenAgreement(
      computeAgreement(buildLabelMatrix(state, items, goldForAll(state, items, 'fghm')), 3),
    );
    for (const [k, v] of Object.entries(flat)) if (v !== null) expect(Number.isFinite(v), k).toBe(true);
  });
});

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, nominal values with missing data; the paper gives alpha = 0.743.
describe('Krippendorff alpha on the published worked example', () => {
  it('gives 0.743 (nominal, missing data)', () => {
    const _ = -1;
    const rows = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const values = new Int32Array(12 * 4);
    for (let u = 0; u < 12; u++)
      for (let c = 0; c < 4; c++) values[u * 4 + c] = rows[c][u] < 0 ? -1 : rows[c][u] - 1;
    const a = nominalAgreement({ values, items: 12, raters: 4, categories: 5 }, 4);
    expect(a.krippendorff_alpha).toBeCloseTo(0.743, 3);
    expect(a.items_two_or_more).toBe(11);
  });
});

describe('Fleiss kappa on the published worked example', () => {
  // Fleiss (1971) as reworked on Wikipedia "Fleiss' kappa": 10 subjects, 14 raters, 5 categories,
  // kappa = 0.210.
  it('gives 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const values = new Int32Array(10 * 14);
    table.forEach((counts, u) => {
      let c = 0;
      counts.forEach((n, k) => {
        for (let i = 0; i < n; i++) values[u * 14 + c++] = k;
      });
    });
    const a = nominalAgreement({ values, items: 10, raters: 14, categories: 5 }, 14);
    expect(a.fleiss_kappa).toBeCloseTo(0.21, 3);
  });
});

describe('degenerate cases have defined values', () => {
  it('no variation: every coefficient is 1, like NLTK alpha', () => {
    const values = new Int32Array([0, 0, 0, 0, 0, 0]);
    const a = nominalAgreement({ values, items: 2, raters: 3, categories: 2 }, 3);
    expect(a).toMatchObject({
      fleiss_kappa: 1,
      krippendorff_alpha: 1,
      mean_pairwise_cohen_kappa: 1,
      percent_agreement: 1,
    });
    expect(cohenKappa([1, 1, 1], [1, 1, 1], 2)).toBe(1);
    expect(masiAlpha({ masks: new Int32Array([3, 3, 0, 0]), items: 2, raters: 2 })).toBe(1);
  });

  it('one rater or no data: null, not NaN', () => {
    const one = nominalAgreement(
      { values: new Int32Array([0, 1, 0]), items: 3, raters: 1, categories: 2 },
      3,
    );
    expect(one).toMatchObject({
      fleiss_kappa: null,
      krippendorff_alpha: null,
      mean_pairwise_cohen_kappa: null,
      percent_agreement: null,
    });
    expect(cohenKappa([], [], 2)).toBeNull();
    expect(masiAlpha({ masks: new Int32Array([1, -1]), items: 1, raters: 2 })).toBeNull();
  });

  it('an empty project reports nulls and zeros', () => {
    const state = new AnnotationState();
    const flat = flattenAgreement(computeAgreement(buildLabelMatrix(state, [], []), 3));
    expect(flat['hate.fleiss_kappa']).toBeNull();
    expect(flat['pc.alpha_masi']).toBeNull();
    expect(flat['pc.race.krippendorff_alpha']).toBeNull();
  });

  it('one annotator only: per-annotator figures still work', () => {
    const state = new AnnotationState();
    const items: Item[] = [{ id: 1, img: 'a.png', text: '' }];
    const ev: AnnotationEvent = {
      v: 1,
      item: 1,
      annotator: 'solo',
      hate: 'hateful',
      pc: ['race'],
      attack: ['slurs'],
      at: new Date().toISOString(),
      ms: 1500,
      note: '',
      flag: false,
    };
    state.apply(ev);
    const r = computeAgreement(buildLabelMatrix(state, items, goldForAll(state, items, 'fghm')), 3);
    // The gold of an item only "solo" voted on is solo's own vote: nothing to compare with.
    expect(r.per_annotator[0]).toMatchObject({
      id: 'solo',
      items_done: 1,
      gold_agreement: null,
      gold_items: 0,
      median_seconds: 1.5,
      timed_labels: 1,
      fast_labels: 1,
    });
    expect(r.hate.krippendorff_alpha).toBeNull();
  });
});

describe('MASI distance (NLTK masi_distance)', () => {
  it('follows the monotonicity weights', () => {
    // {a} vs {a}: 0; {a} vs {a,b}: 1 - 1/2*0.67; {a,b} vs {a,c}: 1 - 1/3*0.33; {a} vs {b}: 1.
    expect(masiDistance(0b1, 0b1)).toBe(0);
    expect(masiDistance(0b1, 0b11)).toBeCloseTo(1 - 0.5 * 0.67, 12);
    expect(masiDistance(0b011, 0b101)).toBeCloseTo(1 - (1 / 3) * 0.33, 12);
    expect(masiDistance(0b01, 0b10)).toBe(1);
    expect(masiDistance(0, 0b1)).toBe(1);
    expect(masiDistance(0, 0)).toBe(0);
  });
});
