// Reading JSON lines in the exact form JSON.stringify writes them without JSON.parse of the whole
// line: the pieces of the fast line decoders (records.ts, fghm.ts). Each gives up (undefined, no
// match) on anything JSON.parse might read differently (escapes, control characters), leaving
// that line to JSON.parse.

/**
 * A JSON string without escapes or control characters, its content captured: the piece the line
 * expressions of the decoders are built of (anything else in a string is JSON.parse's to read).
 * A captured value of 13 characters or more is a view into the text (see plainString): `own` it.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it must refuse
export const PLAIN_STRING = /"([^"\\\x00-\x1f]*)"/.source;

const EMPTY_MATCH = /(?:)/;

/**
 * Lets go of the text the line expressions last matched. The engine keeps the subject of the last
 * successful match for the legacy `RegExp.input` / `RegExp.$1`, so after decoding a log that is
 * the whole file (15 MB for 100k lines), held for as long as no other expression matches.
 */
export function releaseLastMatch(): void {
  EMPTY_MATCH.exec('');
}

/** The match of a sticky line expression `re` on exactly `t` from `start` to `end`, or null. */
export function matchLine(re: RegExp, t: string, start: number, end: number): RegExpExecArray | null {
  re.lastIndex = start;
  const m = re.exec(t);
  return m !== null && re.lastIndex === end ? m : null;
}

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
