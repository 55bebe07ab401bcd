// Writes a gold export atomically (temp file, fsync, rename), reporting progress on the way.
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { selectAndMap, type ExportCounts, type ExportOptions } from '../../shared/export';
import { provenanceCounts, type Manifest } from '../../shared/governance';
import type { Item } from '../../shared/records';
import pkg from '../../package.json';
import { writeFileAtomic } from './fsx';
import type { Project } from './project';

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

function select(project: Project, opts: ExportOptions) {
  return selectAndMap(
    {
      items: project.items,
      golds: project.golds(opts.policy),
      state: project.state,
      annotatorOrder: project.stableOrder(),
      target: project.config.targetAnnotators,
    },
    opts,
  );
}

export async function previewExport(project: Project, opts: ExportOptions): Promise<ExportCounts> {
  return select(project, opts).counts;
}

/** The export's text; serialised in chunks that yield to the event loop, with progress. */
async function buildExport(
  project: Project,
  opts: ExportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ text: string; counts: ExportCounts; items: Item[] }> {
  const { records, counts, items } = select(project, opts);
  const parts: string[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    let chunk = '';
    const end = Math.min(records.length, i + CHUNK);
    for (let k = i; k < end; k++) chunk += JSON.stringify(records[k]) + '\n';
    parts.push(chunk);
    if (onProgress) {
      onProgress(end, records.length);
      await new Promise((r) => setImmediate(r));
    }
  }
  return { text: parts.join(''), counts, items };
}

/** The manifest written beside every export: what is in it, under which rules, and its hash. */
function manifestFor(
  project: Project,
  out: string,
  text: string,
  opts: ExportOptions,
  items: readonly Item[],
  counts: ExportCounts,
): Manifest {
  const voters = new Set<string>();
  for (const it of items) for (const v of project.state.votes(it.id)) voters.add(v.annotator);
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
      complete_only: !!opts.completeOnly,
      include_unresolved: !!opts.includeUnresolved,
      exclude_no_consent: !!opts.rights?.excludeNoConsent,
      exclude_licences: opts.rights?.excludeLicences ?? [],
      exclude_regions: opts.rights?.excludeRegions ?? [],
    },
    annotators: voters.size,
    counts: provenanceCounts(items),
    left_out: { ...counts.skipped },
    forgotten_items: project.governance.tombstones.filter((t) => t.scope === 'item').length,
  };
}

export async function exportGold(
  project: Project,
  out: string,
  opts: ExportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const { text, counts, items } = await buildExport(project, opts, onProgress);
  const abs = resolve(out);
  await writeFileAtomic(abs, text);
  const manifestPath = `${abs.replace(/\.jsonl?$/i, '')}.manifest.json`;
  const manifest = manifestFor(project, abs, text, opts, items, counts);
  await writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { out: abs, bytes: Buffer.byteLength(text), counts, options: opts, manifest: manifestPath };
}
