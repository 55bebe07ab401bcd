// Gold export: a preview of what would go out under the chosen options, and the export itself
// (atomic, with a provenance manifest beside it), reporting progress.
import type { ExportOptions } from '../../../shared/export';
import type { ParsedArgsOf } from '../../../shared/api';
import { requireProject, type Context } from '../context';
import { exportGold, previewExport } from '../exporter';
import type { DomainHandlers } from './types';

type ExportChannels = 'export:preview' | 'export:run';

export function exportHandlers(ctx: Context): DomainHandlers<ExportChannels> {
  const options = (o: ParsedArgsOf<'export:run'>['options']): ExportOptions => ({
    ...o,
    policy: o.policy ?? requireProject(ctx).policy(),
  });
  return {
    'export:preview': async (args) => previewExport(requireProject(ctx), options(args.options)),
    'export:run': async (args) => {
      const p = requireProject(ctx);
      const target =
        args.out ?? (await ctx.platform.chooseSaveFile?.('Export gold', `${p.config.name}-gold.jsonl`));
      if (!target) return null;
      const summary = await exportGold(p, target, options(args.options), (done, total) =>
        ctx.emit('task:progress', { task: 'export', done, total }),
      );
      return { out: summary.out, bytes: summary.bytes, counts: summary.counts, manifest: summary.manifest };
    },
  };
}
