// Import of released FGHM files: items go to an item list at the top of the project, each
// annotator slot's labels to annotations/fghm-<n>.jsonl. Re-importing the same file adds nothing;
// a file with any bad record imports nothing. `applyImport` writes a checked plan, for FGHM files
// and for the other tools' formats alike (interchange.ts makes their plans).
import { UserError } from './errors';
import { basename, dirname, join, resolve } from 'node:path';
import {
  checkFghmRecord,
  fromFghm,
  itemListLine,
  slotAnnotator,
  slotEvents,
  type FghmImport,
} from '../../shared/fghm';
import {
  eachJsonl,
  formatLineError,
  looksLikeJsonArray,
  parseJsonOrJsonl,
  type LineError,
} from '../../shared/jsonl';
import {
  checkAnnotationEvent,
  itemKey,
  type AnnotationEvent,
  type Item,
  type ItemKey,
} from '../../shared/records';
import { type Adjudication } from '../../shared/leadLines';
import { exists, readTextFile, writeFileAtomic } from './fsx';
import { importFinished, importRecord, importStarted } from './importJournal';
import { AnnotatorLock } from './locks';
import { linesBytes, repairTornTail } from './logs';
import type { Project } from './project';

export class ImportError extends UserError {
  constructor(
    message: string,
    readonly errors: LineError[] = [],
  ) {
    super(message);
  }
}

export interface ImportResult {
  file: string;
  records: number;
  itemsAdded: number;
  itemsExisting: number;
  annotationsAdded: number;
  /** Lead decisions recorded (interchange files exported with decisions). */
  decisionsAdded: number;
  annotators: string[];
  warnings: string[];
  itemList: string | null;
}

/** Checked before anything is written, e.g. a tombstone of a forgotten item. */
export type ImportGuard = (item: Item, line: number) => Promise<string | null> | string | null;

function sameDecision(a: Adjudication | undefined, b: Adjudication): boolean {
  return (
    !!a &&
    a.lead === b.lead &&
    a.hate === b.hate &&
    JSON.stringify(a.pc) === JSON.stringify(b.pc) &&
    JSON.stringify(a.attack) === JSON.stringify(b.attack)
  );
}

function sameLabels(a: AnnotationEvent | undefined, b: AnnotationEvent): boolean {
  return (
    !!a &&
    a.hate === b.hate &&
    JSON.stringify(a.pc) === JSON.stringify(b.pc) &&
    JSON.stringify(a.attack) === JSON.stringify(b.attack)
  );
}

