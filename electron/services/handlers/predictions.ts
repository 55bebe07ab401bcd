// Model-assisted labeling: predictions attached to the project (a lead's), scored live against
// the current gold overall and per split. Suggestions themselves travel with each item
// (handlers/labeling.ts) as the project's rules say.
import type { AttachedScore } from '../../../shared/api';
import { toFghm, type FghmRecord } from '../../../shared/fghm';
import { readiness } from '../../../shared/readiness';
import { itemKey } from '../../../shared/records';
import { score, type ScoreReport } from '../../../shared/scorer';
import { suggestionOf } from '../../../shared/suggestions';
import { requireLead, requireLeadRole, requireProject, type Context } from '../context';
import { readSource } from '../fileAccess';
import { attachPredictions, writePredictions } from '../predictions';
import type { Project } from '../project';
import type { DomainHandlers } from './types';

type PredictionChannels = 'predictions:attach' | 'predictions:detach' | 'predictions:score';

/**
 * The attached predictions against the gold of the ready items `keep` selects (null: nothing
 * joins): the memes a default export would write, so the live figures and a score of the exported
 * gold agree.
 */
function scoreOn(p: Project, keep: (i: number) => boolean): ScoreReport | null {
  const golds = p.golds();
  const rule = p.readinessRule();
  const gold: FghmRecord[] = [];
  for (let i = 0; i < p.items.length; i++)
    if (golds[i].resolved && keep(i) && readiness(p.state, p.items[i], rule) !== null)
      gold.push(toFghm(p.items[i], p.state.votes(p.items[i].id), golds[i]));
  const rows = p.predictions.rows;
  if (gold.length === 0 || rows.length === 0) return null;
  const r = score(
    gold,
    rows,
    rows.map((_, k) => k + 1),
    'predictions.jsonl',
  );
  return r.items === 0 ? null : r;
}

export function predictionHandlers(ctx: Context): DomainHandlers<PredictionChannels> {
  const changed = (): void => {
    ctx.invalidate();
    ctx.emit('project:changed', { reason: 'rules', annotators: [] });
  };
  return {
    'predictions:attach': async ({ file }) => {
      requireLead(ctx, 'attach predictions');
      const p = requireProject(ctx);
      const path = await readSource(ctx, file, 'Attach predictions (FGHM submission format)', [
        'json',
        'jsonl',
      ]);
      if (!path) return null;
      const r = await attachPredictions(p, path);
      changed();
      return r;
    },
    'predictions:detach': async () => {
      requireLead(ctx, 'detach predictions');
      const p = requireProject(ctx);
      const rows = p.predictions.rows.length;
      await writePredictions(p.paths.predictions, []);
      await p.reloadPredictions();
      changed();
      return { rows };
    },
    'predictions:score': async (): Promise<AttachedScore> => {
      requireLeadRole(ctx, 'score the attached predictions');
      const p = requireProject(ctx);
      const splits = [...new Set(p.items.map((i) => i.set_name ?? ''))].filter(Boolean).sort();
      const byAnnotator = new Map<string, AttachedScore['annotators'][number]>();
      for (const it of p.items) {
        const pr = p.predictions.byItem.get(itemKey(it.id));
        if (!pr) continue;
        const model = suggestionOf(pr).hate;
        for (const l of p.state.lines(it.id)) {
          if (l.hate === null) continue;
          const a = byAnnotator.get(l.annotator) ?? {
            id: l.annotator,
            shown: { n: 0, agree: 0 },
            notShown: { n: 0, agree: 0 },
          };
          const bucket = l.model ? a.shown : a.notShown;
          bucket.n++;
          if (l.hate === model) bucket.agree++;
          byAnnotator.set(l.annotator, a);
        }
      }
      return {
        annotators: [...byAnnotator.values()],
        predictions: p.predictions.rows.length,
        all: scoreOn(p, () => true),
        splits: splits.map((split) => ({ split, report: scoreOn(p, (i) => p.items[i].set_name === split) })),
      };
    },
  };
}
