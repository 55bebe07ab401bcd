// Writes a gold export atomically (temp file, fsync, rename), reporting progress on the way.
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import {
  fullRecord,
  selectAndMap,
  selectExportSteps,
  type ExportCounts,
  type ExportOptions,
} from '../../shared/export';
import { fghmLine } from '../../shared/fghm';
import type { Vote } from '../../shared/gold';
import { provenanceCounts, type Manifest } from '../../shared/governance';
import { INCOMPLETE_REASON } from '../../shared/readiness';
import type { Item } from '../../shared/records';
import pkg from '../../package.json';
import { checkWriteTarget } from './confine';
import { writeFileAtomic } from './fsx';
import { LineBytes } from './logs';
import type { Project } from './project';
import { isInterchangeFormat } from '../../shared/interchange/model';

export interface ExportSummary {
  out: string;
  bytes: number;
  counts: ExportCounts;
  options: ExportOptions;
  /** Path of the provenance manifest written beside the export, if any. */
  manifest: string | null;
}

const CHUNK = 5000;
const TOOL_VERSION = pkg.version;

/** What every export selects from: the project's memes, their gold, votes and readiness. */
export function exportSource(project: Project, opts: ExportOptions) {
  return {
    items: project.items,
    golds: project.golds(opts.policy),
    state: project.state,
    annotatorOrder: project.stableOrder(),
    rule: project.readinessRule(),
  };
}

function select(project: Project, opts: ExportOptions) {
  return selectAndMap(exportSource(project, opts), opts);
}

export async function previewExport(project: Project, opts: ExportOptions): Promise<ExportCounts> {
  return select(project, opts).counts;
}

/**
 * The export's bytes, made a chunk at a time with a pause for other work and a progress report
 * after each. The FGHM shape is written line by line (fghmLine, without a record object per
 * meme); the full shape through its records.
 */
async function buildExport(
  project: Project,
  opts: ExportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ bytes: Buffer; counts: ExportCounts; items: Item[]; voters: Set<string> }> {
  const voters = new Set<string>();
  const source = exportSource(project, opts);
  // Each line goes to the bytes as it is made: no string of the whole export, nor a rope per line
  // living on until the end.
  // A released-format line is about 240 bytes: sized so the buffer does not grow midway.
  const lines = new LineBytes(source.items.length, 256);
  const steps = selectExportSteps(
    source,
    opts,
    (s) => {
      for (const v of s.votes) voters.add(v.annotator);
      lines.add(
        opts.format === 'fghm'
          ? fghmLine(s.item, s.votes, s.gold)
          : JSON.stringify(fullRecord(source.state, s, opts.policy)),
      );
    },
    CHUNK,
  );
  let step = steps.next();
  for (; !step.done; step = steps.next()) {
    if (onProgress) {
      onProgress(step.value, source.items.length);
      await new Promise((r) => setImmediate(r));
    }
  }
  onProgress?.(source.items.length, source.items.length);
  return { bytes: lines.bytes(), counts: step.value.counts, items: step.value.items, voters };
}

/** The manifest written beside every export: what is in it, under which rules, and its hash. */
export function manifestFor(
  project: Project,
  out: string,
  text: string | Uint8Array,
  opts: ExportOptions,
  items: readonly Item[],
  counts: ExportCounts,
  /** The annotators who voted on `items`, when the caller has them already. */
  known?: ReadonlySet<string>,
): Manifest {
  let voters = known;
  if (!voters) {
    const found = new Set<string>();
    const votes: Vote[] = [];
    const cols: number[] = [];
    for (const it of items) {
      const n = project.state.votesInto(it.id, votes, cols);
      for (let k = 0; k < n; k++) found.add(votes[k].annotator);
    }
    voters = found;
  }
  const problems = project.problems();
  return {
    tool: 'memejury',
    version: TOOL_VERSION,
    created: new Date().toISOString(),
    file: basename(out),
    sha256: createHash('sha256').update(text).digest('hex'),
    bytes: Buffer.byteLength(text),
    records: counts.exported,
    format: opts.format,
    policy: opts.policy,
    filters: {
      splits: opts.splits ?? [],
      include_incomplete: !!opts.includeIncomplete,
      include_unresolved: !!opts.includeUnresolved,
      exclude_no_consent: !!opts.rights?.excludeNoConsent,
      exclude_licences: opts.rights?.excludeLicences ?? [],
      exclude_regions: opts.rights?.excludeRegions ?? [],
    },
    annotators: voters.size,
    counts: provenanceCounts(items),
    left_out: { ...counts.skipped },
    left_out_why: {
      incomplete: INCOMPLETE_REASON,
      unresolved: 'no gold yet (a hate tie, or no majority under the policy): a lead decides in Review',
      split: 'another set_name than the splits asked for',
      rights: 'left out by the data-rights filters',
    },
    forgotten_items: project.governance.tombstones.filter((t) => t.scope === 'item').length,
    unreadable: { lines: problems.length, first: problems.slice(0, UNREADABLE_LISTED) },
    without_text: items.reduce((n, it) => (it.text === '' ? n + 1 : n), 0),
  };
}

/** How many unreadable lines a manifest names (it counts them all). */
const UNREADABLE_LISTED = 20;

/** The manifest beside an export: `gold.jsonl` → `gold.manifest.json`. */
export function manifestPathOf(exportPath: string): string {
  return `${exportPath.replace(/\.jsonl?$/i, '')}.manifest.json`;
}

export async function exportGold(
  project: Project,
  out: string,
  opts: ExportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  // Never a project file (.memejury/, item lists, images), for the app and the CLI alike.
  const abs = await checkWriteTarget(resolve(out), project.paths.dir);
  const manifestPath = await checkWriteTarget(manifestPathOf(abs), project.paths.dir);
  // The bytes written are the bytes hashed.
  const { bytes, counts, items, voters } = await buildExport(project, opts, onProgress);
  await writeFileAtomic(abs, bytes);
  const manifest = manifestFor(project, abs, bytes, opts, items, counts, voters);
  await writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { out: abs, bytes: bytes.length, counts, options: opts, manifest: manifestPath };
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
