// The right to be forgotten. A tombstone (hashes only) is written first; then one routine,
// finishForgetting, removes every trace the tombstones name: it is what a forget runs, what a
// forget cut short runs again (`memejury forget` of an id already forgotten finishes it), and
// what the next app to open the project runs for any tombstone not yet finished on this machine.
// Files another running app writes are left to that app: it sees the tombstone in
// governance.jsonl and purges its own file, so no two processes ever rewrite the same file.
//
// What a trace is (forgotten.ts): a data line naming the item in any id spelling or the
// annotator, a temp file of a killed writer, an annotator's file and roster entry, an image
// whose name or bytes are the item's. An export inside the project is rewritten without the
// item and its manifest with it (hash, size, records, counts), or, when its manifest cannot be
// kept exact (a forgotten annotator's votes made its gold), removed with its manifest; one in
// another tool's format (Label Studio, Prodigy, CSV, a Hugging Face folder) is removed whole.
import { readdir, rm, unlink } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Tombstone } from '../../shared/governance';
import type { ItemId } from '../../shared/records';
import { UserError } from './errors';
import { exportNamesForgotten, interchangeExportsIn, isPartOf, removeExport } from './interchange';
import { Forgotten, isAgreementReport } from './forgotten';
import {
  manifestOf,
  ownerOf,
  purgeExport,
  purgeFile,
  rereadAfterRewrite,
  withoutLines,
  type Known,
} from './forgetRewrite';
import { isStaleTemp, isTempFileName, readTextIfExists, sweepStaleTemps, writeFileAtomic } from './fsx';
import { annotatorHash, fileHash, itemHash, itemHashSpellings } from './hashes';
import { annotatorOfFileName } from './paths';
import { allImages, dataFiles } from './projectFiles';
import type { Project } from './project';
import { resolveMediaPath } from './media';

class ForgetError extends UserError {}

import { wordsOf } from './forgotten';

export { isTombstoneRecord } from './forgotten';

export interface ForgetRequest {
  reason: string;
  requestedBy: string;
  by: string;
  /** Record a tombstone for an id the project does not have (it refuses that id for good). */
  force?: boolean;
}

export interface FinishResult {
  rewritten: string[];
  deleted: string[];
  /** Files another running app writes: it purges them itself on seeing the tombstone. */
  deferred: string[];
}

export interface ForgetResult extends FinishResult {
  tombstone: Tombstone;
  /** The tombstone was already there: this run finished what an earlier one left. */
  alreadyForgotten: boolean;
}

interface FinishOptions {
  /** This process may write the lead's files (it holds the lead lock, maybe only to finish). */
  asLead?: boolean;
  known?: Known;
}

// ---- which tombstones this machine has finished -------------------------------------------

/** Per machine (locks/ is never versioned): the tombstones whose effects are done here. */
const FINISHED_FILE = 'forgets-finished.json';

function finishedPath(project: Project): string {
  return join(project.paths.meta, 'locks', FINISHED_FILE);
}

const tombstoneKey = (t: Tombstone): string => `${t.scope}:${t.hash}`;

async function finishedKeys(project: Project): Promise<Set<string>> {
  try {
    const v = JSON.parse((await readTextIfExists(finishedPath(project))) ?? '{}') as { finished?: unknown };
    return new Set(
      Array.isArray(v.finished) ? v.finished.filter((k): k is string => typeof k === 'string') : [],
    );
  } catch {
    return new Set(); // unreadable: finish again (idempotent)
  }
}

/** Tombstones whose effects are not known to be complete on this machine. */
export async function pendingForgets(project: Project): Promise<Tombstone[]> {
  const all = project.governance.tombstones;
  if (all.length === 0) return [];
  const done = await finishedKeys(project);
  return all.filter((t) => !done.has(tombstoneKey(t)));
}

async function markFinished(project: Project, tombstones: readonly Tombstone[]): Promise<void> {
  const done = await finishedKeys(project);
  for (const t of tombstones) done.add(tombstoneKey(t));
  await writeFileAtomic(finishedPath(project), JSON.stringify({ v: 1, finished: [...done].sort() }) + '\n');
}

/**
 * Removes every trace of `tombstones` this process may remove (all pending ones by default) and
 * records them finished on this machine when nothing is left to another app. Idempotent: a run
 * cut short anywhere is finished by the next.
 */
