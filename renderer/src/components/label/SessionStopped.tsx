type SessionStoppedProps = { labeled: number; hateful: number; onRestart: () => void };

/** The annotator chose to stop at the session cap. */
export function SessionStopped({ labeled, hateful, onRestart }: SessionStoppedProps) {
  return (
    <div className="empty-state card" data-testid="session-stopped">
      <h2>Session over</h2>
      <p>
        {labeled} memes labeled, {hateful} of them hateful. Your work is saved. Thank you, and take care.
      </p>
      <button type="button" onClick={onRestart}>
        Start another session
      </button>
    </div>
  );
}
