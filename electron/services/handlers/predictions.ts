// Model-assisted labeling: predictions attached to the project (a lead's), scored live against
// the current gold overall and per split. Suggestions themselves travel with each item
// (handlers/labeling.ts) as the project's rules say.
import type { AttachedScore } from '../../../shared/api';
import { toFghm, type FghmRecord } from '../../../shared/fghm';
import { formatLineError } from '../../../shared/jsonl';
import { checkPrediction, score, type ScoreReport } from '../../../shared/scorer';
import { requireLead, requireLeadRole, requireProject, type Context } from '../context';
import { UserError } from '../errors';
import { readSource } from '../fileAccess';
import { writePredictions } from '../predictions';
import type { Project } from '../project';
import { readRecords } from '../validate';
import type { DomainHandlers } from './types';

type PredictionChannels = 'predictions:attach' | 'predictions:detach' | 'predictions:score';

/** The attached predictions against the gold of the items `keep` selects (null: nothing joins). */
function scoreOn(p: Project, keep: (i: number) => boolean): ScoreReport | null {
  const golds = p.golds();
  const gold: FghmRecord[] = [];
  for (let i = 0; i < p.items.length; i++)
    if (golds[i].resolved && keep(i)) gold.push(toFghm(p.items[i], p.state.votes(p.items[i].id), golds[i]));
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
    ctx.emit('project:changed', { reason: 'sync', annotators: [] });
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
      const parsed = await readRecords(path, checkPrediction);
      if (parsed.errors.length)
        throw new UserError(`${formatLineError(parsed.errors[0])}; nothing was attached`);
      const rows = parsed.records.map((r) => r.value);
      await writePredictions(p.paths.predictions, rows);
      await p.reloadPredictions();
      changed();
      return { rows: rows.length, matched: rows.filter((r) => p.item(r.id)).length };
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
      return {
        predictions: p.predictions.rows.length,
        all: scoreOn(p, () => true),
        splits: splits.map((split) => ({ split, report: scoreOn(p, (i) => p.items[i].set_name === split) })),
      };
    },
  };
}
