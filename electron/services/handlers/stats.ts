// Agreement: the dashboard, its report files, and an annotator's own figures.
import { buildDashboard } from '../../../shared/dashboard';
import { reportCsv, reportHtml } from '../../../shared/report';
import { currentAnnotator, requireProject, type Context } from '../context';
import { writeFileAtomic } from '../fsx';
import type { DomainHandlers } from './types';

type StatsChannels = 'stats:dashboard' | 'stats:exportReport' | 'annotator:figures';

export function statsHandlers(ctx: Context): DomainHandlers<StatsChannels> {
  return {
    'stats:dashboard': async ({ policy }) => {
      const p = requireProject(ctx);
      const pol = policy ?? p.policy();
      return buildDashboard(p.state, p.items, p.golds(pol), pol, p.fullOverlap());
    },
    'stats:exportReport': async ({ format, out }) => {
      const p = requireProject(ctx);
      const target =
        out ?? (await ctx.platform.chooseSaveFile?.('Save agreement report', `agreement-report.${format}`));
      if (!target) return null;
      const d = buildDashboard(p.state, p.items, p.golds(), p.policy(), p.fullOverlap());
      const body =
        format === 'json'
          ? JSON.stringify(
              { project: p.config.name, policy: d.policy, figures: d.flat, report: d.report },
              null,
              2,
            ) + '\n'
          : format === 'csv'
            ? reportCsv(d)
            : reportHtml(d, p.config.name, new Date().toISOString());
      await writeFileAtomic(target, body);
      return { out: target };
    },
    'annotator:figures': async () => {
      const p = ctx.session.project;
      const a = currentAnnotator(ctx);
      if (!p || !a) return null;
      return p.agreement().per_annotator.find((f) => f.id === a) ?? null;
    },
  };
}
