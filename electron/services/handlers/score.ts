// Scoring a predictions file (FGHM submission format) against the project's current gold, as
// the task's official scorer does.
import { toFghm } from '../../../shared/fghm';
import { formatLineError } from '../../../shared/jsonl';
import { checkPrediction, score } from '../../../shared/scorer';
import { requireLeadRole, requireProject, type Context } from '../context';
import { UserError } from '../errors';
import { readSource } from '../fileAccess';
import { readRecords } from '../validate';
import type { DomainHandlers } from './types';

export function scoreHandlers(ctx: Context): DomainHandlers<'score:run'> {
  return {
    'score:run': async ({ pred }) => {
      requireLeadRole(ctx, 'score against the gold');
      const p = requireProject(ctx);
      const file = await readSource(ctx, pred, 'Open predictions (FGHM submission format)', [
        'json',
        'jsonl',
      ]);
      if (!file) return null;
      // JSON Lines or a JSON array, as `memejury validate` reads it (the same verdict).
      const parsed = await readRecords(file, checkPrediction);
      if (parsed.errors.length > 0) throw new UserError(formatLineError(parsed.errors[0]));
      const golds = p.golds();
      const gold = [];
      for (let i = 0; i < p.items.length; i++) {
        if (!golds[i].resolved) continue;
        gold.push(toFghm(p.items[i], p.state.votes(p.items[i].id), golds[i]));
      }
      const report = score(
        gold,
        parsed.records.map((r) => r.value),
        parsed.records.map((r) => r.line),
        file,
      );
      if (report.items === 0) throw new UserError(`no prediction in ${file} matches an item with gold`);
      return report;
    },
  };
}
