// `memejury validate`: checks every record of a JSON Lines (or JSON array) file of a known kind,
// including that every label is one of the taxonomy's (exact spelling: "RACE" and "race " are
// not "race"). readRecords is also how `score` reads predictions and gold, so a file gets the
// same verdict from both.
import { basename } from 'node:path';
import { fromFghm } from '../../shared/fghm';
import { parseJsonOrJsonl, type LineError, type ParseResult } from '../../shared/jsonl';
import { checkGovernanceEvent } from '../../shared/governance';
import { detectFormat } from '../../shared/interchange/detect';
import { readCsv } from '../../shared/interchange/csv';
import { checkAnnotationEvent, type Check } from '../../shared/records';
import { checkLeadLine } from '../../shared/leadLines';
import { checkGoldRow, checkPrediction } from '../../shared/scorer';
import { isKnownLabel, TASK_EMPTY, TASKS, type Task } from '../../shared/taxonomy';
import { UserError } from './errors';
import { readTextFile } from './fsx';

const FILE_TYPES = [
  'annotations',
  'adjudications',
  'governance',
  'items',
  'predictions',
  'gold',
  'csv',
] as const;
export type FileType = (typeof FILE_TYPES)[number];
type JsonFileType = Exclude<FileType, 'csv'>;

/** Each kind as the verdict line names it ("19 records of gold, all valid"). */
export const FILE_TYPE_TITLE: Record<FileType, string> = {
  annotations: 'annotations',
  adjudications: 'adjudications',
  governance: 'governance',
  items: 'items',
  predictions: 'predictions',
  gold: 'gold',
  csv: 'Meme Jury CSV',
};

const checkItem = (raw: unknown): Check<unknown> => {
  const r = fromFghm(raw);
  return r.ok ? { ok: true, value: r.value } : r;
};

const CHECKS: Record<JsonFileType, (raw: unknown) => Check<unknown>> = {
  annotations: checkAnnotationEvent,
  adjudications: checkLeadLine,
  governance: checkGovernanceEvent,
  items: checkItem,
  predictions: checkPrediction,
  // Gold labels for `score`; a record that is also an item (an FGHM export, the release) is
  // checked as one too.
  gold: (raw) => {
    const g = checkGoldRow(raw);
    if (!g.ok || typeof raw !== 'object' || raw === null || !('img' in raw)) return g;
    return checkItem(raw);
  },
};

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The first label of `list` the taxonomy does not have (its empty marker allowed if `empty`). */
function unknownLabel(task: Task, list: unknown, empty: boolean): string | null {
  if (!Array.isArray(list)) return null;
  for (const l of list)
    if (typeof l === 'string' && !isKnownLabel(task, l) && !(empty && l === TASK_EMPTY[task])) return l;
  return null;
}

/** A label outside the taxonomy in a record of `kind`, as a field-named message, or null. */
function taxonomyError(kind: JsonFileType, raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const bad = (field: string, label: string): string =>
    `field "${field}": ${JSON.stringify(label)} is not a label of the taxonomy`;
  for (const task of TASKS) {
    if (kind === 'annotations' || kind === 'adjudications') {
      const l = unknownLabel(task, r[task], false);
      if (l !== null) return bad(task, l);
    }
    if ((kind === 'items' || (kind === 'gold' && 'img' in r)) && Array.isArray(r[task]))
      for (const slot of r[task] as unknown[]) {
        const l = unknownLabel(task, slot, false);
        if (l !== null) return bad(task, l);
      }
    if (kind === 'items' || kind === 'gold') {
      const l = unknownLabel(task, r[`gold_${task}`], true);
      if (l !== null) return bad(`gold_${task}`, l);
    }
    if (kind === 'predictions') {
      const scores = r[`pred_${task}`];
      if (typeof scores === 'object' && scores !== null)
        for (const k of Object.keys(scores))
          if (own(scores, k) && !isKnownLabel(task, k) && k !== TASK_EMPTY[task])
            return bad(`pred_${task}`, k);
    }
  }
  return null;
}

const GOVERNANCE_TYPES: unknown[] = ['provenance', 'forget', 'role'];

/**
 * The one place `validate` tells kinds apart, from the first record's fields (a .csv file by its
 * name, as import does: shared/interchange/detect.ts). Governance before annotations (a role
 * event names an annotator); gold labels before items (a gold export is an FGHM item list).
 */
export function detectFileType(file: string, first: unknown): FileType | null {
  if (detectFormat(file, '') === 'csv') return 'csv';
  if (typeof first !== 'object' || first === null) return null;
  if ('type' in first && GOVERNANCE_TYPES.includes(first.type)) return 'governance';
  if ('annotator' in first) return 'annotations';
  if ('lead' in first) return 'adjudications';
  if ('pred_hate' in first) return 'predictions';
  if ('gold_hate' in first) return 'gold';
  if ('img' in first) return 'items';
  return null;
}

/**
 * The records of a JSON Lines or JSON array file (a byte-order mark allowed) that pass `check`,
 * and every line that does not, by file:line; a folder or missing file is an error naming it.
 */
export async function readRecords<T>(
  file: string,
  check: (raw: unknown) => Check<T>,
): Promise<ParseResult<T>> {
  const parsed = parseJsonOrJsonl(await readTextFile(file), file);
  const out: ParseResult<T> = { records: [], errors: [...parsed.errors] };
  for (const { value, line } of parsed.records) {
    const r = check(value);
    if (r.ok) out.records.push({ value: r.value, line });
    else out.errors.push({ file, line, message: r.error });
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

export interface ValidateResult {
  type: FileType;
  lines: number;
  records: number;
  errors: LineError[];
}

export async function validateFile(file: string, type?: string): Promise<ValidateResult> {
  if (type !== undefined && !FILE_TYPES.includes(type as FileType))
    throw new UserError(`--type must be one of ${FILE_TYPES.join(', ')}`);
  const text = await readTextFile(file);
  if (type === 'csv' || (type === undefined && detectFileType(file, undefined) === 'csv')) {
    // The CSV interchange format, read as `memejury import` reads it.
    const r = readCsv(text, file);
    return {
      type: 'csv',
      lines: r.items.length + r.errors.length,
      records: r.items.length,
      errors: r.errors,
    };
  }
  const parsed = parseJsonOrJsonl(text, file);
  const kind = (type as JsonFileType | undefined) ?? detectFileType(file, parsed.records[0]?.value);
  if (!kind || kind === 'csv')
    throw new UserError(
      `${basename(file)}: cannot tell what kind of file this is; pass --type ${FILE_TYPES.join('|')}`,
    );
  const errors: LineError[] = [...parsed.errors];
  let records = 0;
  for (const { value, line } of parsed.records) {
    const r = CHECKS[kind](value);
    const message = r.ok ? taxonomyError(kind, value) : r.error;
    if (message === null) records++;
    else errors.push({ file, line, message });
  }
  errors.sort((a, b) => a.line - b.line);
  return { type: kind, lines: parsed.records.length + parsed.errors.length, records, errors };
}
