// Figures people can read (issue 9): agreement with gold never rests on the annotator's own vote,
// hate agreement on a released FGHM import claims nothing its votes cannot show, every figure
// carries its number of items and figures on too few items get no band.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildLabelMatrix, computeAgreement, flattenAgreement } from '../../shared/agreement';
import {
  MIN_ITEMS,
  bandOn,
  buildDashboard,
  kappaBand,
  timelineNote,
  tooFew,
  type Dashboard,
} from '../../shared/dashboard';
import { fromFghm, slotEvents } from '../../shared/fghm';
import type { GoldPolicy } from '../../shared/gold';
import { parseJsonOrJsonl } from '../../shared/jsonl';
import type { AnnotationEvent, Item } from '../../shared/records';
import type { Adjudication } from '../../shared/leadLines';
import { reportCsv, reportHtml } from '../../shared/report';
import { AnnotationState, goldForAll } from '../../shared/state';
import { HATEFUL, NOT_HATEFUL, type Hate } from '../../shared/taxonomy';
import { syntheticFghm } from '../../electron/services/synthetic';
import { fixture } from './helpers';

const H = HATEFUL;
const N = NOT_HATEFUL;

function vote(
  item: number,
  annotator: string,
  hate: Hate,
  pc: string[] = [],
  attack: string[] = [],
  at = '2026-11-24T10:00:00.000Z',
  ms = 4000,
): AnnotationEvent {
  return { v: 1, item, annotator, hate, pc, attack, at, ms, note: '', flag: false };
}

function decide(
  item: number,
  lead: string,
  hate: Hate,
  pc: string[] = [],
  attack: string[] = [],
): Adjudication {
  return { v: 1, item, lead, hate, pc, attack, at: '2026-11-25T10:00:00.000Z', note: '' };
}

function itemsFor(n: number, ref?: Hate): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    img: `img/${i + 1}.png`,
    text: '',
    ...(ref ? { ref_hate: ref } : {}),
  }));
}

function setup(votes: AnnotationEvent[], decisions: Adjudication[] = []): AnnotationState {
  const state = new AnnotationState();
  for (const v of votes) state.apply(v);
  for (const d of decisions) state.applyAdjudication(d);
  return state;
}

function report(state: AnnotationState, items: Item[], policy: GoldPolicy = 'fghm', fullN = 3) {
  return computeAgreement(buildLabelMatrix(state, items, goldForAll(state, items, policy), policy), fullN);
}

function figures(r: ReturnType<typeof report>, id: string) {
  const f = r.per_annotator.find((a) => a.id === id);
  if (!f) throw new Error(`no figures for ${id}`);
  return f;
}

