// Interchange with Label Studio, Prodigy, CSV and Hugging Face (shared/interchange/ holds the
// formats): exports written like the gold export (the same selection, atomically, with the
// provenance manifest beside them) and imports recognised by their content and checked whole
// before anything is written (importer.ts's applyImport).
// A Hugging Face export is a folder, written by hfFolder.ts.
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ExportOptions } from '../../shared/export';
import { selectInterchange, type IxSelection } from '../../shared/interchange/build';
import { writeCsv, CsvLabelError } from '../../shared/interchange/csv';
import { detectFormat, isFullExport, readInterchange } from '../../shared/interchange/detect';
import { HF_METADATA } from '../../shared/interchange/hf';
import { writeLabelStudio } from '../../shared/interchange/labelstudio';
import {
  FORMAT_TITLE,
  isInterchangeFormat,
  type InterchangeFormat,
  type IxDocument,
  type IxParsed,
} from '../../shared/interchange/model';
import { writeProdigy } from '../../shared/interchange/prodigy';
import type { Adjudication } from '../../shared/leadLines';
import { checkWriteTarget, PathError } from './confine';
import { UserError } from './errors';
import { exportHf } from './hfFolder';
import { exportGold, exportSource, manifestFor, manifestPathFor, type ExportSummary } from './exporter';
import type { Forgotten, Trace } from './forgotten';
import { exists, readTextFile, writeFileAtomic } from './fsx';
import { applyImport, importFghm, ImportError, type ImportGuard, type ImportResult } from './importer';
import type { Project } from './project';

/** The file extension of each export format ('' for a folder). */
export const FORMAT_EXTENSION: Record<ExportOptions['format'], string> = {
  fghm: '.jsonl',
  full: '.jsonl',
  labelstudio: '.json',
  prodigy: '.jsonl',
  csv: '.csv',
  hf: '',
};

/** Formats written as a folder rather than a file. */
export const isFolderFormat = (f: ExportOptions['format']): boolean => f === 'hf';

type Progress = (done: number, total: number) => void;

function selection(project: Project, opts: ExportOptions): IxSelection {
  return selectInterchange(exportSource(project, opts), opts, project.predictions.byItem);
}

/** Any export: the gold shapes (exporter.ts) or another tool's format. */
export async function exportAny(
  project: Project,
  out: string,
  opts: ExportOptions,
  onProgress?: Progress,
): Promise<ExportSummary> {
  await checkManifestFree(resolve(out), manifestPathFor(opts.format, resolve(out)));
  if (!isInterchangeFormat(opts.format)) return exportGold(project, out, opts, onProgress);
  return opts.format === 'hf'
    ? exportHf(project, out, opts, selection(project, opts), onProgress)
    : exportFile(project, out, opts, opts.format, onProgress);
}

/**
 * `gold.jsonl` and `gold.json` (both FGHM) share the manifest name `gold.manifest.json`: an
 * export never takes the manifest of another export that is still there.
 */
async function checkManifestFree(out: string, path: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return;
  let other: unknown;
  try {
    other = (JSON.parse(text) as { file?: unknown }).file;
  } catch {
    return;
  }
  if (
    typeof other === 'string' &&
    other !== basename(out) &&
    basename(other) === other &&
    (await exists(join(dirname(out), other)))
  )
    throw new PathError(
      `${basename(path)} is the manifest of ${other}, another export: give this export another name`,
    );
}

async function exportFile(
  project: Project,
  out: string,
  opts: ExportOptions,
  format: Exclude<InterchangeFormat, 'hf'>,
  onProgress?: Progress,
): Promise<ExportSummary> {
  const abs = await checkWriteTarget(resolve(out), project.paths.dir);
  const manifestPath = await checkWriteTarget(manifestPathFor(format, abs), project.paths.dir);
  const sel = selection(project, opts);
  const doc: IxDocument = { project: project.config.name, records: sel.records };
  let text: string;
  try {
    text =
      format === 'labelstudio'
        ? writeLabelStudio(doc)
        : format === 'prodigy'
          ? writeProdigy(doc)
          : writeCsv(doc);
  } catch (err) {
    if (err instanceof CsvLabelError) throw new UserError(err.message);
    throw err;
  }
  onProgress?.(sel.records.length, sel.records.length);
  await writeFileAtomic(abs, text);
  const manifest = manifestFor(project, abs, text, opts, sel.items, sel.counts);
  await writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return {
    out: abs,
    bytes: Buffer.byteLength(text),
    counts: sel.counts,
    options: opts,
    manifest: manifestPath,
  };
}

// ---- import --------------------------------------------------------------------------------

