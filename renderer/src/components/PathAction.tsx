import { useState } from 'react';
import { ErrorBanner } from './ErrorBanner';

type PathActionProps = {
  label: string;
  /** Electron: a native save dialog picks the path; browser mode: the path is typed. */
  dialogs: boolean;
  defaultPath: string;
  run: (out: string | undefined) => Promise<{ out: string } | null>;
  testId?: string;
};

/** A button that writes a file, showing where it went. */
export function PathAction({ label, dialogs, defaultPath, run, testId }: PathActionProps) {
  const [path, setPath] = useState(defaultPath);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = (): void => {
    setError(null);
    run(dialogs ? undefined : path)
      .then((r) => setDone(r ? r.out : null))
      .catch((e: Error) => setError(e.message));
  };
  return (
    <div className="path-action">
      {!dialogs && (
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          aria-label={`${label} path`}
          data-testid={testId ? `${testId}-path` : undefined}
        />
      )}
      <button type="button" onClick={go} data-testid={testId}>
        {label}
      </button>
      {done && <span className="ok">saved to {done}</span>}
      <ErrorBanner message={error} />
    </div>
  );
}