describe('agreement with gold: compared with the gold the item would have without the annotator', () => {
  it('an annotator who is the only voter has nothing to be compared with (not 100%)', () => {
    const items = itemsFor(3);
    const state = setup([vote(1, 'solo', H, ['race']), vote(2, 'solo', N), vote(3, 'solo', H)]);
    const f = figures(report(state, items), 'solo');
    expect(f).toMatchObject({ items_done: 3, gold_agreement: null, gold_items: 0, gold_exact: null });
  });

  it('2–1: the minority voter counts (and disagrees); a majority voter whose vote decided the tie does not', () => {
    const items = itemsFor(2);
    // Item 1: a, b hateful, c not. Without a: b vs c tie, so a's vote decided the gold: a does not
    // count. Without c: a and b agree, hateful: c counts and disagrees. Item 2: unanimous.
    const state = setup([
      vote(1, 'a', H),
      vote(1, 'b', H),
      vote(1, 'c', N),
      vote(2, 'a', N),
      vote(2, 'b', N),
      vote(2, 'c', N),
    ]);
    const r = report(state, items);
    expect(figures(r, 'a')).toMatchObject({ gold_items: 1, gold_agreement: 1 });
    expect(figures(r, 'b')).toMatchObject({ gold_items: 1, gold_agreement: 1 });
    expect(figures(r, 'c')).toMatchObject({ gold_items: 2, gold_agreement: 0.5 });
  });

  it('two voters: each is compared with the other, so a disagreement counts against both', () => {
    const items = itemsFor(2);
    const state = setup([vote(1, 'a', H), vote(1, 'b', N), vote(2, 'a', N), vote(2, 'b', N)]);
    const r = report(state, items);
    expect(figures(r, 'a')).toMatchObject({ gold_items: 2, gold_agreement: 0.5 });
    expect(figures(r, 'b')).toMatchObject({ gold_items: 2, gold_agreement: 0.5 });
  });

  it("a lead's decision is the yardstick, except for the lead's own vote", () => {
    const items = itemsFor(1);
    // a and b tie; lead-1 labeled too (not hateful) and then decided hateful.
    const state = setup(
      [vote(1, 'a', H), vote(1, 'b', N), vote(1, 'lead-1', N)],
      [decide(1, 'lead-1', H, ['race'])],
    );
    const r = report(state, items);
    expect(figures(r, 'a')).toMatchObject({ gold_items: 1, gold_agreement: 1 });
    expect(figures(r, 'b')).toMatchObject({ gold_items: 1, gold_agreement: 0 });
    // For lead-1 the decision is their own: the others (a, b) tie, so nothing to compare.
    expect(figures(r, 'lead-1')).toMatchObject({ gold_items: 0, gold_agreement: null });
  });

  it('an imported reference gold counts when nobody else voted (it never came from the annotator)', () => {
    const items = itemsFor(2, N);
    const state = setup([vote(1, 'a', N), vote(2, 'a', H)]);
    expect(figures(report(state, items), 'a')).toMatchObject({ gold_items: 2, gold_agreement: 0.5 });
  });

  it('exact agreement uses the labels the others settle: a fallback label of the annotator alone does not count', () => {
    const items = itemsFor(1);
    // fghm policy: no category reaches 2 votes; the fallback picks race (priority), a's label.
    const state = setup([
      vote(1, 'a', H, ['race'], ['slurs']),
      vote(1, 'b', H, ['religion'], ['slurs']),
      vote(1, 'c', H, ['sex'], ['slurs']),
    ]);
    const golds = goldForAll(state, items, 'fghm');
    expect(golds[0].pc.labels).toStrictEqual(['race']);
    const r = report(state, items);
    // Without a the fallback is religion: a's race no longer matches.
    expect(figures(r, 'a')).toMatchObject({ gold_agreement: 1, gold_exact: 0, gold_exact_items: 1 });
    // Without b (or c) the fallback is still race: b's religion does not match.
    expect(figures(r, 'b')).toMatchObject({ gold_exact: 0, gold_exact_items: 1 });
  });

  it('the strict policy leaves labels without a majority unsettled: no exact comparison', () => {
    const items = itemsFor(1);
    const state = setup([vote(1, 'a', H, ['race']), vote(1, 'b', H, ['religion']), vote(1, 'c', H, ['sex'])]);
    const r = report(state, items, 'strict');
    expect(figures(r, 'a')).toMatchObject({
      gold_items: 1,
      gold_agreement: 1,
      gold_exact: null,
      gold_exact_items: 0,
    });
  });

  it('flat figures carry the item counts', () => {
    const items = itemsFor(1);
    const state = setup([vote(1, 'a', H), vote(1, 'b', H)]);
    const flat = flattenAgreement(report(state, items));
    expect(flat['annotator.a.gold_items']).toBe(1);
    expect(flat['annotator.a.timed_labels']).toBe(1);
    expect(flat['annotator.a.gold_exact_items']).toBe(1);
  });
});

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

