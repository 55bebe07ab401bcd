// Gold export: a preview of what would go out under the chosen options, and the export itself
// (atomic, with a provenance manifest beside it), reporting progress. The page never names a
// path: a handle from main's save dialog, or a file name for the exports folder (confine.ts).
import type { ExportOptions } from '../../../shared/export';
import type { ParsedArgsOf } from '../../../shared/api';
import { requireLeadRole, requireProject, type Context } from '../context';
import { exportGold, previewExport } from '../exporter';
import { chooseSaveTarget, saveTarget } from '../fileAccess';
import type { DomainHandlers } from './types';

type ExportChannels = 'export:preview' | 'export:chooseTarget' | 'export:run';

/** Every export format is JSON Lines. */
const EXPORT_EXT = '.jsonl';

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
      const name = `${requireProject(ctx).config.name}-${format === 'full' ? 'full' : 'gold'}${EXPORT_EXT}`;
      return chooseSaveTarget(ctx, 'export', 'Export gold', name);
    },
    'export:run': async (args) => {
      requireLeadRole(ctx, 'export gold');
      const p = requireProject(ctx);
      const target = await saveTarget(ctx, args.to, 'export', EXPORT_EXT);
      const summary = await exportGold(p, target, options(args.options), (done, total) =>
        ctx.emit('task:progress', { task: 'export', done, total }),
      );
      return { out: summary.out, bytes: summary.bytes, counts: summary.counts, manifest: summary.manifest };
    },
  };
}
