import { useState } from 'react';
import type { ProjectSummary } from '../../../../shared/api';
import type { Role } from '../../../../shared/project';
import { api, call, messageOf } from '../../api';
import { useQuery } from '../../data/useQuery';
import { ErrorBanner } from '../ErrorBanner';

type TeamCardProps = { project: ProjectSummary; onProject: (p: ProjectSummary) => void };

/**
 * Who leads the project. Annotators see who their leads are; a project without a lead offers the
 * role to whoever asks first (on the record); leads give and take roles in lead mode.
 */
export function TeamCard({ project, onProject }: TeamCardProps) {
  const [error, setError] = useState<string | null>(null);
  const isLead = project.role === 'lead';
  const roster = useQuery('roster:list', undefined, { enabled: isLead, refreshOn: ['project:changed'] });
  const run = (p: Promise<unknown>): void =>
    void p.then(() => setError(null)).catch((e: unknown) => setError(messageOf(e)));
  const lead = (on: boolean): void => run(api().lead.set({ on }).then(onProject));
  const setRole = (annotator: string, role: Role): void =>
    run(call('roster:setRole', { annotator, role }).then((r) => roster.setData(r)));
  return (
    <section className="card" data-testid="team">
      <h2>Team</h2>
      {project.leads.length === 0 ? (
        <>
          <p>
            This project has no lead yet. The lead reviews disputed memes, exports the gold and looks after
            data rights; annotators label blind.
          </p>
          <button type="button" className="primary" onClick={() => lead(true)} data-testid="become-lead">
            Become this project&apos;s lead
          </button>
        </>
      ) : !isLead ? (
        <p data-testid="team-annotator">
          Lead{project.leads.length > 1 ? 's' : ''}: <strong>{project.leads.join(', ')}</strong>. You label
          blind: you see only your own labels and figures.
        </p>
      ) : (
        <>
          <p>
            You lead this project{project.lead ? ' (lead mode is on: this app writes decisions)' : ''}.{' '}
            <button type="button" onClick={() => lead(!project.lead)} data-testid="lead-toggle">
              {project.lead ? 'Turn off lead mode' : 'Turn on lead mode'}
            </button>
          </p>
          <table className="roster" data-testid="roster">
            <thead>
              <tr>
                <th>Person</th>
                <th>Role</th>
              </tr>
            </thead>
            <tbody>
              {(roster.data ?? [])
                .filter((r) => r.role !== 'imported')
                .map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.id} {r.name && <span className="muted">{r.name}</span>}
                    </td>
                    <td>
                      <select
                        value={r.role}
                        disabled={!project.lead}
                        aria-label={`Role of ${r.id}`}
                        onChange={(e) => setRole(r.id, e.target.value as Role)}
                        data-testid={`role-${r.id}`}
                      >
                        <option value="annotator">annotator</option>
                        <option value="lead">lead</option>
                      </select>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
      <ErrorBanner message={error ?? roster.error} />
    </section>
  );
}
