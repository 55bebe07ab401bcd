// Data rights: provenance, forgetting, audit. The lead writes; everyone may read.
import type { RightsItem } from '../../../shared/api';
import { provenanceCounts } from '../../../shared/governance';
import type { ItemId } from '../../../shared/records';
import { auditProject } from '../audit';
import { leadName, requireLead, requireLeadRole, requireProject, type Context } from '../context';
import { UserError } from '../errors';
import { readSource } from '../fileAccess';
import { forgetAnnotator, forgetItem } from '../forget';
import { importProvenance, setProvenance } from '../provenance';
import { itemView } from './labeling';
import type { DomainHandlers } from './types';

type RightsChannels =
  | 'rights:summary'
  | 'rights:item'
  | 'rights:setProvenance'
  | 'rights:importProvenance'
  | 'rights:forget'
  | 'rights:forgetAnnotator'
  | 'rights:audit';

const WHAT = 'change provenance or forget data';

function rightsItem(ctx: Context, id: ItemId): RightsItem {
  const p = requireProject(ctx);
  const item = p.item(id);
  if (!item) throw new UserError(`no item ${String(id)} in this project`);
  const history = (p.governance.history.get(String(item.id)) ?? []).map((e) => ({
    at: e.at,
    by: e.by,
    via: e.via,
    set: e.set,
  }));
  return { item: itemView(ctx, item.id), provenance: { ...item.provenance }, history };
}

export function rightsHandlers(ctx: Context): DomainHandlers<RightsChannels> {
  const forgotten = (): void => {
    ctx.invalidate();
    ctx.emit('project:changed', { reason: 'forget', annotators: [] });
  };
  return {
    'rights:summary': async () => {
      requireLeadRole(ctx, 'see data rights');
      const p = requireProject(ctx);
      return {
        counts: provenanceCounts(p.items),
        items: p.items.length,
        withProvenance: p.items.filter((i) => i.provenance && Object.keys(i.provenance).length > 0).length,
        tombstones: p.governance.tombstones.map((t) => ({
          scope: t.scope,
          hash: t.hash.slice(0, 12),
          reason: t.reason,
          requested_by: t.requested_by,
          by: t.by,
          at: t.at,
        })),
      };
    },
    'rights:item': async ({ id }) => {
      requireLeadRole(ctx, 'see data rights');
      return rightsItem(ctx, id);
    },
    'rights:setProvenance': async ({ id, set }) => {
      requireLead(ctx, WHAT);
      await setProvenance(requireProject(ctx), id, set, leadName(ctx));
      return rightsItem(ctx, id);
    },
    'rights:importProvenance': async ({ file }) => {
      requireLead(ctx, WHAT);
      const path = await readSource(ctx, file, 'Import provenance (CSV or JSONL, keyed by id)', [
        'csv',
        'jsonl',
        'json',
      ]);
      if (!path) return null;
      return importProvenance(requireProject(ctx), path, leadName(ctx));
    },
    'rights:forget': async ({ id, reason, requestedBy }) => {
      requireLead(ctx, WHAT);
      const r = await forgetItem(requireProject(ctx), id, { reason, requestedBy, by: leadName(ctx) });
      forgotten();
      return { rewritten: r.rewritten, deleted: r.deleted, deferred: r.deferred };
    },
    'rights:forgetAnnotator': async ({ annotator, reason, requestedBy }) => {
      requireLead(ctx, WHAT);
      const r = await forgetAnnotator(requireProject(ctx), annotator, {
        reason,
        requestedBy,
        by: leadName(ctx),
      });
      forgotten();
      return { rewritten: r.rewritten, deleted: r.deleted, deferred: r.deferred };
    },
    'rights:audit': async () => {
      requireLeadRole(ctx, 'run the audit');
      return auditProject(requireProject(ctx).paths.dir);
    },
  };
}
