import type { SaveStatus } from '../model';

type SaveIndicatorProps = { status: SaveStatus };

/**
 * "Saved" appears only once the backend confirms the line is fsynced; after an undo it says what
 * was taken back, on which meme (announced, as the meme on display changes with it).
 */
export function SaveIndicator({ status }: SaveIndicatorProps) {
  const text =
    status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? 'Saved ✓'
        : status.state === 'error'
          ? 'Not saved'
          : status.state === 'undone'
            ? `Undone: “${status.what}” on meme #${String(status.item)}`
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
