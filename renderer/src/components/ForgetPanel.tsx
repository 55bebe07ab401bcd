import { useState } from 'react';
import { ConfirmDialog } from './Modal';
import { ErrorBanner } from './ErrorBanner';

type ForgetPanelProps = {
  what: string;
  disabled: boolean;
  onForget: (reason: string, requestedBy: string) => Promise<unknown>;
};

/** Forgetting needs a reason, who asked, and a confirmation: it cannot be undone. */
export function ForgetPanel({ what, disabled, onForget }: ForgetPanelProps) {
  const [reason, setReason] = useState('');
  const [requestedBy, setRequestedBy] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="forget">
      <h3>Forget {what}</h3>
      <div className="inline-form">
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="reason (e.g. erasure request #123)"
          disabled={disabled}
          aria-label="Reason"
          data-testid="forget-reason"
        />
        <input
          value={requestedBy}
          onChange={(e) => setRequestedBy(e.target.value)}
          placeholder="requested by"
          disabled={disabled}
          aria-label="Requested by"
          data-testid="forget-requested-by"
        />
        <button
          type="button"
          className="danger"
          disabled={disabled || !reason.trim()}
          onClick={() => setConfirming(true)}
          data-testid="forget-start"
        >
          Forget…
        </button>
      </div>
      <ErrorBanner message={error} />
      {confirming && (
        <ConfirmDialog
          testId="forget-confirm"
          title={`Forget ${what}?`}
          message={
            <p>
              Its image is deleted and it leaves every file of the project with every label and decision of
              it. Only a hash stays, so a re-import is refused. This cannot be undone.
            </p>
          }
          confirm="Forget"
          cancel="Cancel"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onForget(reason.trim(), requestedBy.trim() || 'not recorded').catch((e: Error) =>
              setError(e.message),
            );
          }}
        />
      )}
    </div>
  );
}
