// `memejury validate`: checks every line of a JSONL file of a known kind.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fromFghm } from '../../shared/fghm';
import { parseJsonOrJsonl, type LineError } from '../../shared/jsonl';
import { checkAnnotationEvent, checkLeadLine, type Check } from '../../shared/records';
import { checkGoldRow, checkPrediction } from '../../shared/scorer';

const FILE_TYPES = ['annotations', 'adjudications', 'items', 'predictions', 'gold'] as const;
export type FileType = (typeof FILE_TYPES)[number];

const CHECKS: Record<FileType, (raw: unknown) => Check<unknown>> = {
  annotations: checkAnnotationEvent,
  adjudications: checkLeadLine,
  items: (raw) => {
    const r = fromFghm(raw);
    return r.ok ? { ok: true, value: r.value } : r;
  },
  predictions: checkPrediction,
  gold: checkGoldRow,
};

/** Guesses the kind from the first record's fields. */
function detectType(first: unknown): FileType | null {
  if (typeof first !== 'object' || first === null) return null;
  if ('annotator' in first) return 'annotations';
  if ('lead' in first) return 'adjudications';
  if ('pred_hate' in first) return 'predictions';
  if ('img' in first) return 'items';
  if ('gold_hate' in first) return 'gold';
  return null;
}

export interface ValidateResult {
  type: FileType;
  lines: number;
  records: number;
  errors: LineError[];
}

export async function validateFile(file: string, type?: string): Promise<ValidateResult> {
  if (type !== undefined && !FILE_TYPES.includes(type as FileType))
    throw new Error(`--type must be one of ${FILE_TYPES.join(', ')}`);
  const text = await readFile(file, 'utf8');
  const label = file;
  const parsed = parseJsonOrJsonl(text, label);
  const kind = (type as FileType | undefined) ?? detectType(parsed.records[0]?.value);
  if (!kind)
    throw new Error(
      `${basename(file)}: cannot tell what kind of file this is; pass --type ${FILE_TYPES.join('|')}`,
    );
  const errors: LineError[] = [...parsed.errors];
  let records = 0;
  for (const { value, line } of parsed.records) {
    const r = CHECKS[kind](value);
    if (r.ok) records++;
    else errors.push({ file: label, line, message: r.error });
  }
  errors.sort((a, b) => a.line - b.line);
  return { type: kind, lines: parsed.records.length + parsed.errors.length, records, errors };
}
