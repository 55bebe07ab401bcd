import { useId, useState } from 'react';
import { ANNOTATOR_ID_HELP, isAnnotatorId } from '../../../../shared/ids';
import type { Settings } from '../../../../shared/settings';
import { byTestId, focusAfterward } from '../../focus';

type ProfilesCardProps = {
  annotators: Settings['annotators'];
  current: string | null;
  onSelect: (id: string) => void;
  /** Resolves true when the profile was made (the form then clears). */
  onCreate: (id: string, name: string) => Promise<boolean>;
};

/** Step 1 of the start screen: choose or add the annotator who labels on this machine. */
export function ProfilesCard({ annotators, current, onSelect, onCreate }: ProfilesCardProps) {
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  // The id refused last, with what a valid one looks like: said before any request is made.
  const [refused, setRefused] = useState<string | null>(null);
  const helpId = useId();
  return (
    <section className="card" data-testid="profiles">
      <h2>1. Who is labeling?</h2>
      <p className="muted">Each annotator writes only their own file, so a team can share one folder.</p>
      <ul className="choice-list">
        {annotators.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={a.id === current ? 'on' : ''}
              onClick={() => onSelect(a.id)}
              data-testid={`profile-${a.id}`}
            >
              <strong>{a.id}</strong> {a.name && <span className="muted">{a.name}</span>}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const id = newId.trim();
          if (!isAnnotatorId(id)) {
            setRefused(id);
            return;
          }
          setRefused(null);
          const refocus = focusAfterward();
          void onCreate(id, newName.trim()).then((made) => {
            if (!made) return;
            setNewId('');
            setNewName('');
            // The form empties and Add profile turns off: the keyboard goes on from the new profile.
            refocus(() => byTestId(`profile-${id}`));
          });
        }}
      >
        <input
          value={newId}
          onChange={(e) => {
            setNewId(e.target.value);
            setRefused(null);
          }}
          placeholder="id, e.g. ann-a"
          aria-label="New annotator id"
          aria-invalid={refused !== null}
          aria-describedby={refused !== null ? helpId : undefined}
          data-testid="new-profile-id"
        />
        <input
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          placeholder="name (optional)"
          aria-label="Name"
        />
        <button type="submit" disabled={!newId.trim()} data-testid="create-profile">
          Add profile
        </button>
      </form>
      {refused !== null && (
        <p className="hint" id={helpId} role="alert" data-testid="profile-id-invalid">
          &ldquo;{refused}&rdquo; cannot be an annotator id. An id has {ANNOTATOR_ID_HELP}.
        </p>
      )}
    </section>
  );
}