/** The plan an interchange file makes for applyImport. */
function planOf(parsed: IxParsed) {
  const title = FORMAT_TITLE[parsed.format];
  const decisions: Adjudication[] = parsed.decisions.map(({ item, decision: d }) => ({
    v: 1,
    item,
    lead: d.lead,
    hate: d.hate,
    pc: d.pc,
    attack: d.attack,
    at: d.at,
    note: d.note,
    ...(d.own_vote ? { own_vote: true as const } : {}),
  }));
  return {
    records: parsed.items,
    events: parsed.votes.map((v) => v.event),
    annotators: parsed.annotators.map((id) => ({ id, name: `imported from ${title}` })),
    decisions,
    fileIsItemList: false,
    errors: parsed.errors,
    warnings: parsed.warnings,
  };
}

export interface AnyImportResult extends ImportResult {
  format: InterchangeFormat | 'fghm';
}

/**
 * Imports a file (or a Hugging Face export folder) in whichever format it is: FGHM, Label
 * Studio JSON, Prodigy JSONL, Meme Jury's CSV, Hugging Face imagefolder. Nothing is imported
 * when any record is bad; errors name file:line and field.
 */
export async function importAny(
  project: Project,
  path: string,
  guard?: ImportGuard,
): Promise<AnyImportResult> {
  const folder = (await stat(path).catch(() => null))?.isDirectory() === true;
  const file = folder ? join(path, HF_METADATA) : path;
  if (folder && !(await exists(file)))
    throw new ImportError(
      `${path} is a folder, not a file (nor a Hugging Face export: it has no ${HF_METADATA})`,
    );
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (err) {
    throw new ImportError((err as Error).message);
  }
  const format = folder ? 'hf' : detectFormat(path, text);
  if (format === 'fghm' && isFullExport(text))
    throw new ImportError(
      `${path}: a Meme Jury "full" export, which imports only as FGHM: its memes and gold but not who voted what nor the lead's decisions; import the CSV, Label Studio, Prodigy or Hugging Face export of the project instead (they carry both); nothing was imported`,
    );
  if (format === 'fghm') return { ...(await importFghm(project, path, guard, text)), format };
  const parsed = readInterchange(format, text, file);
  return { ...(await applyImport(project, file, text, planOf(parsed), guard)), format };
}

// ---- interchange exports on disk (forgetting and the audit) --------------------------------

export interface ExportOnDisk {
  format: InterchangeFormat;
  /** The export file or folder (absolute). */
  target: string;
  manifest: string;
}

/** The interchange exports among a project's data files, found by their manifests. */
export async function interchangeExportsIn(dir: string, files: readonly string[]): Promise<ExportOnDisk[]> {
  const out: ExportOnDisk[] = [];
  for (const rel of files) {
    if (!rel.endsWith('.manifest.json')) continue;
    const manifest = join(dir, rel);
    try {
      const m = JSON.parse(await readFile(manifest, 'utf8')) as {
        tool?: unknown;
        format?: unknown;
        file?: unknown;
      };
      if (m.tool !== 'memejury' || typeof m.format !== 'string' || !isInterchangeFormat(m.format)) continue;
      if (typeof m.file !== 'string' || basename(m.file) !== m.file || m.file.startsWith('.')) continue;
      out.push({ format: m.format, target: join(dirname(manifest), m.file), manifest });
    } catch {
      /* not a manifest of ours */
    }
  }
  return out;
}

/** Whether a file (absolute) is part of an export: the export, inside its folder, its manifest. */
export function isPartOf(x: ExportOnDisk, file: string): boolean {
  if (file === x.manifest || file === x.target) return true;
  const rel = relative(x.target, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** What forgotten thing an export still names (its memes and its people), if any. */
export async function exportNamesForgotten(x: ExportOnDisk, f: Forgotten): Promise<Trace | null> {
  const file = x.format === 'hf' ? join(x.target, HF_METADATA) : x.target;
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const parsed = readInterchange(x.format, text, file);
  for (const { item } of parsed.items) if (f.isItem(item.id) || f.isItemImagePath(item.img)) return 'item';
  for (const { event } of parsed.votes) if (f.isItem(event.item)) return 'item';
  for (const { event } of parsed.votes) if (f.isAnnotator(event.annotator)) return 'annotator';
  for (const { decision } of parsed.decisions) if (f.isAnnotator(decision.lead)) return 'annotator';
  return null;
}

/** Removes an export (file or folder) and its manifest. */
export async function removeExport(x: ExportOnDisk): Promise<void> {
  await rm(x.manifest, { force: true });
  await rm(x.target, { recursive: true, force: true });
}
