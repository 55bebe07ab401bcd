// Interchange with Label Studio, Prodigy, CSV and Hugging Face (shared/interchange/ holds the
// formats): exports written like the gold export (the same selection, atomically, with the
// provenance manifest beside them) and imports recognised by their content and checked whole
// before anything is written (importer.ts's applyImport).
//
// A Hugging Face export is a folder: it is written into a hidden temporary folder beside its
// target, every file fsynced, and renamed into place (a previous export of ours at that place is
// moved aside first and removed after), so the folder is complete or absent; a temporary folder
// a killed export left is removed by the next export into that place. A hidden marker file tells
// the image scan that the folder's images are an export, never memes of the project.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ExportOptions } from '../../shared/export';
import type { Manifest } from '../../shared/governance';
import { selectInterchange, type IxSelection } from '../../shared/interchange/build';
import { writeCsv, CsvLabelError } from '../../shared/interchange/csv';
import { detectFormat, readInterchange } from '../../shared/interchange/detect';
import {
  EXPORT_MARKER,
  HF_CARD,
  HF_IMAGES,
  HF_METADATA,
  HF_SUMS,
  hfCard,
  hfImageName,
  hfMetadata,
  hfRow,
  splitKeywordIn,
} from '../../shared/interchange/hf';
import { writeLabelStudio } from '../../shared/interchange/labelstudio';
import {
  FORMAT_TITLE,
  isInterchangeFormat,
  type InterchangeFormat,
  type IxDocument,
  type IxParsed,
} from '../../shared/interchange/model';
import { writeProdigy } from '../../shared/interchange/prodigy';
import type { Adjudication } from '../../shared/records';
import { checkWriteTarget, PathError } from './confine';
import { UserError } from './errors';
import { exportGold, exportSource, manifestFor, manifestPathOf, type ExportSummary } from './exporter';
import type { Forgotten, Trace } from './forgotten';
import { exists, HOST_TAG, readTextFile, writeFileAtomic, writerGone } from './fsx';
import { applyImport, importFghm, ImportError, type ImportGuard, type ImportResult } from './importer';
import { resolveMediaPath } from './media';
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
    ? exportHf(project, out, opts, onProgress)
    : exportFile(project, out, opts, opts.format, onProgress);
}

/**
 * The manifest beside an export: `gold.jsonl` → `gold.manifest.json` for the FGHM shapes
 * (exporter.ts), the whole name for the other formats (`gold.csv` → `gold.csv.manifest.json`, a
 * folder `gold-hf` → `gold-hf.manifest.json`), so that exports of one name in several formats
 * each keep their own.
 */
export function manifestPathFor(format: ExportOptions['format'], out: string): string {
  return isInterchangeFormat(format) ? `${out}.manifest.json` : manifestPathOf(out);
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

// ---- Hugging Face folders ------------------------------------------------------------------

const FOLDER_TEMP = /^\.(.+)\.hf-([0-9a-f]{8})-(\d+)-(\d+)\.(tmpdir|olddir)$/;
const liveFolders = new Set<string>();
let exitHook = false;

/** Removes the temporary folders of folder exports in `dir` whose writers are gone. */
async function sweepFolderTemps(dir: string): Promise<void> {
  for (const n of await readdir(dir).catch(() => [] as string[])) {
    const m = FOLDER_TEMP.exec(n);
    if (!m) continue;
    const [, , host, pid] = m;
    const p = join(dir, n);
    if (await writerGone(p, host, Number(pid))) await rm(p, { recursive: true, force: true });
  }
}

/**
 * Checks that `target` may become an export folder and returns its absolute path (symlinked
 * folders resolved): the rules of every write target for the files inside it (never a project's
 * own files), and, when it exists, a folder that is an earlier export of ours (replaced), never
 * any other folder or a file.
 */
export async function checkFolderTarget(target: string, project?: string): Promise<string> {
  const inside = await checkWriteTarget(join(resolve(target), HF_METADATA), project);
  const abs = dirname(inside);
  if (basename(abs).startsWith('.'))
    throw new PathError(`${target}: a hidden folder is not an export folder`);
  await checkWriteTarget(manifestPathFor('hf', abs), project);
  const st = await stat(abs).catch(() => null);
  if (st && !st.isDirectory()) throw new PathError(`${target} is a file; give the name of a new folder`);
  if (st && !(await exists(join(abs, EXPORT_MARKER))))
    throw new PathError(
      `${target} exists and is not a Meme Jury Hugging Face export: give the name of a new folder (an earlier export is replaced)`,
    );
  return abs;
}

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(path, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => null);
  try {
    await fh?.sync();
  } catch {
    /* best effort: not every platform syncs folders */
  } finally {
    await fh?.close();
  }
}

