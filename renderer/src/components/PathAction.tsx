import { useState } from 'react';
import type { SaveTarget } from '../../../shared/api';
import { ErrorBanner } from './ErrorBanner';

export type SaveTo = { handle: string } | { name: string };

type PathActionProps = {
  label: string;
  /** Electron: main's save dialog picks the place (the page gets a handle); browser mode: a name. */
  dialogs: boolean;
  /** Browser mode: the file name proposed (saved in the project's exports folder). */
  defaultName: string;
  /** What the name is saved as, for the field's label (".html"). */
  extension: string;
  choose: () => Promise<SaveTarget | null>;
  run: (to: SaveTo) => Promise<{ out: string }>;
  testId?: string;
};

/** A button that writes a file, showing where it went. The page never names a path. */
export function PathAction({ label, dialogs, defaultName, extension, choose, run, testId }: PathActionProps) {
  const [name, setName] = useState(defaultName);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async (): Promise<void> => {
    // The last message goes first: a second save to the same name shows (and announces) anew.
    setError(null);
    setDone(null);
    try {
      let to: SaveTo = { name };
      if (dialogs) {
        const target = await choose();
        if (!target) return;
        to = { handle: target.handle };
      }
      setDone((await run(to)).out);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form
      className="path-action"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      {!dialogs && (
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setDone(null);
          }}
          aria-label={`${label}: file name (saved as ${extension} in the project's exports folder)`}
          data-testid={testId ? `${testId}-name` : undefined}
        />
      )}
      <button type="submit" disabled={!dialogs && !name.trim()} data-testid={testId}>
        {dialogs ? `${label}…` : label}
      </button>
      {done && (
        <span className="ok" role="status" data-testid={testId ? `${testId}-done` : undefined}>
          saved to {done}
        </span>
      )}
      <ErrorBanner message={error} testId={testId ? `${testId}-error` : undefined} />
    </form>
  );
}
