// Writes a gold export atomically (temp file, fsync, rename), reporting progress on the way.
import { resolve } from 'node:path';
import { selectAndMap, type ExportCounts, type ExportOptions } from '../../shared/export';
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
export async function buildExport(
  project: Project,
  opts: ExportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ text: string; counts: ExportCounts }> {
  const { records, counts } = select(project, opts);
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
  return { text: parts.join(''), counts };
}

export async function exportGold(
  project: Project,
  out: string,
  opts: ExportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const { text, counts } = await buildExport(project, opts, onProgress);
  const abs = resolve(out);
  await writeFileAtomic(abs, text);
  return { out: abs, bytes: Buffer.byteLength(text), counts, options: opts, manifest: null };
}
