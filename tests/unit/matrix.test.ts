// The fast label-matrix builder and report equal the code as first written
// (tests/unit/matrix-reference.ts, agreement-reference.ts) cell for cell and key for key, on random projects with everything that takes the general path: labels outside
// the taxonomy, duplicates, lead decisions (by a voter and by someone else), undo, imported
// reference gold, known answers, ties, one to five annotators, both policies; and the builder that
// computes each gold itself equals the one given golds.
import { describe, expect, it } from 'vitest';
import { buildLabelMatrix, computeAgreement } from '../../shared/agreement';
import type { GoldPolicy } from '../../shared/gold';
import type { AnnotationEvent, Item } from '../../shared/records';
import { AnnotationState, goldForAll } from '../../shared/state';
import { ATTACK_LABELS, PC_LABELS } from '../../shared/taxonomy';
import { rng } from '../../electron/services/synthetic';
import { referenceAgreement } from './agreement-reference';
import { referenceLabelMatrix } from './matrix-reference';

const AT = '2024-01-01T00:00:00.000Z';

function pickList(r: () => number, pool: readonly string[], odd: string[]): string[] {
  const out: string[] = [];
  const n = Math.floor(r() * 3);
  for (let i = 0; i < n; i++)
    out.push(r() < 0.05 ? odd[Math.floor(r() * odd.length)] : pool[Math.floor(r() * pool.length)]);
  return out;
}

function randomProject(seed: number): { state: AnnotationState; items: Item[] } {
  const r = rng(seed);
  const annotators = Array.from({ length: 1 + Math.floor(r() * 5) }, (_, i) => `ann-${i}`);
  const state = new AnnotationState();
  for (const a of annotators) state.addAnnotator(a);
  const items: Item[] = [];
  for (let i = 0; i < 300; i++) {
    const id = r() < 0.1 ? `meme-${i}` : i;
    const item: Item = { id, img: `img/${i}.png`, text: '' };
    if (r() < 0.3) item.ref_hate = r() < 0.5 ? 'hateful' : 'not_hateful';
    items.push(item);
    for (const a of annotators) {
      if (r() < 0.25) continue;
      const lines = 1 + Math.floor(r() * 2);
      for (let l = 0; l < lines; l++) {
        const hateful = r() < 0.5;
        const ev: AnnotationEvent = {
          v: 1,
          item: id,
          annotator: a,
          hate: r() < 0.05 ? null : hateful ? 'hateful' : 'not_hateful',
          pc: hateful ? pickList(r, PC_LABELS, ['class', 'pc_empty']) : [],
          attack: hateful ? pickList(r, ATTACK_LABELS, ['other']) : [],
          at: AT,
          ms: r() < 0.5 ? Math.floor(r() * 9000) : 0,
          note: '',
          flag: false,
        };
        if (ev.hate === null) ev.skip = 'distressing';
        state.apply(ev);
      }
      if (r() < 0.05)
        state.apply({
          v: 1,
          item: id,
          annotator: a,
          hate: null,
          pc: [],
          attack: [],
          at: AT,
          ms: 0,
          note: '',
          flag: false,
          undo: true,
        });
    }
    if (r() < 0.08) {
      const hateful = r() < 0.5;
      state.applyAdjudication({
        v: 1,
        item: id,
        lead: r() < 0.5 ? annotators[0] : 'lead-x',
        hate: hateful ? 'hateful' : 'not_hateful',
        pc: hateful ? pickList(r, PC_LABELS, ['pc_empty']) : [],
        attack: hateful ? pickList(r, ATTACK_LABELS, ['attack_empty']) : [],
        at: AT,
        note: '',
      });
    }
    // A known-answer item: its gold is the answer, whatever the votes (goldOf).
    if (r() < 0.04) {
      const hateful = r() < 0.5;
      state.applyKnown({
        v: 1,
        item: id,
        hate: hateful ? 'hateful' : 'not_hateful',
        pc: hateful ? pickList(r, PC_LABELS, []) : [],
        attack: hateful ? pickList(r, ATTACK_LABELS, []) : [],
        by: 'lead-x',
        at: AT,
      });
    }
  }
  return { state, items };
}

/**
 * Where two reports differ, as "path: got vs want": keys and their order must be equal, numbers
 * equal up to rounding. The report sums each distinct row of ratings once, times how many items
 * have it (shared/agreement/rows.ts), where the reference sums item by item, so the last bits of
 * a figure may differ (by about 1e-16).
 */
function reportDifferences(got: unknown, want: unknown, at: string, out: string[] = []): string[] {
  if (typeof want === 'number' && typeof got === 'number') {
    if (!(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)))) out.push(`${at}: ${got} vs ${want}`);
  } else if (typeof want !== 'object' || want === null || typeof got !== 'object' || got === null) {
    if (got !== want) out.push(`${at}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
  } else {
    const keys = Object.keys(want);
    if (Object.keys(got).join() !== keys.join())
      out.push(`${at}: keys ${Object.keys(got).join()} vs ${keys.join()}`);
    for (const k of keys)
      reportDifferences(
        (got as Record<string, unknown>)[k],
        (want as Record<string, unknown>)[k],
        `${at}.${k}`,
        out,
      );
  }
  return out;
}

describe('buildLabelMatrix', () => {
  it('equals the reference builder on random projects, both policies', () => {
    let general = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { state, items } = randomProject(seed);
      for (const policy of ['fghm', 'strict'] as GoldPolicy[]) {
        const golds = goldForAll(state, items, policy);
        const fast = buildLabelMatrix(state, items, golds, policy);
        const ref = referenceLabelMatrix(state, items, golds, policy);
        expect(fast, `seed ${seed} ${policy}`).toStrictEqual(ref);
        // Without golds, the builder computes each item's gold itself: the same matrix.
        expect(
          buildLabelMatrix(state, items, null, policy),
          `no golds, seed ${seed} ${policy}`,
        ).toStrictEqual(ref);
        // The same figures and the same key order (label counts keep first appearance).
        const report = computeAgreement(fast, 3);
        expect(reportDifferences(report, referenceAgreement(ref, 3), `seed ${seed} ${policy}`)).toEqual([]);
        general += ref.labels.pc.length > PC_LABELS.length ? 1 : 0;
      }
    }
    expect(general).toBeGreaterThan(0); // labels outside the taxonomy were exercised
  });
});
