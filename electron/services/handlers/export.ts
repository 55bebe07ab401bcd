// Gold export: a preview of what would go out under the chosen options, and the export itself
// (atomic, with a provenance manifest beside it), reporting progress, in the FGHM shapes or
// another tool's format (interchange.ts). The page never names a path: a handle from main's save
// dialog, or a file name (a folder name for Hugging Face) for the exports folder (confine.ts).
import type { ExportOptions } from '../../../shared/export';
import type { ParsedArgsOf } from '../../../shared/api';
import { requireLeadRole, requireProject, type Context } from '../context';
import { previewExport } from '../exporter';
import { chooseSaveTarget, saveTarget } from '../fileAccess';
import { checkFolderTarget } from '../hfFolder';
import { exportAny, FORMAT_EXTENSION, isFolderFormat } from '../interchange';
import type { DomainHandlers } from './types';

type ExportChannels = 'export:preview' | 'export:chooseTarget' | 'export:run';

/** What the save dialog proposes: `<project>-<format>` with the format's extension. */
const DEFAULT_SUFFIX: Record<ExportOptions['format'], string> = {
  fghm: 'gold',
  full: 'full',
  labelstudio: 'labelstudio',
  prodigy: 'prodigy',
  csv: 'gold',
  hf: 'hf',
};

export function exportHandlers(ctx: Context): DomainHandlers<ExportChannels> {
  const options = (o: ParsedArgsOf<'export:run'>['options']): ExportOptions => ({
    ...o,
    policy: o.policy ?? requireProject(ctx).policy(),
  });
  return {
    'export:preview': async (args) => {
      requireLeadRole(ctx, 'export gold');
      return previewExport(requireProject(ctx), options(args.options));
    },
    'export:chooseTarget': async ({ format }) => {
      requireLeadRole(ctx, 'export gold');
      const name = `${requireProject(ctx).config.name}-${DEFAULT_SUFFIX[format]}${FORMAT_EXTENSION[format]}`;
      // A folder format (Hugging Face) names a new folder in the save dialog.
      return isFolderFormat(format)
        ? chooseSaveTarget(ctx, 'export', 'Export a Hugging Face dataset folder', name, checkFolderTarget)
        : chooseSaveTarget(ctx, 'export', 'Export gold', name);
    },
    'export:run': async (args) => {
      requireLeadRole(ctx, 'export gold');
      const p = requireProject(ctx);
      const format = args.options.format;
      const target = await saveTarget(
        ctx,
        args.to,
        'export',
        FORMAT_EXTENSION[format],
        isFolderFormat(format) ? checkFolderTarget : undefined,
      );
      const summary = await exportAny(p, target, options(args.options), (done, total) =>
        ctx.emit('task:progress', { task: 'export', done, total }),
      );
      return { out: summary.out, bytes: summary.bytes, counts: summary.counts, manifest: summary.manifest };
    },
  };
}
