// The annotation guidelines: everyone reads the version this app shows (labels saved now are
// stamped with it); a lead in lead mode saves a new one; a lead sees every version with the
// votes made under it and their agreement, and reads any version that is kept.
import { requireLead, requireLeadRole, requireProject, type Context } from '../context';
import { viewOf } from '../guidelines';
import { guidelineVersions } from '../guidelineVersions';
import type { DomainHandlers } from './types';

type GuidelinesChannels = 'guidelines:get' | 'guidelines:save' | 'guidelines:versions' | 'guidelines:version';

export function guidelinesHandlers(ctx: Context): DomainHandlers<GuidelinesChannels> {
  return {
    'guidelines:get': async () => {
      const p = requireProject(ctx);
      // Another lead's save not seen by the watcher yet: shown now, and every view is told.
      if (await p.guidelines.refresh()) ctx.emit('project:changed', { reason: 'guidelines', annotators: [] });
      return viewOf(p.guidelines.current);
    },
    'guidelines:save': async ({ markdown, base }) => {
      requireLead(ctx, 'edit the guidelines');
      const doc = await requireProject(ctx).guidelines.save(markdown, base);
      ctx.emit('project:changed', { reason: 'guidelines', annotators: [] });
      return viewOf(doc);
    },
    'guidelines:versions': async ({ policy }) => {
      requireLeadRole(ctx, 'see the guideline versions and the labels made under each');
      return guidelineVersions(requireProject(ctx), policy);
    },
    'guidelines:version': async ({ version }) => {
      requireLeadRole(ctx, 'read earlier guideline versions');
      const doc = await requireProject(ctx).guidelines.read(version);
      return doc ? viewOf(doc) : null;
    },
  };
}
