// Roles: who leads. Lead mode (the lead lock: this app writes decisions and governance) is for
// the project's leads only; in a project without any lead yet, the first profile to ask becomes
// its lead, on the record. Leads give and take roles; every change is in governance.jsonl.
import type { RosterView } from '../../../shared/api';
import { leadsOf } from '../../../shared/project';
import {
  leadName,
  requireAnnotator,
  requireLead,
  requireLeadRole,
  requireProject,
  type Context,
} from '../context';
import { UserError } from '../errors';
import { setRole } from '../roster';
import { openProject } from './project';
import type { DomainHandlers } from './types';

type RosterChannels = 'lead:set' | 'roster:list' | 'roster:setRole';

function rosterView(ctx: Context): RosterView[] {
  const p = requireProject(ctx);
  const labeled = new Set(p.state.annotators);
  const out: RosterView[] = p.config.roster.map((r) => ({
    id: r.id,
    name: r.name ?? '',
    role: r.role,
    labels: labeled.has(r.id),
  }));
  for (const id of p.stableOrder())
    if (!out.some((r) => r.id === id)) out.push({ id, name: '', role: 'annotator', labels: true });
  return out;
}

export function rosterHandlers(ctx: Context): DomainHandlers<RosterChannels> {
  return {
    'lead:set': async ({ on }) => {
      const p = requireProject(ctx);
      if (!on) return openProject(ctx, p.paths.dir, { lead: false });
      const me = requireAnnotator(ctx);
      const leads = leadsOf(p.config);
      if (leads.length > 0 && !leads.includes(me))
        throw new UserError(
          `only a lead of this project (${leads.join(', ')}) can turn on lead mode; a lead can give ${me} the lead role`,
        );
      const summary = await openProject(ctx, p.paths.dir, { lead: true });
      if (leads.length === 0) {
        // Nobody leads yet: the first to ask becomes the lead, recorded like any role change.
        await setRole(requireProject(ctx), me, 'lead', me);
        ctx.emit('project:changed', { reason: 'roles', annotators: [] });
        return { ...summary, role: 'lead', leads: [me] };
      }
      return summary;
    },
    'roster:list': async () => {
      requireLeadRole(ctx, 'see the team');
      return rosterView(ctx);
    },
    'roster:setRole': async ({ annotator, role }) => {
      requireLead(ctx, 'change roles');
      await setRole(requireProject(ctx), annotator, role, leadName(ctx));
      ctx.emit('project:changed', { reason: 'roles', annotators: [] });
      return rosterView(ctx);
    },
  };
}