export async function finishForgetting(
  project: Project,
  opts: FinishOptions & { tombstones?: readonly Tombstone[] } = {},
): Promise<FinishResult> {
  const tombstones = opts.tombstones ?? (await pendingForgets(project));
  const result: FinishResult = { rewritten: [], deleted: [], deferred: [] };
  if (tombstones.length === 0) return result;
  const f = Forgotten.of(tombstones);
  const dir = project.paths.dir;
  const asLead = opts.asLead ?? false;
  const manifests = new Set<string>();

  // Annotator files (and their torn lines kept aside) of forgotten annotators.
  if (f.annotators.size > 0) {
    for (const name of await readdir(project.paths.annotations).catch(() => [] as string[])) {
      const id = annotatorOfFileName(name, true);
      if (id === null || !f.isAnnotator(id)) continue;
      const file = join(project.paths.annotations, name);
      const log = project.paths.annotationFile(id);
      const owner = await ownerOf(project, log, asLead);
      const rel = relative(dir, file);
      if (owner === 'other') {
        result.deferred.push(rel);
        continue;
      }
      if (owner === 'self') await project.writerFor(log).exclusive(() => rm(file, { force: true }));
      else await rm(file, { force: true });
      project.positions.delete(file);
      result.deleted.push(rel);
    }
  }

  const files = await dataFiles(dir);
  // Exports in the other tools' formats (interchange.ts) are not rewritten line by line: one
  // that names anything forgotten is removed whole (file or folder) with its manifest.
  const interchange = await interchangeExportsIn(dir, files);
  for (const x of interchange)
    if (await exportNamesForgotten(x, f)) {
      await removeExport(x);
      result.deleted.push(relative(dir, x.target), relative(dir, x.manifest));
    }
  for (const rel of files) {
    const file = join(dir, rel);
    if (interchange.some((x) => isPartOf(x, file))) continue;
    const name = basename(file);
    if (isTempFileName(name)) {
      // A temp file outlives no writer: gone if its writer is; a live writer's may still hold
      // the item (it renames over its target and the next run or the audit sees that).
      if (await isStaleTemp(file)) {
        await rm(file, { force: true });
        result.deleted.push(rel);
      } else {
        const text = (await readTextIfExists(file)) ?? '';
        if (withoutLines(text, (v) => f.trace(v) !== null)) result.deferred.push(rel);
      }
      continue;
    }
    if (result.deleted.includes(rel) || result.deferred.includes(rel) || manifests.has(file)) continue;
    // A saved agreement report naming a forgotten annotator: its figures counted their votes, so
    // it goes whole (the lead saves a new one).
    if (f.annotators.size > 0 && /\.(json|csv|html)$/i.test(file)) {
      const text = (await readTextIfExists(file)) ?? '';
      if (isAgreementReport(text)) {
        if (f.namesAnnotator(text)) {
          await rm(file, { force: true });
          result.deleted.push(rel);
        }
        continue;
      }
    }
    const m = await manifestOf(file);
    if (m) {
      manifests.add(m.path);
      const r = await purgeExport(file, m, f, opts.known);
      if (r === 'rewritten') result.rewritten.push(rel, relative(dir, m.path));
      if (r === 'removed') result.deleted.push(rel, relative(dir, m.path));
      continue;
    }
    const r = await purgeFile(project, file, (v) => f.trace(v) !== null, asLead);
    if (r === 'rewritten') {
      result.rewritten.push(rel);
      await rereadAfterRewrite(project, file);
    }
    if (r === 'deferred') result.deferred.push(rel);
  }

  // Roster entries of forgotten annotators (project.json is the lead's).
  const roster = project.config.roster.filter((r) => !f.isAnnotator(r.id));
  if (roster.length !== project.config.roster.length) {
    await project.saveConfig({ ...project.config, roster });
    result.rewritten.push(relative(dir, project.paths.config));
  }

  // Images: the item's own (known to the first run), those named after a forgotten id, and,
  // when neither is found for an image hash, any image with those bytes.
  if (f.items.size > 0) {
    const images = await allImages(dir);
    const doomed = new Set<string>(opts.known?.images ?? []);
    for (const img of images) if (f.isItemImagePath(img)) doomed.add(join(dir, img));
    if (doomed.size === 0 && f.images.size > 0)
      for (const img of images) {
        const h = await fileHash(join(dir, img));
        if (h && f.images.has(h)) doomed.add(join(dir, img));
      }
    for (const file of doomed) {
      try {
        await unlink(file);
        result.deleted.push(relative(dir, file));
        project.images.delete(relative(dir, file).split('\\').join('/'));
      } catch {
        /* already gone */
      }
    }
  }

  for (const d of new Set([dir, project.paths.meta, project.paths.annotations])) await sweepStaleTemps(d);
  if (result.deferred.length === 0) await markFinished(project, tombstones);
  return result;
}

/**
 * A tombstone names neither what it forgets nor anyone by it: its reason and "requested by" are
 * kept for good, so they must not hold the id (someone asking to be forgotten is "the annotator",
 * not their id). Refused before anything is written.
 */
