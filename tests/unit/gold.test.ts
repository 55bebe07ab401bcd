import { describe, expect, it } from 'vitest';
import { computeGold, labelCounts, type Vote } from '../../shared/gold';
import { rng } from '../../electron/services/synthetic';

// An independent, deliberately naive reading of DESIGN.md "Gold policy fghm", to check the
// production rule on arbitrary label lists (including unknown labels and duplicates), so the
// rule is not tuned to one file.
const PRIORITY = {
  pc: ['race', 'religion', 'nationality', 'sex', 'disability'],
  attack: ['dehumanizing', 'inferiority', 'mocking', 'inciting_violence', 'contempt', 'slurs', 'exclusion'],
};

function naiveTask(task: 'pc' | 'attack', lists: string[][]): string[] {
  const appearance: string[] = [];
  for (const l of lists) for (const x of l) if (!appearance.includes(x)) appearance.push(x);
  const votes = (x: string): number => lists.filter((l) => l.includes(x)).length;
  const twoOrMore = appearance.filter((x) => votes(x) >= 2);
  if (twoOrMore.length) return twoOrMore;
  if (!appearance.length) return [task === 'pc' ? 'pc_empty' : 'attack_empty'];
  const known = PRIORITY[task].filter((x) => appearance.includes(x));
  return [known.length ? known[0] : appearance[0]];
}

const POOL = {
  pc: ['race', 'religion', 'nationality', 'sex', 'disability', 'class'],
  attack: [
    'dehumanizing',
    'inferiority',
    'mocking',
    'inciting_violence',
    'contempt',
    'slurs',
    'exclusion',
    'other',
  ],
};

function randomList(r: () => number, pool: string[]): string[] {
  const n = Math.floor(r() * 3);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pool[Math.floor(r() * pool.length)]);
  return out;
}

describe('fghm policy', () => {
  it('matches the written rule on 20,000 random hateful items', () => {
    const r = rng(7);
    for (let k = 0; k < 20000; k++) {
      const n = 1 + Math.floor(r() * 3);
      const votes: Vote[] = [];
      for (let a = 0; a < n; a++)
        votes.push({
          annotator: `a${a}`,
          hate: 'hateful',
          pc: randomList(r, POOL.pc),
          attack: randomList(r, POOL.attack),
        });
      const g = computeGold(votes, 'fghm');
      expect(g.hate).toBe('hateful');
      expect(g.pc.labels).toStrictEqual(
        naiveTask(
          'pc',
          votes.map((v) => [...v.pc]),
        ),
      );
      expect(g.attack.labels).toStrictEqual(
        naiveTask(
          'attack',
          votes.map((v) => [...v.attack]),
        ),
      );
    }
  });

  it('decides hate by majority, leaves ties unresolved, keeps a reference when nobody voted', () => {
    const h = (hate: 'hateful' | 'not_hateful'): Vote => ({
      annotator: 'x',
      hate,
      pc: hate === 'hateful' ? ['race'] : [],
      attack: [],
    });
    expect(computeGold([h('hateful'), h('hateful'), h('not_hateful')], 'fghm').hate).toBe('hateful');
    const tie = computeGold([h('hateful'), h('not_hateful')], 'fghm');
    expect(tie.hate).toBeNull();
    expect(tie.hateHow).toBe('tie');
    expect(tie.resolved).toBe(false);
    expect(computeGold([], 'fghm', 'not_hateful')).toMatchObject({
      hate: 'not_hateful',
      hateHow: 'reference',
      resolved: true,
    });
    expect(computeGold([], 'fghm')).toMatchObject({ hate: null, hateHow: 'no_votes', resolved: false });
    const not = computeGold([h('not_hateful'), h('not_hateful'), h('hateful')], 'fghm');
    expect(not.pc.labels).toStrictEqual(['pc_empty']);
    expect(not.attack.labels).toStrictEqual(['attack_empty']);
  });

  it("does not count a not-hateful voter's labels and counts a label once per annotator", () => {
    const votes: Vote[] = [
      { annotator: 'a', hate: 'hateful', pc: ['sex', 'sex'], attack: ['mocking'] },
      { annotator: 'b', hate: 'hateful', pc: ['religion'], attack: ['mocking'] },
    ];
    const g = computeGold(votes, 'fghm');
    expect(g.pc).toMatchObject({ labels: ['religion'], how: 'fallback' });
    expect(g.attack).toMatchObject({ labels: ['mocking'], how: 'majority' });
    expect(labelCounts(votes, 'pc')).toStrictEqual([
      ['sex', 1],
      ['religion', 1],
    ]);
  });
});

describe('strict policy', () => {
  it('keeps labels with more than half the votes and sends the rest to a lead', () => {
    const votes: Vote[] = [
      { annotator: 'a', hate: 'hateful', pc: ['race'], attack: ['mocking'] },
      { annotator: 'b', hate: 'hateful', pc: ['religion'], attack: ['mocking', 'slurs'] },
      { annotator: 'c', hate: 'not_hateful', pc: [], attack: [] },
    ];
    const g = computeGold(votes, 'strict');
    expect(g.hate).toBe('hateful');
    expect(g.attack).toMatchObject({ labels: ['mocking'], resolved: true });
    expect(g.pc).toMatchObject({ labels: [], resolved: false, how: 'no_majority' });
    expect(g.resolved).toBe(false);
    expect(computeGold(votes, 'fghm').pc.labels).toStrictEqual(['race']);
  });
});

describe('adjudication', () => {
  it('overrides every vote and the reference', () => {
    const votes: Vote[] = [
      { annotator: 'a', hate: 'hateful', pc: ['race'], attack: ['mocking'] },
      { annotator: 'b', hate: 'not_hateful', pc: [], attack: [] },
    ];
    const g = computeGold(votes, 'strict', 'hateful', { hate: 'hateful', pc: ['sex'], attack: [] });
    expect(g).toMatchObject({ hate: 'hateful', hateHow: 'adjudicated', resolved: true });
    expect(g.pc.labels).toStrictEqual(['sex']);
    expect(g.attack.labels).toStrictEqual(['attack_empty']);
    const no = computeGold(votes, 'fghm', undefined, { hate: 'not_hateful', pc: ['race'], attack: [] });
    expect(no.pc.labels).toStrictEqual(['pc_empty']);
  });
});
