// Writes a gold export atomically (temp file, fsync, rename).
import { resolve } from 'node:path';
import { selectAndMap, type ExportCounts, type ExportOptions } from '../../shared/export';
import { writeFileAtomic } from './fsx';
import type { Project } from './project';

export interface ExportSummary {
  out: string;
  bytes: number;
  counts: ExportCounts;
  options: ExportOptions;
}

export async function previewExport(project: Project, opts: ExportOptions): Promise<ExportCounts> {
  return buildExport(project, opts).counts;
}

export function buildExport(project: Project, opts: ExportOptions): { text: string; counts: ExportCounts } {
  const { records, counts } = selectAndMap(
    {
      items: project.items,
      golds: project.golds(opts.policy),
      state: project.state,
      annotatorOrder: project.stableOrder(),
      target: project.config.targetAnnotators,
    },
    opts,
  );
  let text = '';
  for (const r of records) text += JSON.stringify(r) + '\n';
  return { text, counts };
}

export async function exportGold(project: Project, out: string, opts: ExportOptions): Promise<ExportSummary> {
  const { text, counts } = buildExport(project, opts);
  const abs = resolve(out);
  await writeFileAtomic(abs, text);
  return { out: abs, bytes: Buffer.byteLength(text), counts, options: opts };
}