function checkRequestNamesNothing(req: ForgetRequest, id: string): void {
  for (const [field, text] of [
    ['reason', req.reason],
    ['requested by', req.requestedBy],
  ] as const)
    if (wordsOf(text).includes(id))
      throw new ForgetError(
        `the ${field} names what is being forgotten ("${id}"), and the tombstone keeps it for good: say it without the id (e.g. "the annotator, by email"); nothing was forgotten`,
      );
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
  checkRequestNamesNothing(req, String(id));
  const spellings = itemHashSpellings(id);
  const existing = project.governance.tombstones.find(
    (t) => t.scope === 'item' && spellings.includes(t.hash),
  );
  const item = project.item(id);
  if (!existing && !item && !req.force)
    throw new ForgetError(
      `item ${String(id)} is not in this project: its tombstone would refuse this id for good; check the id, or pass --force to record it anyway`,
    );
  let imgFile: string | null = null;
  if (item) {
    try {
      imgFile = await resolveMediaPath(project.paths.dir, item.img);
    } catch {
      imgFile = null;
    }
  }
  const tombstone =
    existing ??
    makeTombstone('item', itemHash(item ? item.id : id), imgFile ? await fileHash(imgFile) : null, req);
  const known: Known = { provenance: new Map(), images: imgFile ? [imgFile] : [] };
  if (item) known.provenance.set(tombstone.hash, (at) => project.provenanceAsOf(item.id, at));
  if (!existing) await project.appendGovernance(tombstone);
  const r = await finishForgetting(project, { tombstones: [tombstone], known, asLead: true });
  if (item) {
    project.governance.dropItem(String(item.id));
    project.state.dropItem(item.id);
    project.images.delete(item.img);
  }
  project.applyGovernance();
  return { tombstone, alreadyForgotten: !!existing, ...r };
}

export async function forgetAnnotator(
  project: Project,
  annotator: string,
  req: ForgetRequest,
): Promise<ForgetResult> {
  if (!req.reason.trim()) throw new ForgetError('a reason is required (who asked, and why)');
  checkRequestNamesNothing(req, annotator);
  const hash = annotatorHash(annotator);
  const existing = project.governance.tombstones.find((t) => t.scope === 'annotator' && t.hash === hash);
  const known =
    project.config.roster.some((r) => r.id === annotator) ||
    project.state.annotators.includes(annotator) ||
    (await readdir(project.paths.annotations).catch(() => [] as string[])).some(
      (n) => annotatorOfFileName(n, true) === annotator,
    );
  if (!existing && !known && !req.force)
    throw new ForgetError(
      `annotator ${annotator} is not in this project: the tombstone would refuse this id for good; check the id, or pass --force to record it anyway`,
    );
  const tombstone = existing ?? makeTombstone('annotator', hash, null, req);
  if (!existing) await project.appendGovernance(tombstone);
  const r = await finishForgetting(project, { tombstones: [tombstone], asLead: true });
  project.state.dropAnnotator(annotator);
  project.applyGovernance();
  return { tombstone, alreadyForgotten: !!existing, ...r };
}

/** Refuses to bring back a forgotten item: by its id in any spelling, its image's name or bytes. */
export function forgottenGuard(
  project: Project,
): (item: { id: ItemId; img: string }) => Promise<string | null> | null {
  // Nothing forgotten (nearly every import): answered at once, not a promise per record.
  return (item) => {
    const g = project.governance;
    return g.itemHashes.size === 0 && g.imgHashes.size === 0 ? null : refusal(item);
  };
  async function refusal(item: { id: ItemId; img: string }): Promise<string | null> {
    const g = project.governance;
    const f = Forgotten.fromGovernance(g);
    const spellings = itemHashSpellings(item.id);
    const tomb = g.tombstones.find((t) => t.scope === 'item' && spellings.includes(t.hash));
    if (tomb)
      return `field "id": item ${String(item.id)} was forgotten on ${tomb.at.slice(0, 10)} (${tomb.reason}); re-import refused`;
    if (f.isItemImagePath(item.img))
      return `field "img": this image path belongs to an item forgotten earlier; re-import refused`;
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
  }
}

/**
 * An annotator's app on seeing new tombstones: purges its own file (through its own writer, so
 * no save is lost) and forgets the items in memory; if the annotator itself was forgotten, its
 * file goes (saves are refused from then on: appendAnnotations checks). Nobody else rewrites it.
 */
export async function purgeOwnFile(project: Project, tombstones: readonly Tombstone[]): Promise<boolean> {
  const annotator = project.options.annotator;
  if (!annotator || tombstones.length === 0) return false;
  const f = Forgotten.of(tombstones);
  const file = project.paths.annotationFile(annotator);
  if (f.isAnnotator(annotator)) {
    await project.writerFor(file).exclusive(async () => {
      await rm(file, { force: true });
      await rm(`${file}.corrupt`, { force: true });
    });
    project.positions.delete(file);
    project.state.dropAnnotator(annotator);
    return true;
  }
  if (f.items.size === 0) return false;
  const drop = (v: unknown): boolean => f.trace(v) === 'item';
  const r = await purgeFile(project, file, drop);
  await purgeFile(project, `${file}.corrupt`, drop);
  if (r === 'rewritten') await project.reloadAnnotations(annotator);
  return r === 'rewritten';
}
