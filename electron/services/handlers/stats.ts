// Agreement: the dashboard, its report files, and an annotator's own figures.
import { buildDashboard } from '../../../shared/dashboard';
import { reportCsv, reportHtml, reportJson } from '../../../shared/report';
import { currentAnnotator, currentRole, requireLeadRole, requireProject, type Context } from '../context';
import { chooseSaveTarget, saveTarget } from '../fileAccess';
import { writeFileAtomic } from '../fsx';
import type { DomainHandlers } from './types';

type StatsChannels =
  'stats:dashboard' | 'stats:chooseReportTarget' | 'stats:exportReport' | 'annotator:figures';

export function statsHandlers(ctx: Context): DomainHandlers<StatsChannels> {
  return {
    'stats:dashboard': async ({ policy }) => {
      requireLeadRole(ctx, 'see the team dashboard');
      const p = requireProject(ctx);
      const pol = policy ?? p.policy();
      const { items, golds } = p.scored(pol);
      return buildDashboard(p.state, items, golds, pol, p.fullOverlap(), p.readinessRule());
    },
    'stats:chooseReportTarget': async ({ format }) => {
      requireLeadRole(ctx, 'save the team report');
      return chooseSaveTarget(ctx, 'report', 'Save agreement report', `agreement-report.${format}`);
    },
    'stats:exportReport': async ({ format, to }) => {
      requireLeadRole(ctx, 'save the team report');
      const p = requireProject(ctx);
      const target = await saveTarget(ctx, to, 'report', `.${format}`);
      const { items, golds } = p.scored();
      const d = buildDashboard(p.state, items, golds, p.policy(), p.fullOverlap(), p.readinessRule());
      const at = new Date().toISOString();
      const body =
        format === 'json'
          ? reportJson(d, p.config.name, at)
          : format === 'csv'
            ? reportCsv(d)
            : reportHtml(d, p.config.name, at);
      await writeFileAtomic(target, body);
      return { out: target };
    },
    'annotator:figures': async () => {
      const p = ctx.session.project;
      const a = currentAnnotator(ctx);
      if (!p || !a) return null;
      const mine = p.agreement().per_annotator.find((f) => f.id === a) ?? null;
      // Blind: agreement with gold depends on colleagues' votes, so only a lead sees it.
      if (!mine || currentRole(ctx) === 'lead') return mine;
      // Their counts too: how many of one's memes have a yardstick depends on colleagues' votes.
      return { ...mine, gold_agreement: null, gold_items: 0, gold_exact: null, gold_exact_items: 0 };
    },
  };
}
