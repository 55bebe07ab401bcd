// Rewriting files for a forget (forget.ts): who may rewrite a log, a data file or a log without
// the forgotten lines (atomic, between appends when it is our own), and an export inside the
// project rewritten with its manifest made true again, or removed when it cannot be.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Manifest } from '../../shared/governance';
import type { Provenance } from '../../shared/records';
import { manifestPathOf } from './exporter';
import type { Forgotten, Trace } from './forgotten';
import { readTextIfExists, writeFileAtomic } from './fsx';
import { itemHashSpellings } from './hashes';
import { lockHolder } from './locks';
import { annotatorOfFileName, writerLockOf } from './paths';
import { isCsvPath, parseDataFile } from './projectFiles';
import type { Project } from './project';

/** What the first run of a forget still knows about the item, which a later run cannot. */
export interface Known {
  /** A forgotten item's provenance as it stood at a time (an export's), by its item hash. */
  provenance: Map<string, (at: string) => Provenance | undefined>;
  images: string[];
}

// ---- rewriting files ----------------------------------------------------------------------

/** Who may rewrite a log: this process, another running app, or anyone. */
export async function ownerOf(
  project: Project,
  file: string,
  asLead: boolean,
): Promise<'self' | 'other' | 'none'> {
  const writer = writerLockOf(project.paths, file);
  if (!writer) return 'none';
  const ours =
    writer.annotator !== null
      ? project.options.annotator === writer.annotator
      : project.options.lead === true || asLead;
  const holder = await lockHolder(project.paths.meta, writer.lock);
  if (holder === 'self' && ours) return 'self';
  if (holder === 'none') return 'none';
  return 'other';
}

/**
 * The text of a data file without what `drop` matches: elements of a JSON array file, or whole
 * lines (JSON Lines, CSV rows keyed by their first cell, torn lines recognised by their
 * "id"/"item" fields); with the values dropped. null when nothing matched.
 */
export function withoutLines(
  text: string,
  drop: (v: unknown) => boolean,
  csv = false,
): { text: string; dropped: unknown[]; kept: number } | null {
  const body = parseDataFile(text, csv);
  if (body.kind === 'array') {
    const kept = body.elements.filter((v) => !drop(v));
    if (kept.length === body.elements.length) return null;
    return {
      text: JSON.stringify(kept, null, 1) + '\n',
      dropped: body.elements.filter(drop),
      kept: kept.length,
    };
  }
  const dropped: unknown[] = [];
  const kept = body.lines.filter((l) => {
    const hit = l.values.filter(drop);
    dropped.push(...hit);
    return hit.length === 0;
  });
  if (kept.length === body.lines.length) return null;
  return {
    text: kept.map((l) => l.text).join('\n'),
    dropped,
    kept: kept.filter((l) => l.text.trim() !== '').length,
  };
}

/** Rewrites `file` without the lines `drop` matches, through the file's own writer when ours. */
export async function purgeFile(
  project: Project,
  file: string,
  drop: (v: unknown) => boolean,
  asLead = false,
): Promise<'rewritten' | 'deferred' | 'unchanged'> {
  const owner = await ownerOf(project, file, asLead);
  if (owner === 'other') {
    // Another app writes it: only say so if it holds something to purge.
    const text = await readTextIfExists(file);
    return text !== null && withoutLines(text, drop, isCsvPath(file)) ? 'deferred' : 'unchanged';
  }
  const rewrite = async (): Promise<boolean> => {
    const text = await readTextIfExists(file);
    if (text === null) return false;
    const next = withoutLines(text, drop, isCsvPath(file));
    if (next === null) return false;
    await writeFileAtomic(file, next.text);
    return true;
  };
  // Our own log: rewrite between appends, so no save is lost or written to the old file.
  const done = owner === 'self' ? await project.writerFor(file).exclusive(rewrite) : await rewrite();
  if (done) project.positions.delete(file);
  return done ? 'rewritten' : 'unchanged';
}

/**
 * A log rewritten under the reader: replay it from the start (annotations, adjudications), or
 * for governance.jsonl, whose tombstones and provenance are already applied, read on from its
 * new end (replaying would apply them twice).
 */
