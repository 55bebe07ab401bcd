// A JSON array file read element by element, each with the line it starts on, so that an error in
// a pretty-printed export (Label Studio writes one task over dozens of lines) names its line.
import { wholeJsonError, type LineError } from '../jsonl';

export interface LinedElement {
  value: unknown;
  line: number;
}

/** Line (1-based) of each offset in `offsets` (ascending). */
function linesAt(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let pos = 0;
  for (const off of offsets) {
    for (; pos < off; pos++) if (text.charCodeAt(pos) === 10) line++;
    out.push(line);
  }
  return out;
}

/** The offsets where the top-level elements of a JSON array start (text already known valid). */
function elementStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    if (depth === 1 && expectValue && c !== 93) {
      starts.push(i);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return starts;
}

/** Parses a JSON array; on a syntax error, the line it is on (never quoting the text). */
export function parseJsonArray(
  text: string,
  file: string,
): { elements: LinedElement[]; error: LineError | null } {
  let arr: unknown;
  try {
    arr = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { elements: [], error: wholeJsonError(text, file, err) };
  }
  if (!Array.isArray(arr))
    return { elements: [], error: { file, line: 1, message: 'expected a JSON array of tasks' } };
  const lines = linesAt(text, elementStarts(text));
  return { elements: arr.map((value, i) => ({ value, line: lines[i] ?? i + 1 })), error: null };
}
