// The right to be forgotten. A tombstone (hashes only) is written first, so a crash half-way
// leaves a job the audit reports and the next purge finishes. Then every file of the project
// that mentions the item is rewritten atomically without it, its image is deleted, and memory
// is updated. Files another running app writes are left to that app: it sees the tombstone in
// governance.jsonl and purges its own file, so no two processes ever rewrite the same file.
import { UserError } from './errors';
import { readFile, rm, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Tombstone } from '../../shared/governance';
import { itemKey, type ItemId } from '../../shared/records';
import { writeFileAtomic } from './fsx';
import { annotatorHash, fileHash, itemHash } from './hashes';
import { lockHolder } from './locks';
import { writerLockOf } from './paths';
import { dataFiles, isCsvPath, parseDataFile } from './projectFiles';
import type { Project } from './project';
import { resolveMediaPath } from './media';

class ForgetError extends UserError {}

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

/** A tombstone names what it forgets (by hash) and is the one record that must stay. */
export function isTombstoneRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'forget';
}

export function mentionsAnnotator(v: unknown, hash: string): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const a = (v as Record<string, unknown>).annotator;
  return typeof a === 'string' && annotatorHash(a) === hash;
}

/**
 * The text of a data file without what `drop` matches: elements of a JSON array file, or whole
 * lines (JSON Lines, CSV rows keyed by their first cell, torn lines recognised by their
 * "id"/"item" fields). null when nothing matched.
 */
function withoutLines(text: string, drop: (v: unknown) => boolean, csv = false): string | null {
  const body = parseDataFile(text, csv);
  if (body.kind === 'array') {
    const kept = body.elements.filter((v) => !drop(v));
    return kept.length === body.elements.length ? null : JSON.stringify(kept, null, 1) + '\n';
  }
  const kept = body.lines.filter((l) => !l.values.some(drop));
  return kept.length === body.lines.length ? null : kept.map((l) => l.text).join('\n');
}

/** Who may rewrite a log: this project's own writer, another running app, or anyone. */
async function ownerOf(project: Project, file: string): Promise<'self' | 'other' | 'none'> {
  const writer = writerLockOf(project.paths, file);
  if (!writer) return 'none';
  const ours =
    writer.annotator !== null
      ? project.options.annotator === writer.annotator
      : project.options.lead === true;
  const holder = await lockHolder(project.paths.meta, writer.lock);
  if (holder === 'self' && ours) return 'self';
  if (holder === 'none') return 'none';
  return 'other';
}

/** Rewrites `file` without the lines `drop` matches, through the file's own writer when ours. */
async function purgeFile(
  project: Project,
  file: string,
  drop: (v: unknown) => boolean,
): Promise<'rewritten' | 'deferred' | 'unchanged'> {
  const owner = await ownerOf(project, file);
  if (owner === 'other') return 'deferred';
  const rewrite = async (): Promise<boolean> => {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return false;
    const next = withoutLines(text, drop, isCsvPath(file));
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
  const drop = (v: unknown): boolean => mentionsItem(v, hash) && !isTombstoneRecord(v);
  for (const rel of await dataFiles(project.paths.dir)) {
    const r = await purgeFile(project, join(project.paths.dir, rel), drop);
    if (r === 'rewritten') result.rewritten.push(rel);
    if (r === 'deferred') result.deferred.push(rel);
  }
  if (imgFile) {
    await unlink(imgFile);
    result.deleted.push(relative(project.paths.dir, imgFile));
  }
  project.governance.dropItem(String(key));
  project.state.dropItem(id);
  if (item) project.images.delete(item.img);
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
  for (const rel of await dataFiles(project.paths.dir)) {
    const f = join(project.paths.dir, rel);
    if (f === file) continue;
    const r = await purgeFile(project, f, (v) => mentionsAnnotator(v, hash));
    if (r === 'rewritten') result.rewritten.push(rel);
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

/**
 * An annotator's app on seeing new tombstones: purges its own file (through its own writer, so
 * no save is lost) and forgets the items in memory. Nobody else rewrites that file.
 */
export async function purgeOwnFile(project: Project, hashes: readonly string[]): Promise<boolean> {
  const annotator = project.options.annotator;
  if (!annotator || hashes.length === 0) return false;
  const drop = (v: unknown): boolean => hashes.some((h) => mentionsItem(v, h));
  const file = project.paths.annotationFile(annotator);
  const r = await purgeFile(project, file, drop);
  await purgeFile(project, `${file}.corrupt`, drop);
  if (r === 'rewritten') await project.reloadAnnotations(annotator);
  return r === 'rewritten';
}