export async function rereadAfterRewrite(project: Project, file: string): Promise<void> {
  const { paths } = project;
  if (file === paths.governance) {
    const text = (await readTextIfExists(file)) ?? '';
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    project.positions.set(file, { end: Buffer.byteLength(complete), lines: complete.split('\n').length - 1 });
  } else if (file === paths.adjudications) await project.reloadAdjudications();
  else if (dirname(file) === paths.annotations) {
    const id = annotatorOfFileName(basename(file));
    if (id !== null && project.state.annotators.includes(id)) await project.reloadAnnotations(id);
  }
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The manifest beside an export, if `file` is an export this tool wrote. */
export async function manifestOf(file: string): Promise<{ path: string; manifest: Manifest } | null> {
  if (!/\.jsonl?$/i.test(file)) return null;
  const path = manifestPathOf(file);
  if (path === file) return null;
  const text = await readTextIfExists(path);
  if (text === null) return null;
  try {
    const manifest = JSON.parse(text) as Manifest;
    return manifest.tool === 'memejury' && manifest.file === basename(file) ? { path, manifest } : null;
  } catch {
    return null;
  }
}

function decrement(m: Record<string, number>, key: string): boolean {
  if (!(key in m) || m[key] <= 0) return false;
  m[key]--;
  if (m[key] === 0) delete m[key];
  return true;
}

/**
 * An export inside the project (with its manifest) that names forgotten data: rewritten without
 * the records and its manifest made true again (sha256, bytes, records, provenance counts, a
 * note of the rewrite), the manifest first, so a run cut short in between is recognised; or,
 * when the manifest cannot be kept exact (a forgotten annotator's votes made its gold, or the
 * removed items' provenance at the export's time is no longer known: a forget finished on a
 * later open), removed together with its manifest.
 */
export async function purgeExport(
  file: string,
  m: { path: string; manifest: Manifest },
  f: Forgotten,
  known: Known | undefined,
): Promise<'rewritten' | 'removed' | 'unchanged'> {
  const text = await readTextIfExists(file);
  if (text === null) return 'unchanged';
  const traces = new Map<unknown, Trace>();
  const next = withoutLines(text, (v) => {
    const t = f.trace(v);
    if (t) traces.set(v, t);
    return t !== null;
  });
  if (!next) return 'unchanged';
  const remove = async (): Promise<'removed'> => {
    await rm(m.path, { force: true });
    await rm(file, { force: true });
    return 'removed';
  };
  if ([...traces.values()].includes('annotator')) return remove();
  const newSha = sha256(next.text);
  if (m.manifest.sha256 !== newSha) {
    const manifest = structuredClone(m.manifest);
    for (const rec of next.dropped) {
      const r = rec as { id?: unknown; provenance?: Provenance | null };
      let prov: Provenance | undefined;
      if (r.provenance !== undefined) prov = r.provenance ?? undefined;
      else {
        const asOf = itemHashSpellings(r.id)
          .map((h) => known?.provenance.get(h))
          .find((f) => f !== undefined);
        if (asOf === undefined) return remove();
        // What the manifest counted: the provenance when the export was made, not today's.
        prov = asOf(m.manifest.created);
      }
      const ok =
        decrement(manifest.counts.licence, prov?.licence ?? 'unknown') &&
        decrement(manifest.counts.consent, prov?.consent ?? 'unknown') &&
        decrement(manifest.counts.source, prov?.source ?? 'unknown') &&
        decrement(manifest.counts.region, prov?.region ?? 'unknown');
      if (!ok) return remove();
    }
    manifest.sha256 = newSha;
    manifest.bytes = Buffer.byteLength(next.text);
    manifest.records = next.kept;
    manifest.forgotten_items = Math.max(manifest.forgotten_items ?? 0, 0) + next.dropped.length;
    manifest.rewritten = [
      ...(manifest.rewritten ?? []),
      {
        at: new Date().toISOString(),
        removed: next.dropped.length,
        why: 'items forgotten after this export (tombstones in governance.jsonl)',
      },
    ];
    await writeFileAtomic(m.path, JSON.stringify(manifest, null, 2) + '\n');
  }
  await writeFileAtomic(file, next.text);
  return 'rewritten';
}
