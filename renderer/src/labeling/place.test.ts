import { describe, expect, it } from 'vitest';
import type { QueueCounts } from '../../../shared/queue';
import { placeOf } from './place';

const counts = (done: number, todo: number): QueueCounts => ({
  todo,
  done,
  flagged: 0,
  all: done + todo,
  complete: 0,
  distressing: 0,
});
const ids = Array.from({ length: 24 }, (_, i) => i + 1);

describe('placeOf', () => {
  it('agrees with Mine in To do after a distressing skip', () => {
    // Ten answered, the 11th skipped as distressing: Mine 10 / 23, the 12th meme is my 11th.
    const left = new Set(ids.slice(0, 11).map(String));
    expect(placeOf({ filter: 'todo', ids, pos: 11, counts: counts(10, 13), left, answered: false })).toEqual({
      n: 11,
      total: 23,
    });
  });
  it('counts memes passed over with S before the meme', () => {
    const left = new Set(['1', '2']);
    expect(placeOf({ filter: 'todo', ids, pos: 4, counts: counts(2, 22), left, answered: false })).toEqual({
      n: 5,
      total: 24,
    });
  });
  it('gives an answered meme no number, and other tabs their list place', () => {
    const left = new Set(['1']);
    expect(placeOf({ filter: 'todo', ids, pos: 0, counts: counts(1, 23), left, answered: true })).toEqual({
      n: null,
      total: 24,
    });
    expect(
      placeOf({ filter: 'flagged', ids: [7, 9], pos: 1, counts: counts(1, 23), left, answered: true }),
    ).toEqual({
      n: 2,
      total: 2,
    });
  });
});
