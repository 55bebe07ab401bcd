// JSON Lines codec. Every problem is reported with the file, the 1-based line and the field, and a
// bad line never hides the good ones around it.
import type { Check } from './records';

export interface LineError {
  file: string;
  line: number;
  message: string;
}

export interface Parsed<T> {
  value: T;
  line: number;
}

export interface ParseResult<T> {
  records: Parsed<T>[];
  errors: LineError[];
}

export function formatLineError(e: LineError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

export function jsonParseMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return `not valid JSON (${msg.replace(/^JSON\.parse: /, '')})`;
}

/**
 * Parses JSON Lines text. Blank lines are allowed. When `check` is given each parsed value is
 * validated and only valid ones are returned.
 */
export function parseJsonl<T = unknown>(
  text: string,
  file: string,
  check?: (raw: unknown) => Check<T>,
): ParseResult<T> {
  const lines = text.split('\n');
  const raws: unknown[] = [];
  const rawLines: number[] = [];
  const errors: LineError[] = [];
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i];
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (l.trim() === '') continue;
    try {
      raws.push(JSON.parse(l));
      rawLines.push(i + 1);
    } catch (err) {
      errors.push({ file, line: i + 1, message: jsonParseMessage(err) });
    }
  }
  const records: Parsed<T>[] = [];
  for (let k = 0; k < raws.length; k++) {
    if (!check) {
      records.push({ value: raws[k] as T, line: rawLines[k] });
      continue;
    }
    const res = check(raws[k]);
    if (res.ok) records.push({ value: res.value, line: rawLines[k] });
    else errors.push({ file, line: rawLines[k], message: res.error });
  }
  errors.sort((a, b) => a.line - b.line);
  return { records, errors };
}

/**
 * Reads a `.json` item list that may be JSON Lines (as the FGHM release ships them) or a JSON
 * array of records. Array elements report their index as the "line".
 */
export function parseJsonOrJsonl(text: string, file: string): ParseResult<unknown> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(text) as unknown;
      if (!Array.isArray(arr)) throw new Error('expected an array');
      return {
        records: arr.map((value, i) => ({ value, line: i + 1 })),
        errors: [],
      };
    } catch (err) {
      return { records: [], errors: [{ file, line: 1, message: jsonParseMessage(err) }] };
    }
  }
  return parseJsonl(text, file);
}

/**
 * Splits the text of an append-only log into the complete part and a torn tail: a last line
 * without its newline that is not valid JSON, left by a crash in the middle of a write.
 */
export function splitTornTail(text: string): { complete: string; torn: string } {
  if (text === '' || text.endsWith('\n')) return { complete: text, torn: '' };
  const cut = text.lastIndexOf('\n') + 1;
  const last = text.slice(cut);
  try {
    JSON.parse(last);
    return { complete: text, torn: '' };
  } catch {
    return { complete: text.slice(0, cut), torn: last };
  }
}

export function toJsonl(values: readonly unknown[]): string {
  let out = '';
  for (const v of values) out += JSON.stringify(v) + '\n';
  return out;
}
