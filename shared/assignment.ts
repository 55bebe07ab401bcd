// Assignment for teams larger than the overlap: when the roster lists more annotators than the
// project's target, each item goes to exactly `target` of them by rendezvous (highest-random-
// weight) hashing, which every machine computes alike
// from the project's seed, so annotators working offline never label beyond the target. When a
// member leaves, only their items move, each to the next member in that item's ranking.
import { fnv1a } from './hash';

/** Assignment applies only to a team larger than the overlap; a smaller team labels everything. */
export function assigning(pool: readonly string[], target: number): boolean {
  return pool.length > target;
}

/** The members who get `item`: the `target` highest scores of `${seed}|${item}|${member}`. */
export function assignees(
  item: string | number,
  pool: readonly string[],
  target: number,
  seed: string,
): string[] {
  if (!assigning(pool, target)) return [...pool];
  const scored = pool.map((m) => ({ m, s: fnv1a(`${seed}|${String(item)}|${m}`) }));
  scored.sort((a, b) => b.s - a.s || (a.m < b.m ? -1 : a.m > b.m ? 1 : 0));
  return scored.slice(0, target).map((x) => x.m);
}

/** Whether `annotator` is one of the `target` members `item` is assigned to. */
export function isAssigned(
  item: string | number,
  annotator: string,
  pool: readonly string[],
  target: number,
  seed: string,
): boolean {
  if (!assigning(pool, target)) return true;
  if (!pool.includes(annotator)) return false;
  const mine = fnv1a(`${seed}|${String(item)}|${annotator}`);
  let above = 0;
  for (const m of pool) {
    if (m === annotator) continue;
    const s = fnv1a(`${seed}|${String(item)}|${m}`);
    if (s > mine || (s === mine && m < annotator)) above++;
    if (above >= target) return false;
  }
  return true;
}
