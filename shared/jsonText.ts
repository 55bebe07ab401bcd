// JSON text of plain values, exactly as JSON.stringify writes them, for the line writers that
// build a line field by field (annotationLine.ts, fghm.ts fghmLine): a plain string
// without anything to escape is written as it is, and the text of a frozen (interned) label list
// is made once and reused.

/** Characters JSON.stringify writes escaped (quote, backslash, controls, lone surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it escapes
const NEEDS_ESCAPE = /["\\\x00-\x1f\ud800-\udfff]/;

/** JSON.stringify(s). */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

const listJson = new WeakMap<readonly string[], string>();

/** JSON.stringify(list) for a list of strings; remembered for frozen lists (never changed). */
export function jsonList(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  let json = listJson.get(list);
  if (json === undefined) {
    json = JSON.stringify(list);
    if (Object.isFrozen(list)) listJson.set(list, json);
  }
  return json;
}
