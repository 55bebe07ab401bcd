// The right to be forgotten. A tombstone (hashes only) is written first, so a crash half-way
// leaves a job the audit reports and the next purge finishes. Then every file of the project
// that mentions the item is rewritten atomically without it, its image is deleted, and memory
// is updated. Files another running app writes are left to that app: it sees the tombstone in
// governance.jsonl and purges its own file, so no two processes ever rewrite the same file.
import { readdir, readFile, rm, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Tombstone } from '../../shared/governance';
import { itemKey, type ItemId } from '../../shared/records';
import { writeFileAtomic } from './fsx';
import { annotatorHash, fileHash, itemHash } from './hashes';
import { lockHolder } from './locks';
import type { Project } from './project';
import { resolveMediaPath } from './media';

export class ForgetError extends Error {}

export interface ForgetRequest {
  reason: string;
  requestedBy: string;
  by: string;
}

export interface ForgetResult {
  tombstone: Tombstone;
  rewritten: string[];
  deleted: string[];
  /** Files another running app writes: it purges them itself on seeing the tombstone. */
  deferred: string[];
}

/** Does this JSON value name the item (as an item list record, a label line, an event)? */
export function mentionsItem(v: unknown, hash: string): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  for (const field of ['id', 'item']) {
    const x = r[field];
    if ((typeof x === 'number' || typeof x === 'string') && x !== '' && itemHash(x) === hash) return true;
  }
  return false;
}

export function mentionsAnnotator(v: unknown, hash: string): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const a = (v as Record<string, unknown>).annotator;
  return typeof a === 'string' && annotatorHash(a) === hash;
}

const REF = /"(?:id|item)"\s*:\s*("(?:[^"\\]|\\.)*"|\d+)/g;

/** Item references in a line that is not valid JSON (a torn line kept in a .corrupt file). */
export function refsInText(line: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of line.matchAll(REF)) {
    try {
      out.push(JSON.parse(m[1]) as string | number);
    } catch {
      /* an unfinished string: nothing to recognise */
    }
  }
  return out;
}

/**
 * The text of a data file without the lines `drop` matches: JSON Lines, CSV rows (keyed by
 * their first cell), or torn lines recognised by their "id"/"item" fields. A JSON array file
 * loses its elements. null when nothing matched.
 */
export function withoutLines(text: string, drop: (v: unknown) => boolean, csv = false): string | null {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(text) as unknown[];
      const kept = arr.filter((v) => !drop(v));
      return kept.length === arr.length ? null : JSON.stringify(kept, null, 1) + '\n';
    } catch {
      /* not a JSON array after all: treat as lines */
    }
  }
  let changed = false;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let hit = false;
    try {
      hit = drop(JSON.parse(line));
    } catch {
      if (csv) {
        const cell = line.split(',')[0]?.replace(/^"|"$/g, '').trim();
        if (cell) hit = drop({ id: /^\d+$/.test(cell) ? Number(cell) : cell });
      }
      if (!hit) hit = refsInText(line).some((ref) => drop({ id: ref }));
    }
    if (hit) changed = true;
    else out.push(line);
  }
  return changed ? out.join('\n') : null;
}

const DATA_FILE = /\.(jsonl|json|csv|corrupt|txt)$/i;

/** Every data file of the project (not images, not locks), for rewriting and auditing. */
export async function dataFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'locks' && e.name !== '.git') await walk(p);
      } else if (e.isFile() && DATA_FILE.test(e.name) && e.name !== 'project.json') out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Who may rewrite a log: this project's own writer, another running app, or anyone. */
async function ownerOf(project: Project, file: string): Promise<'self' | 'other' | 'none'> {
  const rel = relative(project.paths.meta, file);
  const m = /^annotations\/([A-Za-z0-9][A-Za-z0-9_-]*)\.jsonl$/.exec(rel);
  const lockName = m ? m[1] : rel === 'adjudications.jsonl' || rel === 'governance.jsonl' ? '_lead' : null;
  if (!lockName) return 'none';
  const ours = m ? project.options.annotator === lockName : project.options.lead === true;
  const holder = await lockHolder(project.paths.meta, lockName);
  if (holder === 'self' && ours) return 'self';
  if (holder === 'none') return 'none';
  return 'other';
}

/** Rewrites `file` without the lines `drop` matches, through the file's own writer when ours. */
export async function purgeFile(
  project: Project,
  file: string,
  drop: (v: unknown) => boolean,
): Promise<'rewritten' | 'deferred' | 'unchanged'> {
  const owner = await ownerOf(project, file);
  if (owner === 'other') return 'deferred';
  const rewrite = async (): Promise<boolean> => {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return false;
    const next = withoutLines(text, drop, /\.csv$/i.test(file));
    if (next === null) return false;
    await writeFileAtomic(file, next);
    return true;
  };
  // Our own log: rewrite between appends, so no save is lost or written to the old file.
  const done = owner === 'self' ? await project.writerFor(file).exclusive(rewrite) : await rewrite();
  if (done) project.positions.delete(file);
  return done ? 'rewritten' : 'unchanged';
}