const sha256 = (b: string | Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function exportHf(
  project: Project,
  out: string,
  opts: ExportOptions,
  onProgress?: Progress,
): Promise<ExportSummary> {
  const target = await checkFolderTarget(out, project.paths.dir);
  const manifestPath = manifestPathFor('hf', target);
  const sel = selection(project, opts);
  const { records } = sel;
  // Every row needs its image: say which are missing before anything is written.
  const sources: string[] = [];
  const missing: string[] = [];
  for (const r of records) {
    const src = await resolveMediaPath(project.paths.dir, r.item.img).catch(() => null);
    if (src === null) missing.push(r.item.img);
    sources.push(src ?? '');
  }
  if (missing.length)
    throw new UserError(
      `${missing.length} exported meme${missing.length === 1 ? ' has' : 's have'} no image file in the project (first: ${missing[0]}); a Hugging Face dataset needs every image: restore them or leave those memes out`,
    );
  const numericIds = records.every((r) => typeof r.item.id === 'number');
  const names = records.map((r, i) => hfImageName(r.item, i));
  for (const n of names) {
    const k = splitKeywordIn(n);
    if (k) throw new Error(`internal: image name ${n} would name a "${k}" split`);
  }

  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await sweepFolderTemps(parent);
  const stamp = `${HOST_TAG}-${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(target)}.hf-${stamp}.tmpdir`);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const d of liveFolders) rmSync(d, { recursive: true, force: true });
    });
  }
  liveFolders.add(tmp);
  try {
    await mkdir(join(tmp, HF_IMAGES), { recursive: true });
    const sums: string[] = [];
    let bytes = 0;
    for (let i = 0; i < records.length; i++) {
      const data = await readFile(sources[i]);
      await writeSynced(join(tmp, names[i]), data);
      sums.push(`${sha256(data)}  ${names[i]}`);
      bytes += data.length;
      if (onProgress && (i % 200 === 199 || i === records.length - 1)) {
        onProgress(i + 1, records.length);
        await new Promise((r) => setImmediate(r));
      }
    }
    const metadata = hfMetadata(records.map((r, i) => hfRow(r, names[i], i, numericIds)));
    await writeSynced(join(tmp, HF_METADATA), metadata);
    sums.unshift(`${sha256(metadata)}  ${HF_METADATA}`);
    bytes += Buffer.byteLength(metadata);
    const sumsText = sums.join('\n') + '\n';
    await writeSynced(join(tmp, HF_SUMS), sumsText);
    // The manifest's sha256 is that of SHA256SUMS, which lists every file but the card.
    const manifest: Manifest & { checksums: string } = {
      ...manifestFor(project, target, sumsText, opts, sel.items, sel.counts),
      bytes,
      checksums: HF_SUMS,
    };
    await writeSynced(
      join(tmp, HF_CARD),
      hfCard(project.config.name, records.length, manifest as unknown as Record<string, unknown>),
    );
    await writeSynced(join(tmp, EXPORT_MARKER), JSON.stringify({ tool: 'memejury', format: 'hf' }) + '\n');
    await syncDir(join(tmp, HF_IMAGES));
    await syncDir(tmp);
    // Into place: an earlier export there is moved aside first, and removed once the new is in.
    let old: string | null = null;
    if (await exists(target)) {
      old = join(parent, `.${basename(target)}.hf-${stamp}.olddir`);
      liveFolders.add(old);
      await rename(target, old);
    }
    await rename(tmp, target);
    liveFolders.delete(tmp);
    await syncDir(parent);
    if (old) {
      await rm(old, { recursive: true, force: true });
      liveFolders.delete(old);
    }
    await writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
    return { out: target, bytes, counts: sel.counts, options: opts, manifest: manifestPath };
  } finally {
    if (liveFolders.has(tmp)) {
      await rm(tmp, { recursive: true, force: true });
      liveFolders.delete(tmp);
    }
  }
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
  if (format === 'fghm') return { ...(await importFghm(project, path, guard)), format };
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
