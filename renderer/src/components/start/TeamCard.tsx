import { useState } from 'react';
import type { ProjectSummary } from '../../../../shared/api';
import type { Role } from '../../../../shared/project';
import { api, call, messageOf } from '../../api';
import { useQuery } from '../../data/useQuery';
import { byTestId, focusAfterward } from '../../focus';
import { ErrorBanner } from '../ErrorBanner';
import { ConfirmDialog } from '../Modal';

/** A change of someone's role or membership, waiting for the lead to confirm it. */
type Pending = { annotator: string; role: Role; left?: boolean };

/** What a change does to the person, said before it is made. */
function pendingText(p: Pending): { title: string; message: string; confirm: string } {
  if (p.left === true)
    return {
      title: `Mark ${p.annotator} as having left the team?`,
      message: `${p.annotator}'s labels are kept. The memes assigned to ${p.annotator} move on to other members; no one else's memes move.`,
      confirm: `Mark ${p.annotator} as left`,
    };
  if (p.left === false)
    return {
      title: `Bring ${p.annotator} back onto the team?`,
      message: `Memes are assigned to ${p.annotator} again, as to everyone on the team.`,
      confirm: `Bring ${p.annotator} back`,
    };
  return p.role === 'lead'
    ? {
        title: `Make ${p.annotator} a lead?`,
        message: `A lead sees every annotator's labels and figures, reviews disputed memes, exports the gold and looks after data rights.`,
        confirm: `Make ${p.annotator} a lead`,
      }
    : {
        title: `Make ${p.annotator} an annotator?`,
        message: `${p.annotator} will no longer lead: they label blind and see only their own labels and figures.`,
        confirm: `Make ${p.annotator} an annotator`,
      };
}

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
  const lead = (on: boolean): void => {
    // "Become this project's lead" gives way to the lead-mode switch: the focus goes there.
    const refocus = focusAfterward();
    run(
      api()
        .lead.set({ on })
        .then(onProject)
        .then(() => refocus(() => byTestId('lead-toggle'))),
    );
  };
  const setRole = (annotator: string, role: Role, left?: boolean): void =>
    run(
      call('roster:setRole', { annotator, role, ...(left !== undefined ? { left } : {}) }).then((r) =>
        roster.setData(r),
      ),
    );
  const [newMember, setNewMember] = useState('');
  // Roles and membership change what people see and which memes they get: asked first. The
  // select and checkbox stay as they are (they show the roster) until the change is confirmed.
  const [pending, setPending] = useState<Pending | null>(null);
  const assigning = (roster.data ?? []).some((r) => r.assigned !== null);
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
                <th title="Memes assigned to them (when the roster has more annotators than the target per meme)">
                  {assigning ? 'Assigned' : 'Assignment'}
                </th>
                <th>Labeled</th>
                <th>On the team</th>
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
                        onChange={(e) => setPending({ annotator: r.id, role: e.target.value as Role })}
                        data-testid={`role-${r.id}`}
                      >
                        <option value="annotator">annotator</option>
                        <option value="lead">lead</option>
                      </select>
                    </td>
                    <td data-testid={`assigned-${r.id}`}>
                      {r.assigned === null ? '—' : r.assigned.toLocaleString()}
                    </td>
                    <td data-testid={`done-${r.id}`}>{r.done.toLocaleString()}</td>
                    <td>
                      <input
                        type="checkbox"
                        checked={!r.left}
                        disabled={!project.lead || r.role === 'imported'}
                        aria-label={`${r.id} is on the team`}
                        onChange={(e) =>
                          setPending({
                            annotator: r.id,
                            role: r.role === 'lead' ? 'lead' : 'annotator',
                            left: !e.target.checked,
                          })
                        }
                        data-testid={`member-${r.id}`}
                      />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (newMember.trim()) setRole(newMember.trim(), 'annotator');
              setNewMember('');
            }}
          >
            <input
              value={newMember}
              onChange={(e) => setNewMember(e.target.value)}
              placeholder="annotator id"
              aria-label="Add an annotator to the roster"
              disabled={!project.lead}
              data-testid="add-member"
            />
            <button type="submit" disabled={!project.lead || !newMember.trim()}>
              Add to the roster
            </button>
          </form>
          <p className="muted">
            With more annotators on the roster than {project.targetAnnotators} per meme, each meme is assigned
            to {project.targetAnnotators} of them, the same way on every machine; someone who leaves hands
            only their memes on.
          </p>
        </>
      )}
      <ErrorBanner message={error ?? roster.error} />
      {pending && (
        <ConfirmDialog
          {...pendingText(pending)}
          cancel="Keep as is"
          testId="team-confirm"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setRole(pending.annotator, pending.role, pending.left);
            setPending(null);
          }}
        />
      )}
    </section>
  );
}
