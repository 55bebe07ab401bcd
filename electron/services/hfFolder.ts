// A Hugging Face export is a folder: it is written into a hidden temporary folder beside its
// target, every file fsynced, and renamed into place (a previous export of ours at that place is
// moved aside first and removed after), so the folder is complete or absent; a temporary folder
// a killed export left is removed by the next export into that place. A hidden marker file tells
// the image scan that the folder's images are an export, never memes of the project.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportOptions } from '../../shared/export';
import type { Manifest } from '../../shared/governance';
import type { IxSelection } from '../../shared/interchange/build';
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
import { checkWriteTarget, PathError } from './confine';
import { UserError } from './errors';
import { manifestFor, manifestPathFor, type ExportSummary } from './exporter';
import { exists, HOST_TAG, writeFileAtomic, writerGone } from './fsx';
import { resolveMediaPath } from './media';
import type { Project } from './project';

type Progress = (done: number, total: number) => void;

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

/** Writes the Hugging Face folder of `sel` (interchange.ts selects it) at `out`. */
export async function exportHf(
  project: Project,
  out: string,
  opts: ExportOptions,
  sel: IxSelection,
  onProgress?: Progress,
): Promise<ExportSummary> {
  const target = await checkFolderTarget(out, project.paths.dir);
  const manifestPath = manifestPathFor('hf', target);
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
