import type { SaveStatus } from '../model';

type SaveIndicatorProps = { status: SaveStatus };

/** "Saved" appears only once the backend confirms the line is fsynced. */
export function SaveIndicator({ status }: SaveIndicatorProps) {
  const text =
    status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? 'Saved ✓'
        : status.state === 'error'
          ? 'Not saved'
          : '';
  return (
    <span
      className={`save-indicator ${status.state}`}
      data-testid="saved-indicator"
      data-state={status.state}
      role="status"
      aria-live="polite"
    >
      {text}
    </span>
  );
}
