// Small text helpers for what the app shows: a count with its noun in the right number.

/**
 * A count with its digits grouped as English writes them ("100,000"), the language of the app's
 * words. Whole numbers are grouped here: toLocaleString would load the engine's locale data, 20 ms
 * at the start of every CLI command that reports a count.
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    out = end === digits.length ? digits.slice(start, end) : `${digits.slice(start, end)},${out}`;
  }
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

/** "1 meme", "2 memes", "0 memes"; `many` for irregular plurals ("1 entry", "2 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** The noun alone, in the number `n` asks for, for a count shown apart ("<strong>1</strong> meme"). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
