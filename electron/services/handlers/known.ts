// Known-answer memes: a lead marks them (or imports a file of them); they test annotators
// unannounced and in a qualification round, and give each annotator an accuracy over time.
import type { KnownStats } from '../../../shared/api';
import { scoreKnown, type KnownLine } from '../../../shared/known';
import { normalizeLabels } from '../../../shared/labels';
import { NOT_HATEFUL, type Hate } from '../../../shared/taxonomy';
import { leadName, requireLead, requireLeadRole, requireProject, type Context } from '../context';
import { UserError } from '../errors';
import { readSource } from '../fileAccess';
import { importKnownFile } from '../known';
import type { DomainHandlers } from './types';

type KnownChannels = 'known:set' | 'known:unset' | 'known:import' | 'known:stats';

export function knownHandlers(ctx: Context): DomainHandlers<KnownChannels> {
  const changed = (): void => {
    ctx.invalidate();
    ctx.emit('project:changed', { reason: 'rules', annotators: [] });
  };
  const line = (item: string | number, hate: Hate, pc: string[], attack: string[]): KnownLine => ({
    v: 1,
    item,
    ...normalizeLabels(hate, pc, attack),
    by: leadName(ctx),
    at: new Date().toISOString(),
  });
  return {
    'known:set': async ({ item, hate, pc, attack }) => {
      requireLead(ctx, 'mark known answers');
      const p = requireProject(ctx);
      const it = p.item(item);
      if (!it) throw new UserError(`no item ${String(item)} in this project`);
      await p.appendKnown([line(it.id, hate, pc, attack)]);
      changed();
      return { known: p.state.knownKeys().size };
    },
    'known:unset': async ({ item }) => {
      requireLead(ctx, 'mark known answers');
      const p = requireProject(ctx);
      const it = p.item(item);
      if (!it) throw new UserError(`no item ${String(item)} in this project`);
      if (p.state.known(it.id)) await p.appendKnown([{ ...line(it.id, NOT_HATEFUL, [], []), remove: true }]);
      changed();
      return { known: p.state.knownKeys().size };
    },
    'known:import': async ({ file }) => {
      requireLead(ctx, 'import known answers');
      const p = requireProject(ctx);
      const path = await readSource(ctx, file, 'Import known answers (FGHM records with gold)', [
        'json',
        'jsonl',
      ]);
      if (!path) return null;
      const items = await importKnownFile(p, path, leadName(ctx));
      changed();
      return { items, known: p.state.knownKeys().size };
    },
    'known:stats': async (): Promise<KnownStats> => {
      requireLeadRole(ctx, 'see known-answer accuracy');
      const p = requireProject(ctx);
      const known = [...p.state.knownKeys()];
      const out: KnownStats['annotators'] = [];
      for (const a of p.stableOrder()) {
        const days = new Map<string, { answered: number; hateCorrect: number }>();
        let answered = 0;
        let hateCorrect = 0;
        let exact = 0;
        for (const key of known) {
          const ans = p.state.current(a, key);
          const k = p.state.known(key);
          if (!ans || ans.hate === null || !k) continue;
          const s = scoreKnown(ans, k);
          answered++;
          if (s.hate) hateCorrect++;
          if (s.exact) exact++;
          const day = ans.at.slice(0, 10);
          const d = days.get(day) ?? { answered: 0, hateCorrect: 0 };
          d.answered++;
          if (s.hate) d.hateCorrect++;
          days.set(day, d);
        }
        if (answered === 0) continue;
        out.push({
          id: a,
          answered,
          hateCorrect,
          exact,
          byDay: [...days].sort(([x], [y]) => (x < y ? -1 : 1)).map(([day, d]) => ({ day, ...d })),
        });
      }
      return { items: known.length, annotators: out };
    },
  };
}
