// JSON Lines codec. Every problem is reported with the file, the 1-based line and the field, and a
// bad line never hides the good ones around it.
import { releaseLastMatch } from './lineScan';
import type { Check, LineCheck } from './records';

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

/**
 * What JSON.parse objected to, in words and a column, never quoting the text: the engine's own
 * message carries a snippet of the input ("Unexpected token 'r', "root:x:0:0"… is not valid
 * JSON"), and a message must never echo what a file holds (it may not be the user's to see).
 */
export function jsonParseMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/end of JSON input/i.test(msg)) return 'not valid JSON (it ends too early)';
  const pos = /at position (\d+)/.exec(msg);
  const what = /Unterminated string/i.test(msg)
    ? 'unterminated string'
    : /Bad control character/i.test(msg)
      ? 'control character in a string'
      : /Expected property name/i.test(msg)
        ? 'expected a property name'
        : /after property value/i.test(msg)
          ? 'expected "," or "}"'
          : /after array element/i.test(msg)
            ? 'expected "," or "]"'
            : /non-whitespace character after JSON/i.test(msg)
              ? 'more text after the value'
              : 'unexpected character';
  return `not valid JSON (${what}${pos ? ` at column ${Number(pos[1]) + 1}` : ''})`;
}

/**
 * A whole file's JSON.parse error as the line the engine stopped on and the column in that line
 * (the engine gives an offset into the whole text, when it gives one). `text` is the file's text;
 * a byte-order mark, which the parse was given the text without, is no column.
 */
export function wholeJsonError(text: string, file: string, err: unknown): LineError {
  const pos = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
  const message = jsonParseMessage(err);
  if (!pos) return { file, line: 1, message };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = Number(pos[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < body.length; i++)
    if (body.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { file, line, message: message.replace(/ at column \d+/, ` at column ${at - lineStart + 1}`) };
}

/**
 * Visits every non-blank line of JSON Lines text without collecting them, so that replaying a
 * large log keeps only the records the caller keeps. `firstLine` offsets line numbers for text
 * that starts in the middle of a file.
 */
export function eachJsonl<T>(
  text: string,
  file: string,
  check: ((raw: unknown) => Check<T>) | null,
  onRecord: (value: T, line: number) => void,
  onError: (e: LineError) => void,
  firstLine = 0,
): number {
  // A byte-order mark (editors on Windows write one) is not part of the first line.
  let start = firstLine === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = firstLine;
  // A check may come with a decoder of the form our own writer produces (records.ts): tried first,
  // and JSON.parse plus the check decide every line it does not accept.
  const decode = (check as LineCheck<T> | null)?.decode;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    const fast = decode === undefined ? undefined : decode(text, start, stop);
    if (fast !== undefined) onRecord(fast, line);
    else if (!isBlank(text, start, stop)) {
      let raw: unknown;
      let parsed = true;
      try {
        raw = JSON.parse(text.slice(start, stop));
      } catch (err) {
        parsed = false;
        onError({ file, line, message: jsonParseMessage(err) });
      }
      if (parsed) {
        if (!check) onRecord(raw as T, line);
        else {
          const res = check(raw);
          if (res.ok) onRecord(res.value, line);
          else onError({ file, line, message: res.error });
        }
      }
    }
    start = end + 1;
  }
  if (decode !== undefined) releaseLastMatch();
  return line - firstLine;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Parses JSON Lines text into records and line-numbered errors (blank lines are allowed). */
export function parseJsonl<T = unknown>(
  text: string,
  file: string,
  check?: (raw: unknown) => Check<T>,
): ParseResult<T> {
  const records: Parsed<T>[] = [];
  const errors: LineError[] = [];
  eachJsonl(
    text,
    file,
    check ?? null,
    (value, line) => records.push({ value, line }),
    (e) => errors.push(e),
  );
  return { records, errors };
}

/**
 * Whether the first character of `text` after blanks (what trimStart skips, a byte-order mark
 * included) is `c`: without trimStart's copy of a whole file.
 */
export function startsAfterBlanks(text: string, c: string): boolean {
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] === c;
}

/** Whether a file's text is a JSON array (its first non-blank character is "["), not JSON Lines. */
export function looksLikeJsonArray(text: string): boolean {
  return startsAfterBlanks(text, '[');
}

/**
 * Reads a `.json` item list that may be JSON Lines (as the FGHM release ships them) or a JSON
 * array of records. Array elements report their index as the "line".
 */
export function parseJsonOrJsonl(text: string, file: string): ParseResult<unknown> {
  if (looksLikeJsonArray(text)) {
    try {
      const arr = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
      if (!Array.isArray(arr)) throw new Error('expected an array');
      return {
        records: arr.map((value, i) => ({ value, line: i + 1 })),
        errors: [],
      };
    } catch (err) {
      return { records: [], errors: [wholeJsonError(text, file, err)] };
    }
  }
  return parseJsonl(text, file);
}

/**
 * Splits the text of an append-only log into the complete part and a torn tail: a last line
 * without its newline that is not valid JSON, left by a crash in the middle of a write. A last
 * line that is whole JSON and only lacks its newline, or is blank, is not torn.
 */
export function splitTornTail(text: string): { complete: string; torn: string } {
  if (text === '' || text.endsWith('\n')) return { complete: text, torn: '' };
  const cut = text.lastIndexOf('\n') + 1;
  const last = text.slice(cut);
  if (last.trim() === '') return { complete: text, torn: '' };
  try {
    JSON.parse(last);
    return { complete: text, torn: '' };
  } catch {
    return { complete: text.slice(0, cut), torn: last };
  }
}
