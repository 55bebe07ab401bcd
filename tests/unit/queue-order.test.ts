// The shared queue order computed without a string per item is the order of its definition:
// items sorted by fnv1a(`${seed}:${id}`), ties by item position.
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aPrefixed } from '../../shared/hash';
import { queueOrder } from '../../shared/queue';
import type { Item } from '../../shared/records';
import { rng } from '../../electron/services/synthetic';

function reference(items: readonly Item[], seed: string): number[] {
  return items
    .map((it, i) => ({ i, h: fnv1a(`${seed}:${it.id}`) }))
    .sort((a, b) => a.h - b.h || a.i - b.i)
    .map((x) => x.i);
}

describe('queueOrder', () => {
  it('hashes ids as their decimal text', () => {
    const h = fnv1aPrefixed('seed:');
    for (const id of [0, 7, 10, 99, 100, 83745, 9007199254740991, 'meme-1', '007', '', 'é'])
      expect(h(id), String(id)).toBe(fnv1a(`seed:${id}`));
  });

  it('is the definition on numeric, string and duplicate ids', () => {
    const r = rng(5);
    for (const n of [0, 1, 2, 17, 1000, 20000]) {
      const items: Item[] = Array.from({ length: n }, () => ({
        id:
          r() < 0.2 ? `m${Math.floor(r() * 50)}` : r() < 0.1 ? Math.floor(r() * 10) : Math.floor(r() * 1e12),
        img: '',
        text: '',
      }));
      for (const seed of ['bench', 'x7', ''])
        expect(Array.from(queueOrder(items, seed)), `${n} ${seed}`).toStrictEqual(reference(items, seed));
    }
  });
});