describe('hate agreement on a released FGHM import', () => {
  it('claims nothing: the slots have votes only where gold is hateful, so their hate votes are left out', async () => {
    const { state, items } = await devSeen();
    // The artefact: every imported slot vote is "hateful", on the 246 items whose gold is hateful.
    const golds = goldForAll(state, items, 'fghm');
    const m = buildLabelMatrix(state, items, golds, 'fghm');
    expect([...m.hate].filter((v) => v === 1)).toHaveLength(0);
    const r = computeAgreement(m, 3);
    expect(r.hate_excluded).toStrictEqual(['fghm-1', 'fghm-2', 'fghm-3']);
    expect(r.hate).toMatchObject({
      fleiss_kappa: null,
      krippendorff_alpha: null,
      mean_pairwise_cohen_kappa: null,
      percent_agreement: null,
      items_full_overlap: 0,
      items_two_or_more: 0,
    });
    expect(r.pairs).toStrictEqual([]);
    for (const f of r.per_annotator)
      expect(f).toMatchObject({ hate_counted: false, gold_agreement: null, gold_items: 0, gold_exact: null });
    // Categories and attacks are over hateful gold by definition: they stay (the NLTK reference).
    expect(r.pc.items_two_or_more).toBe(244);
    expect(r.pc.alpha_masi).toBeCloseTo(0.7454431091580291, 12);
  });

  it('an annotator labeling the imported memes alone is compared with the release', async () => {
    const { state, items } = await devSeen();
    const golds = goldForAll(state, items, 'fghm');
    for (let u = 0; u < 30; u++) {
      const g = golds[u].hate as Hate;
      state.apply(vote(items[u].id as number, 'ann-a', g, g === H ? ['race'] : []));
    }
    const r = report(state, items);
    // Hateful memes: the slots' votes; the others: nobody else voted, the imported gold_hate.
    expect(figures(r, 'ann-a')).toMatchObject({ hate_counted: true, gold_items: 30, gold_agreement: 1 });
    // One counted annotator: no hate agreement to claim.
    expect(r.hate.krippendorff_alpha).toBeNull();
  });

  it('two annotators labeling imported memes: hate agreement is theirs, on the memes they both labeled', async () => {
    const { state, items } = await devSeen();
    const golds = goldForAll(state, items, 'fghm');
    // ann-a labels the first 30 memes as the release says, ann-b says hateful to all of them.
    for (let u = 0; u < 30; u++) {
      const g = golds[u].hate as Hate;
      state.apply(vote(items[u].id as number, 'ann-a', g, g === H ? ['race'] : []));
      state.apply(vote(items[u].id as number, 'ann-b', H, ['race']));
    }
    const notHateful = golds.slice(0, 30).filter((g) => g.hate === N).length;
    expect(notHateful).toBeGreaterThan(0);
    const r = report(state, items);
    expect(r.hate_excluded).toStrictEqual(['fghm-1', 'fghm-2', 'fghm-3']);
    expect(r.hate_full_overlap_raters).toBe(2);
    expect(r.hate.items_two_or_more).toBe(30);
    expect(r.hate.items_full_overlap).toBe(30);
    expect(r.hate.percent_agreement).toBeCloseTo((30 - notHateful) / 30, 12);
    expect(r.pairs.map((p) => `${p.a}|${p.b}`)).toStrictEqual(['ann-a|ann-b']);
    // On the memes the release calls not hateful, the gold without ann-a is ann-b's vote (and
    // the other way round): each disagrees there.
    const share = (30 - notHateful) / 30;
    expect(figures(r, 'ann-a')).toMatchObject({ gold_items: 30, gold_agreement: share });
    expect(figures(r, 'ann-b')).toMatchObject({ gold_items: 30, gold_agreement: share });
  });

  it('a file that records every annotator on every meme keeps its hate votes', () => {
    const state = new AnnotationState();
    const items: Item[] = [];
    for (const rec of syntheticFghm(200, 3)) {
      const m = fromFghm(rec);
      if (!m.ok) throw new Error(m.error);
      items.push(m.value.item);
      for (const ev of slotEvents(m.value, '2026-01-01T00:00:00.000Z')) state.apply(ev);
    }
    const r = report(state, items);
    expect(r.hate_excluded).toStrictEqual([]);
    expect(r.hate.items_full_overlap).toBe(200);
    expect(r.hate.fleiss_kappa).not.toBeNull();
  });
});

function dashboard(votes: AnnotationEvent[], items: Item[]): Dashboard {
  const state = setup(votes);
  return buildDashboard(state, items, goldForAll(state, items, 'fghm'), 'fghm', 3);
}

describe('unresolved gold, as export counts it', () => {
  it('a tie on a meme still waiting for its third vote is waiting, not unresolved', () => {
    const items: Item[] = [1, 2].map((id) => ({ id, img: `img/${id}.png`, text: '' }));
    // Meme 1: two votes of three, a tie. Meme 2: three votes, hateful by 2 of 3, categories split.
    const votes = [
      vote(1, 'a', HATEFUL, ['race'], ['mocking']),
      vote(1, 'b', NOT_HATEFUL),
      vote(2, 'a', HATEFUL, ['race'], ['mocking']),
      vote(2, 'b', HATEFUL, ['sex'], ['slurs']),
      vote(2, 'c', NOT_HATEFUL),
    ];
    const state = setup(votes);
    const golds = goldForAll(state, items, 'strict');
    const rule = { target: 3, imported: new Set<string>() };
    const d = buildDashboard(state, items, golds, 'strict', 3, rule);
    expect(d.gold).toMatchObject({ unresolved: 1, waiting: 1 });
    // Without a readiness rule (a report of every meme) both count as unresolved.
    expect(buildDashboard(state, items, golds, 'strict', 3).gold).toMatchObject({
      unresolved: 2,
      waiting: 0,
    });
  });
});

