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
