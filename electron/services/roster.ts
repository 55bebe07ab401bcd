// Roles in a project: who leads. The roster lives in project.json (what every app reads) and
// every change is also a line in governance.jsonl (who changed whose role, and when), both
// written by a lead only.
import { leadsOf, type Role } from '../../shared/project';
import { UserError } from './errors';
import type { Project } from './project';

/** Gives `annotator` a role (adding them to the roster if needed), recorded as `by`. */
export async function setRole(project: Project, annotator: string, role: Role, by: string): Promise<void> {
  const leads = leadsOf(project.config);
  if (role === 'annotator' && leads.length === 1 && leads[0] === annotator)
    throw new UserError(`${annotator} is the only lead: give someone else the lead role first`);
  await project.appendGovernance({ v: 1, type: 'role', annotator, role, by, at: new Date().toISOString() });
  const roster = project.config.roster.some((r) => r.id === annotator)
    ? project.config.roster.map((r) => (r.id === annotator ? { ...r, role } : r))
    : [...project.config.roster, { id: annotator, role }];
  await project.saveConfig({ ...project.config, roster });
}
