// Predictions attached to a project (.memejury/predictions.jsonl, the FGHM submission format,
// written by a lead): suggestions for annotators, an order by uncertainty, live scoring.
import { readFile } from 'node:fs/promises';
import { readRecords } from './validate';
import { formatLineError, parseJsonOrJsonl } from '../../shared/jsonl';
import { itemKey, type ItemId, type ItemKey } from '../../shared/records';
import { checkPrediction, type PredictionRow } from '../../shared/scorer';
import { UserError } from './errors';
import { writeFileAtomic } from './fsx';

/** By item (the last row per id wins: one suggestion per meme), and every row in file order. */
export interface Predictions {
  byItem: Map<ItemKey, PredictionRow>;
  /** As attached, repeats included: scoring joins them as the official scorer does. */
  rows: PredictionRow[];
}

/** Parses a predictions file; any bad line refuses the whole file, naming file:line. */
export function parsePredictions(text: string, label: string): PredictionRow[] {
  const parsed = parseJsonOrJsonl(text, label);
  if (parsed.errors.length) throw new UserError(formatLineError(parsed.errors[0]));
  const rows: PredictionRow[] = [];
  for (const { value, line } of parsed.records) {
    const c = checkPrediction(value);
    if (!c.ok) throw new UserError(formatLineError({ file: label, line, message: c.error }));
    rows.push(c.value);
  }
  return rows;
}

/** The project's attached predictions (empty when none). */
export async function loadPredictions(path: string): Promise<Predictions> {
  const text = await readFile(path, 'utf8').catch(() => null);
  const rows = text === null ? [] : parsePredictions(text, 'predictions.jsonl');
  return { byItem: new Map(rows.map((r) => [itemKey(r.id), r])), rows };
}

/** Attaches `rows` to the project: one atomic rewrite of predictions.jsonl (lead only). */
export async function writePredictions(path: string, rows: readonly PredictionRow[]): Promise<void> {
  await writeFileAtomic(path, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
}

/** What attaching needs of a project (the Project class, which itself loads predictions here). */
export interface PredictionsTarget {
  paths: { predictions: string };
  item(id: ItemId): unknown;
  reloadPredictions(): Promise<void>;
}

/**
 * Attaches a predictions file to `project` (lead only): every line checked first (nothing is
 * attached when any is bad), then one atomic rewrite of predictions.jsonl.
 */
export async function attachPredictions(
  project: PredictionsTarget,
  path: string,
): Promise<{ rows: number; matched: number }> {
  const parsed = await readRecords(path, checkPrediction);
  if (parsed.errors.length) throw new UserError(`${formatLineError(parsed.errors[0])}; nothing was attached`);
  const rows = parsed.records.map((r) => r.value);
  await writePredictions(project.paths.predictions, rows);
  await project.reloadPredictions();
  return { rows: rows.length, matched: rows.filter((r) => project.item(r.id)).length };
}
