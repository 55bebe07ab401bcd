// Which format a file to import is in, from its name and its first record: an import never asks.
import { looksLikeJsonArray } from '../jsonl';
import { readCsv } from './csv';
import { readHf } from './hf';
import { readLabelStudio } from './labelstudio';
import type { InterchangeFormat, IxParsed } from './model';
import { readProdigy } from './prodigy';

export type ImportFormat = InterchangeFormat | 'fghm';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first value of a JSON array's text, parsed cheaply enough: the whole text is parsed once later anyway. */
function firstArrayElement(text: string): unknown {
  try {
    const arr = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    return Array.isArray(arr) ? arr[0] : undefined;
  } catch {
    return undefined;
  }
}

function firstJsonLine(text: string): unknown {
  for (const raw of text.split('\n', 50)) {
    const s = raw.replace(/^\uFEFF/, '').trim();
    if (s === '') continue;
    try {
      return JSON.parse(s);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const PRODIGY_KEYS = [
  '_input_hash',
  '_task_hash',
  '_annotator_id',
  '_session_id',
  'accept',
  'answer',
  'options',
];

/**
 * The format of a file: a .csv file is Meme Jury's CSV (its reader checks the header); a JSON array of tasks with a `data`
 * object is Label Studio; JSON lines with Prodigy's keys are Prodigy; anything else is FGHM
 * (whose importer says precisely what is wrong with a file that is none of these).
 */
export function detectFormat(name: string, text: string): ImportFormat {
  if (/\.csv$/i.test(name)) return 'csv';
  // (A byte-order mark is one of the blanks skipped.)
  if (looksLikeJsonArray(text)) {
    const first = firstArrayElement(text);
    return isObject(first) && isObject(first.data) ? 'labelstudio' : 'fghm';
  }
  const first = firstJsonLine(text);
  if (isObject(first) && PRODIGY_KEYS.some((k) => k in first)) return 'prodigy';
  return 'fghm';
}

/**
 * Whether JSON lines are Meme Jury's own "full" export (the FGHM record with the votes, how the
 * gold was reached and the lead's decision beside it): it reads as FGHM, which would keep its
 * memes and gold but lose who voted what and every decision.
 */
export function isFullExport(text: string): boolean {
  const first = firstJsonLine(text);
  return isObject(first) && 'hate_votes' in first && 'gold_how' in first && 'adjudication' in first;
}

/** Reads an interchange file of a known format (HF: the text of its metadata.jsonl). */
export function readInterchange(format: InterchangeFormat, text: string, file: string): IxParsed {
  switch (format) {
    case 'labelstudio':
      return readLabelStudio(text, file);
    case 'prodigy':
      return readProdigy(text, file);
    case 'csv':
      return readCsv(text, file);
    case 'hf':
      return readHf(text, file);
  }
}
