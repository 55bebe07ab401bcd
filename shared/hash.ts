// FNV-1a, 32 bit: a small hash that is the same on every machine and runtime, for the orders and
// assignments every app must compute alike (not for anything that must resist an adversary).
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a continued from state `h` over the characters of `s` (state, not yet made unsigned). */
function fnv1aOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * fnv1a(`${prefix}${id}`) for many ids with one prefix, without building the strings: the prefix
 * is hashed once, and a non-negative integer id digit by digit (its decimal form, as String()
 * writes it). For ordering 100,000 items on every queue.
 */
export function fnv1aPrefixed(prefix: string): (id: number | string) => number {
  const start = fnv1aOn(FNV_OFFSET, prefix);
  return (id) => {
    if (typeof id === 'string' || !Number.isSafeInteger(id) || id < 0)
      return fnv1aOn(start, String(id)) >>> 0;
    let p = 1;
    while (p * 10 <= id) p *= 10;
    let h = start;
    for (; p >= 1; p /= 10) h = Math.imul(h ^ (48 + (Math.floor(id / p) % 10)), FNV_PRIME);
    return h >>> 0;
  };
}
