// Reading JSON lines in the exact form JSON.stringify writes them, token by token instead of
// through JSON.parse of the whole line: the tokens of the fast line decoders (records.ts, fghm.ts). Each helper reads one token at a position and
// gives up (undefined, -1, false) on anything JSON.parse might read differently (escapes, control
// characters, numbers with a fraction or exponent), leaving that line to JSON.parse.

/** Where the last token read by these helpers ended (one line is decoded at a time). */
export const cursor = { at: 0 };

/**
 * Reads a JSON string without escapes starting at `i` (the opening quote); undefined if there is
 * a backslash (left to JSON.parse) or no closing quote before `end`. Sets `at` past the quote.
 * With `scan`, also undefined for a raw control character, which JSON.parse refuses (callers
 * whose short values are then checked by a pattern without them skip that scan).
 */
export function plainString(t: string, i: number, end: number, scan = true): string | undefined {
  if (t.charCodeAt(i) !== 34) return undefined;
  const close = t.indexOf('"', i + 1);
  if (close < 0 || close >= end) return undefined;
  // Long values are copied through JSON.parse below, which a control character would stop.
  const controls = scan || close - i - 1 >= 13;
  for (let j = i + 1; j < close; j++) {
    const c = t.charCodeAt(j);
    if (c === 92 || (controls && c < 0x20)) return undefined;
  }
  cursor.at = close + 1;
  // V8 makes a substring of 13 characters or more a view into its parent (here a whole file),
  // so a value kept in memory would pin megabytes; JSON.parse of the quoted token (known to hold
  // no escape) makes a compact copy, and is the cheapest way to get one.
  return close - i - 1 < 13 ? t.slice(i + 1, close) : (JSON.parse(t.slice(i, close + 1)) as string);
}

/** A copy of `s` that does not keep the text it was cut from alive (see plainString). */
export function own(s: string): string {
  return s.length < 13 ? s : ('  ' + s).slice(2);
}

/** Whether `t` has `s` (a plain string just read before) as the JSON string at `i`; sets `at`. */
export function sameString(t: string, i: number, s: string): boolean {
  if (t.charCodeAt(i) !== 34 || t.charCodeAt(i + 1 + s.length) !== 34 || !t.startsWith(s, i + 1))
    return false;
  cursor.at = i + 2 + s.length;
  return true;
}

/** A non-negative integer in JSON's form (no leading zero, at most 15 digits); -1 if not one. */
export function plainInt(t: string, i: number): number {
  let c = t.charCodeAt(i);
  if (c < 48 || c > 57) return -1;
  if (c === 48) {
    c = t.charCodeAt(i + 1);
    if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69) return -1;
    cursor.at = i + 1;
    return 0;
  }
  let n = 0;
  let j = i;
  for (; c >= 48 && c <= 57; c = t.charCodeAt(++j)) n = n * 10 + (c - 48);
  // A fraction or an exponent, or more digits than are always safe: JSON.parse decides.
  if (c === 46 || c === 101 || c === 69 || j - i > 15) return -1;
  cursor.at = j;
  return n;
}
