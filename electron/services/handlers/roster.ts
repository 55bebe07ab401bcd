// Roles: who leads. Lead mode (the lead lock: this app writes decisions and governance) is for
// the project's leads only; in a project without any lead yet, the first profile to ask becomes
// its lead, on the record. Leads give and take roles; every change is in governance.jsonl.
import type { RosterView } from '../../../shared/api';
import { assignees } from '../../../shared/assignment';
import { leadsOf } from '../../../shared/project';
import { itemKey } from '../../../shared/records';
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

/** The team with, when the project assigns memes, each member's assigned and labeled counts. */
function rosterView(ctx: Context): RosterView[] {
  const p = requireProject(ctx);
  const labeled = new Set(p.state.annotators);
  const rules = p.queueRules();
  const assigning = rules.pool.length > rules.target;
  const done = new Map<string, number>();
  const assigned = new Map<string, number>();
  for (const it of p.items) {
    for (const l of p.state.lines(it.id))
      if (l.hate !== null) done.set(l.annotator, (done.get(l.annotator) ?? 0) + 1);
    if (assigning && !p.state.known(it.id))
      for (const a of assignees(itemKey(it.id), rules.pool, rules.target, rules.seed))
        assigned.set(a, (assigned.get(a) ?? 0) + 1);
  }
  const view = (id: string, name: string, role: RosterView['role'], left: boolean): RosterView => ({
    id,
    name,
    role,
    labels: labeled.has(id),
    left,
    assigned: assigning && role === 'annotator' && !left ? (assigned.get(id) ?? 0) : null,
    done: done.get(id) ?? 0,
  });
  const out = p.config.roster.map((r) => view(r.id, r.name ?? '', r.role, !!r.left));
  for (const id of p.stableOrder())
    if (!out.some((r) => r.id === id)) out.push(view(id, '', 'annotator', false));
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
    'roster:setRole': async ({ annotator, role, left }) => {
      requireLead(ctx, 'change roles');
      await setRole(requireProject(ctx), annotator, role, leadName(ctx), left);
      ctx.emit('project:changed', { reason: 'roles', annotators: [] });
      return rosterView(ctx);
    },
  };
}