describe('figures on too few items', () => {
  it(`are greyed with a reason below ${MIN_ITEMS} items, and keep their band from ${MIN_ITEMS} on`, () => {
    expect(MIN_ITEMS).toBe(20);
    expect(tooFew(0)).toBe('no memes to compare');
    expect(tooFew(1)).toBe('only 1 meme (fewer than 20): too few to judge');
    expect(tooFew(19)).toBe('only 19 memes (fewer than 20): too few to judge');
    expect(tooFew(20)).toBeNull();
    // A perfect kappa on 5 items is no "almost perfect".
    expect(kappaBand(1)?.label).toBe('almost perfect');
    expect(bandOn(kappaBand(1), 5)).toBeNull();
    expect(bandOn(kappaBand(1), 20)?.label).toBe('almost perfect');
  });

  it('the HTML and CSV reports say how many items each figure is on, and grey what is too few', () => {
    const items = itemsFor(5);
    const votes = items.flatMap((it) => ['a', 'b', 'c'].map((x) => vote(it.id as number, x, H, ['race'])));
    const d = dashboard(votes, items);
    const html = reportHtml(d, 'tiny', '2026-11-26T00:00:00.000Z');
    // No figure cell carries a band: a perfect kappa on 5 items is not "almost perfect".
    expect(html).not.toMatch(/<td[^>]*title="almost perfect"/);
    expect(html).toContain('on 5 memes');
    expect(html).toContain('only 5 memes (fewer than 20): too few to judge');
    const csv = reportCsv(d);
    expect(csv.split('\n')[0]).toBe('scope,label,metric,value,items');
    expect(csv).toContain('hate,,fleiss_kappa,1,5\n');
    expect(csv).toContain('annotator,a,gold_agreement,1,5\n');
  });
});

describe('per-annotator label shares are on one scale', () => {
  it("share of each annotator's own votes, and one maximum for every bar", () => {
    const items = itemsFor(10);
    const votes: AnnotationEvent[] = [];
    // a: 10 memes, 2 race; b: 2 memes, both race.
    for (const it of items)
      votes.push(
        vote(it.id as number, 'a', (it.id as number) <= 2 ? H : N, (it.id as number) <= 2 ? ['race'] : []),
      );
    votes.push(vote(1, 'b', H, ['race']), vote(2, 'b', H, ['race']));
    const d = dashboard(votes, items);
    expect(d.shares.byAnnotator.a.race).toBeCloseTo(0.2, 12);
    expect(d.shares.byAnnotator.b.race).toBe(1);
    expect(d.shares.team.race).toBeCloseTo(4 / 12, 12);
    expect(d.shares.max).toBe(1);
  });

  it('leaves out the hateful share of imported slots whose hate votes do not count', async () => {
    const { state, items } = await devSeen();
    const d = buildDashboard(state, items, goldForAll(state, items, 'fghm'), 'fghm', 3);
    expect(d.shares.byAnnotator['fghm-1'].hateful).toBeNull();
    expect(d.shares.team.hateful).toBeNull();
    expect(d.shares.byAnnotator['fghm-1'].race).toBeGreaterThan(0);
  });
});

describe('the labels-over-time chart', () => {
  it('says so when every label was made on one day', () => {
    const items = itemsFor(3);
    const d = dashboard([vote(1, 'a', H), vote(2, 'a', N), vote(3, 'b', N)], items);
    expect(d.timeline).toHaveLength(1);
    expect(timelineNote(d.timeline)).toBe(
      'All 3 labels were made on one day (2026-11-24): no trend over time to show yet.',
    );
    expect(timelineNote([])).toBe('No labels yet.');
    const two = dashboard([vote(1, 'a', H), vote(2, 'a', N, [], [], '2026-11-25T09:00:00.000Z')], items);
    expect(timelineNote(two.timeline)).toBeNull();
  });
});