function makeTombstone(
  scope: Tombstone['scope'],
  hash: string,
  imgHash: string | null,
  req: ForgetRequest,
): Tombstone {
  return {
    v: 1,
    type: 'forget',
    scope,
    hash,
    img_hash: imgHash,
    reason: req.reason,
    requested_by: req.requestedBy,
    by: req.by,
    at: new Date().toISOString(),
  };
}

export async function forgetItem(project: Project, id: ItemId, req: ForgetRequest): Promise<ForgetResult> {
  if (!req.reason.trim()) throw new ForgetError('a reason is required (who asked, and why)');
  const key = itemKey(id);
  const hash = itemHash(id);
  const item = project.item(id);
  let imgFile: string | null = null;
  if (item) {
    try {
      imgFile = await resolveMediaPath(project.paths.dir, item.img);
    } catch {
      imgFile = null;
    }
  }
  const tombstone = makeTombstone('item', hash, imgFile ? await fileHash(imgFile) : null, req);
  await project.appendGovernance(tombstone);
  const result: ForgetResult = { tombstone, rewritten: [], deleted: [], deferred: [] };
  const drop = (v: unknown): boolean =>
    mentionsItem(v, hash) &&
    !(typeof v === 'object' && v !== null && (v as { type?: string }).type === 'forget');
  for (const file of await dataFiles(project.paths.dir)) {
    const r = await purgeFile(project, file, drop);
    if (r === 'rewritten') result.rewritten.push(relative(project.paths.dir, file));
    if (r === 'deferred') result.deferred.push(relative(project.paths.dir, file));
  }
  if (imgFile) {
    await unlink(imgFile);
    result.deleted.push(relative(project.paths.dir, imgFile));
  }
  project.governance.dropItem(String(key));
  project.state.dropItem(id);
  project.images?.delete(item?.img ?? '');
  project.applyGovernance();
  return result;
}

export async function forgetAnnotator(
  project: Project,
  annotator: string,
  req: ForgetRequest,
): Promise<ForgetResult> {
  if (!req.reason.trim()) throw new ForgetError('a reason is required (who asked, and why)');
  const hash = annotatorHash(annotator);
  const tombstone = makeTombstone('annotator', hash, null, req);
  await project.appendGovernance(tombstone);
  const result: ForgetResult = { tombstone, rewritten: [], deleted: [], deferred: [] };
  const file = project.paths.annotationFile(annotator);
  const owner = await ownerOf(project, file);
  if (owner === 'other') result.deferred.push(relative(project.paths.dir, file));
  else {
    const remove = async (): Promise<void> => {
      await rm(file, { force: true });
      await rm(`${file}.corrupt`, { force: true });
    };
    if (owner === 'self') await project.writerFor(file).exclusive(remove);
    else await remove();
    project.positions.delete(file);
    result.deleted.push(relative(project.paths.dir, file));
  }
  for (const f of await dataFiles(project.paths.dir)) {
    if (f === file) continue;
    const r = await purgeFile(project, f, (v) => mentionsAnnotator(v, hash));
    if (r === 'rewritten') result.rewritten.push(relative(project.paths.dir, f));
  }
  if (project.config.roster.some((r) => r.id === annotator))
    await project.saveConfig({
      ...project.config,
      roster: project.config.roster.filter((r) => r.id !== annotator),
    });
  project.state.dropAnnotator(annotator);
  project.applyGovernance();
  return result;
}

/** Refuses to bring back a forgotten item, by its id or by its image's bytes. */
export function forgottenGuard(
  project: Project,
): (item: { id: ItemId; img: string }) => Promise<string | null> {
  return async (item) => {
    const g = project.governance;
    if (g.itemHashes.size === 0 && g.imgHashes.size === 0) return null;
    const tomb = g.tombstones.find((t) => t.scope === 'item' && t.hash === itemHash(item.id));
    if (tomb)
      return `field "id": item ${String(item.id)} was forgotten on ${tomb.at.slice(0, 10)} (${tomb.reason}); re-import refused`;
    if (g.imgHashes.size > 0) {
      try {
        const h = await fileHash(await resolveMediaPath(project.paths.dir, item.img));
        const t = h ? g.tombstones.find((x) => x.img_hash === h) : undefined;
        if (t)
          return `field "img": this image belongs to an item forgotten on ${t.at.slice(0, 10)}; re-import refused`;
      } catch {
        /* no image in the project yet: nothing to compare */
      }
    }
    return null;
  };
}
