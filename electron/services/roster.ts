// Roles in a project: who leads. The roster lives in project.json (what every app reads) and
// every change is also a line in governance.jsonl (who changed whose role, and when), both
// written by a lead only.
import { leadsOf, type Role, type RosterEntry } from '../../shared/project';
import { UserError } from './errors';
import type { Project } from './project';

/**
 * Gives `annotator` a role (adding them to the roster if needed), recorded as `by`; `left`
 * records that they left the team (their assigned memes go to the others) or came back.
 */
export async function setRole(
  project: Project,
  annotator: string,
  role: Role,
  by: string,
  left?: boolean,
): Promise<void> {
  const leads = leadsOf(project.config);
  if ((role === 'annotator' || left) && leads.length === 1 && leads[0] === annotator)
    throw new UserError(`${annotator} is the only lead: give someone else the lead role first`);
  const at = new Date().toISOString();
  await project.appendGovernance({
    v: 1,
    type: 'role',
    annotator,
    role,
    by,
    at,
    ...(left !== undefined ? { left } : {}),
  });
  const update = (r: RosterEntry): RosterEntry => {
    const next: RosterEntry = { ...r, role };
    if (left === true) next.left = at;
    if (left === false) delete next.left;
    return next;
  };
  const roster = project.config.roster.some((r) => r.id === annotator)
    ? project.config.roster.map((r) => (r.id === annotator ? update(r) : r))
    : [...project.config.roster, update({ id: annotator, role })];
  await project.saveConfig({ ...project.config, roster });
}
