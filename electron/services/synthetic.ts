// Synthetic FGHM data for benchmarks: realistic label distributions with imperfect annotators,
// reproducible from a seed.
import { PC_LABELS, ATTACK_LABELS, HATEFUL, NOT_HATEFUL } from '../../shared/taxonomy';
import type { FghmRecord } from '../../shared/fghm';

/** mulberry32: tiny, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function trueSet(r: () => number, labels: readonly string[]): string[] {
  const first = pick(r, labels);
  if (r() < 0.15) {
    const second = pick(r, labels);
    if (second !== first) return [first, second];
  }
  return [first];
}

function noisy(r: () => number, truth: string[], labels: readonly string[]): string[] {
  const out = truth.filter(() => r() < 0.8);
  if (r() < 0.15 || out.length === 0) {
    const extra = pick(r, labels);
    if (!out.includes(extra)) out.push(extra);
  }
  return out;
}

/**
 * `n` released-shape records with three annotator slots each. Every record lists the three
 * slots (not-hateful voters as []), so importing them yields three votes per item.
 */
export function syntheticFghm(n: number, seed = 1): FghmRecord[] {
  const r = rng(seed);
  const out: FghmRecord[] = [];
  for (let i = 0; i < n; i++) {
    const hateful = r() < 0.4;
    const pcTruth = trueSet(r, PC_LABELS);
    const attackTruth = trueSet(r, ATTACK_LABELS);
    const pc: string[][] = [];
    const attack: string[][] = [];
    let votes = 0;
    for (let a = 0; a < 3; a++) {
      const saysHateful = r() < (hateful ? 0.85 : 0.12);
      if (saysHateful) votes++;
      pc.push(saysHateful ? noisy(r, pcTruth, PC_LABELS) : []);
      attack.push(saysHateful ? noisy(r, attackTruth, ATTACK_LABELS) : []);
    }
    const id = 100000 + i;
    out.push({
      id,
      set_name: i % 10 === 0 ? 'dev' : 'train',
      img: `img/${id}.png`,
      text: `synthetic meme text number ${i}`,
      gold_hate: [votes >= 2 ? HATEFUL : NOT_HATEFUL],
      gold_pc: [],
      gold_attack: [],
      pc,
      attack,
    });
  }
  return out;
}
