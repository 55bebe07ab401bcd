import { ErrorBanner } from '../ErrorBanner';

type LeadOffProps = { onLeadOn: () => void; error: string | null };

/** Review needs lead mode: say why, and offer to turn it on. */
export function LeadOff({ onLeadOn, error }: LeadOffProps) {
  return (
    <div className="empty-state card" data-testid="lead-off">
      <h2>Review is for the lead</h2>
      <p>Lead mode lets this app write the project's decisions (adjudications.jsonl). One lead at a time.</p>
      <button type="button" className="primary" data-testid="lead-on" onClick={onLeadOn}>
        Turn on lead mode
      </button>
      <ErrorBanner message={error} />
    </div>
  );
}
