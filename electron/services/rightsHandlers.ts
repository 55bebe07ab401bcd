// Channels of data rights: provenance, forgetting, audit. The lead writes; everyone may read.
import type { RightsItem } from '../../shared/api';
import { provenanceCounts } from '../../shared/governance';
import type { ItemId } from '../../shared/records';
import { auditProject } from './audit';
import type { Backend, Handlers } from './backend';
import { UserError } from './backend';
import { forgetAnnotator, forgetItem, purgeFile, mentionsItem } from './forget';
import { importProvenance, setProvenance } from './provenance';

type RightsChannels =
  | 'rights:summary'
  | 'rights:item'
  | 'rights:setProvenance'
  | 'rights:importProvenance'
  | 'rights:forget'
  | 'rights:forgetAnnotator'
  | 'rights:audit';

export function rightsHandlers(b: Backend): Pick<Handlers, RightsChannels> {
  const requireLead = (): void => {
    if (!b.lead) throw new UserError('turn on lead mode to change provenance or forget data');
  };
  const who = (): string => b.annotator() ?? 'lead';
  const rightsItem = (id: ItemId): RightsItem => {
    const p = b.requireProject();
    const item = p.item(id);
    if (!item) throw new UserError(`no item ${String(id)} in this project`);
    const history = (p.governance.history.get(String(item.id)) ?? []).map((e) => ({
      at: e.at,
      by: e.by,
      via: e.via,
      set: e.set,
    }));
    return { item: b.itemView(item.id), provenance: { ...item.provenance }, history };
  };
  const forgetDone = (): void => {
    b.resetCaches();
    b.emit('project:changed', { reason: 'forget', annotators: [] });
  };
  return {
    'rights:summary': async () => {
      const p = b.requireProject();
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
    'rights:item': async ({ id }) => rightsItem(id),
    'rights:setProvenance': async ({ id, set }) => {
      requireLead();
      await setProvenance(b.requireProject(), id, set, who());
      return rightsItem(id);
    },
    'rights:importProvenance': async ({ file }) => {
      requireLead();
      const path =
        file ??
        (await b.platform.chooseFile?.('Import provenance (CSV or JSONL, keyed by id)', [
          'csv',
          'jsonl',
          'json',
        ]));
      if (!path) return null;
      return importProvenance(b.requireProject(), path, who());
    },
    'rights:forget': async ({ id, reason, requestedBy }) => {
      requireLead();
      const r = await forgetItem(b.requireProject(), id, { reason, requestedBy, by: who() });
      forgetDone();
      return { rewritten: r.rewritten, deleted: r.deleted, deferred: r.deferred };
    },
    'rights:forgetAnnotator': async ({ annotator, reason, requestedBy }) => {
      requireLead();
      const r = await forgetAnnotator(b.requireProject(), annotator, { reason, requestedBy, by: who() });
      forgetDone();
      return { rewritten: r.rewritten, deleted: r.deleted, deferred: r.deferred };
    },
    'rights:audit': async () => auditProject(b.requireProject().paths.dir),
  };
}

/**
 * An annotator's app on seeing new tombstones: purges its own file (through its own writer, so
 * no save is lost) and forgets the items in memory. Nobody else rewrites that file.
 */
export async function purgeOwnFile(b: Backend, hashes: string[]): Promise<boolean> {
  const p = b.project;
  const annotator = b.annotator();
  if (!p || !annotator || hashes.length === 0) return false;
  const drop = (v: unknown): boolean => hashes.some((h) => mentionsItem(v, h));
  const file = p.paths.annotationFile(annotator);
  const r = await purgeFile(p, file, drop);
  await purgeFile(p, `${file}.corrupt`, drop);
  if (r === 'rewritten') await p.reloadAnnotations(annotator);
  return r === 'rewritten';
}