async function freeListName(dir: string, file: string): Promise<string> {
  const stem = basename(file).replace(/\.(jsonl|json)$/i, '');
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.jsonl` : `${stem}-${n}.jsonl`;
    if (!(await exists(join(dir, name)))) return name;
  }
}

/**
 * What an import will write, decided from the file before anything is written: the file's memes,
 * the annotation lines of its annotators, and (interchange files) the lead's decisions.
 */
export interface ImportPlan {
  records: { item: Item; line: number }[];
  /** Lines as checkAnnotationEvent returned them: written without being checked again. */
  events: AnnotationEvent[];
  /** The annotators whose lines these are, in the order the roster should keep them. */
  annotators: { id: string; name: string }[];
  /** Lead decisions (only a lead imports them). */
  decisions: Adjudication[];
  /** An FGHM file at the project's top level is an item list itself; anything else is copied. */
  fileIsItemList: boolean;
  errors: LineError[];
  warnings: string[];
}

/** `text`: the file's text when the caller has read it already (importAny, to tell its format). */
export async function importFghm(
  project: Project,
  file: string,
  guard?: ImportGuard,
  text?: string,
): Promise<ImportResult> {
  if (text === undefined)
    try {
      text = await readTextFile(file);
    } catch (err) {
      throw new ImportError((err as Error).message);
    }
  const errors: LineError[] = [];
  const records: { item: Item; line: number }[] = [];
  const events: AnnotationEvent[] = [];
  const warnings: string[] = [];
  const inFile = new Map<ItemKey, number>();
  const at = new Date().toISOString();
  let maxSlots = 0;
  // Each record becomes its item and its slots' lines as it is read: neither the parsed record
  // nor its slots live on (100k of each, with their lists, until the last was mapped).
  const take = (rec: FghmImport, line: number): void => {
    const key = itemKey(rec.item.id);
    const first = inFile.get(key);
    if (first !== undefined) {
      errors.push({ file, line, message: `field "id": item ${key} already appears at line ${first}` });
      return;
    }
    inFile.set(key, line);
    for (const w of rec.warnings) warnings.push(`${file}:${line}: ${w}`);
    records.push({ item: rec.item, line });
    // Checked as they are made, so a plan holds checked lines only (as interchange plans do).
    for (const ev of slotEvents(rec, at)) {
      const c = checkAnnotationEvent(ev);
      if (c.ok) events.push(c.value);
      else errors.push({ file, line, message: c.error });
    }
    maxSlots = Math.max(maxSlots, rec.slots.length);
  };
  if (looksLikeJsonArray(text)) {
    const parsed = parseJsonOrJsonl(text, file);
    errors.push(...parsed.errors);
    for (const { value, line } of parsed.records) {
      const m = fromFghm(value);
      if (m.ok) take(m.value, line);
      else errors.push({ file, line, message: m.error });
    }
  } else eachJsonl(text, file, checkFghmRecord, take, (e) => errors.push(e));
  return applyImport(
    project,
    file,
    text,
    {
      records,
      events,
      annotators: Array.from({ length: maxSlots }, (_, i) => ({
        id: slotAnnotator(i),
        name: `FGHM annotator slot ${i + 1}`,
      })),
      decisions: [],
      fileIsItemList: true,
      errors,
      warnings,
    },
    guard,
  );
}

/**
 * Checks a plan against the project (an id it has with another image or text, a forgotten
 * item) and writes it: nothing at all when anything is wrong. Re-importing the same file adds
 * nothing; an import cut short is finished by importing the same file again.
 */
export async function applyImport(
  project: Project,
  file: string,
  text: string,
  plan: ImportPlan,
  guard?: ImportGuard,
): Promise<ImportResult> {
  const errors: LineError[] = [...plan.errors];
  const warnings = [...plan.warnings];
  const records: { item: Item; line: number }[] = [];
  const newItems: Item[] = [];
  for (const r of plan.records) {
    const key = itemKey(r.item.id);
    const existing = project.item(r.item.id);
    if (existing && (existing.img !== r.item.img || existing.text !== r.item.text)) {
      errors.push({
        file,
        line: r.line,
        message: `field "id": item ${key} already exists in the project (${existing.origin ?? existing.img}) with a different image or text`,
      });
      continue;
    }
    if (guard) {
      const answer = guard(r.item, r.line);
      const refused = answer instanceof Promise ? await answer : answer;
      if (refused) {
        errors.push({ file, line: r.line, message: refused });
        continue;
      }
    }
    records.push(r);
    if (!existing) newItems.push(r.item);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ImportError(`${formatLineError(errors[0])}${more}; nothing was imported`, errors);
  }
  const decisions = plan.decisions.filter((d) => !sameDecision(project.state.adjudication(d.item), d));
  if (decisions.length > 0 && !project.options.lead)
    throw new ImportError(
      `${file}: holds ${decisions.length} lead decision${decisions.length === 1 ? '' : 's'}: import it as the project's lead (in lead mode, or "memejury import --lead"); nothing was imported`,
    );

  // What will be written, decided before anything is.
  const events = plan.events.filter((ev) => !sameLabels(project.state.current(ev.annotator, ev.item), ev));
  // A forgotten annotator is never re-created: their labels are left out, and said so.
  const annotators = plan.annotators.filter((a) => !project.isForgottenAnnotator(a.id));
  for (const a of plan.annotators.filter((x) => !annotators.includes(x))) {
    const n = events.filter((ev) => ev.annotator === a.id).length;
    warnings.push(
      `${file}: annotator ${a.id} was forgotten in this project; their ${n} labels were not imported`,
    );
  }
  const ids = new Set(annotators.map((a) => a.id));
  const kept = events.filter((ev) => ids.has(ev.annotator));
  if (
    newItems.length === 0 &&
    kept.length === 0 &&
    decisions.length === 0 &&
    annotators.every((a) => project.config.roster.some((r) => r.id === a.id))
  ) {
    // Everything is there already: an import of this file cut short after its last write is done.
    await importFinished(importRecord(project.paths, text));
    return result(0, 0);
  }

  // Each annotator's log has one writer: this import holds its lock meanwhile, and first cuts off
  // a torn last line an import killed earlier left (kept in <file>.corrupt, as every writer does).
  const writing = [...new Set(kept.map((ev) => ev.annotator))];
  const locks: AnnotatorLock[] = [];
  try {
    // Each lock is its own file, fsynced: taken side by side, all or none (the finally below
    // releases those taken when one is refused).
    const taking = await Promise.allSettled(
      writing
        .filter((a) => project.options.annotator !== a)
        .map((a) => AnnotatorLock.acquire(project.paths.meta, a, 'memejury import')),
    );
    for (const t of taking) if (t.status === 'fulfilled') locks.push(t.value);
    const refused = taking.find((t) => t.status === 'rejected');
    if (refused) throw refused.reason;
    const torn = await Promise.all(writing.map((a) => repairTornTail(project.paths.annotationFile(a))));
    writing.forEach((a, i) => {
      if (torn[i] > 0)
        warnings.push(
          `annotations/${a}.jsonl: a torn last line (${torn[i]} bytes) was cut off and kept in ${a}.jsonl.corrupt`,
        );
    });
    // Recorded before the first write and cleared after the last: an import killed in between
    // is reported when the project is next opened (importJournal.ts), never silently partial.
    const record = await importStarted(project.paths, file, text);
    const itemList = await writeItems(project, file, newItems, plan.fileIsItemList);
    if (annotators.length > 0)
      await project.addToRoster(annotators.map((a) => ({ id: a.id, name: a.name, role: 'imported' })));
    if (kept.length > 0)
      await project.appendAnnotations(kept, {
        importedSlots: true,
        importing: new Set(writing),
        checked: true,
      });
    if (decisions.length > 0) await Promise.all(decisions.map((d) => project.appendAdjudication(d)));
    await importFinished(record);
    return result(newItems.length, kept.length, itemList, decisions.length);
  } finally {
    for (const l of locks) await l.release();
  }

  function result(
    itemsAdded: number,
    annotationsAdded: number,
    itemList: string | null = null,
    decisionsAdded = 0,
  ): ImportResult {
    return {
      file,
      records: records.length,
      itemsAdded,
      itemsExisting: records.length - newItems.length,
      annotationsAdded,
      decisionsAdded,
      annotators: annotators.map((a) => a.id),
      warnings,
      itemList,
    };
  }
}

/** New items go to an item list at the top of the project (unless the file already is one). */
async function writeItems(
  project: Project,
  file: string,
  newItems: Item[],
  fileIsItemList: boolean,
): Promise<string | null> {
  let itemList: string | null = null;
  if (newItems.length > 0) {
    const inRoot = fileIsItemList && resolve(dirname(file)) === project.paths.dir;
    // A file already at the top of the project is itself an item list; anything else is copied.
    if (!inRoot) {
      itemList = await freeListName(project.paths.dir, file);
      const body = linesBytes(newItems.length, (i) => itemListLine(newItems[i]));
      await writeFileAtomic(join(project.paths.dir, itemList), body);
    }
    // The plan's items are its own: they are kept as they are, with where they came from.
    const origin = itemList ?? basename(file);
    for (const it of newItems) {
      it.origin = origin;
      project.addItem(it);
    }
  }
  return itemList;
}
