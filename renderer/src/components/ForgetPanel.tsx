import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './Modal';
import { ErrorBanner } from './ErrorBanner';

type ForgetPanelProps = {
  what: string;
  disabled: boolean;
  /** What will be deleted, shown in the confirmation (thumbnail, id, text). */
  preview?: ReactNode;
  /** The text the lead types to confirm (the meme's id). */
  confirmText: string;
  /** What forgetting does, in the confirmation (a meme's by default). */
  consequence?: ReactNode;
  /** Prefix of the controls' test ids ("forget": forget-reason, forget-start…). */
  idPrefix?: string;
  onForget: (reason: string, requestedBy: string) => Promise<unknown>;
};

const MEME_CONSEQUENCE =
  'Its image is deleted and it leaves every file of the project with every label and decision of it. Only a hash stays, so a re-import is refused.';

/**
 * Forgetting needs a reason, who asked, and a deliberate confirmation: the dialog shows what will
 * be deleted, starts on Cancel, and the id must be typed before Forget can be pressed.
 */
export function ForgetPanel({
  what,
  disabled,
  preview,
  confirmText,
  consequence = MEME_CONSEQUENCE,
  idPrefix = 'forget',
  onForget,
}: ForgetPanelProps) {
  const [reason, setReason] = useState('');
  const [requestedBy, setRequestedBy] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="forget">
      <h3>Forget {what}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled && reason.trim()) setConfirming(true);
        }}
      >
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="reason (e.g. erasure request #123)"
          disabled={disabled}
          aria-label="Reason"
          data-testid={`${idPrefix}-reason`}
        />
        <input
          value={requestedBy}
          onChange={(e) => setRequestedBy(e.target.value)}
          placeholder="requested by"
          disabled={disabled}
          aria-label="Requested by"
          data-testid={`${idPrefix}-requested-by`}
        />
        <button
          type="submit"
          className="danger"
          disabled={disabled || !reason.trim()}
          data-testid={`${idPrefix}-start`}
        >
          Forget…
        </button>
      </form>
      <ErrorBanner message={error} />
      {confirming && (
        <ConfirmDialog
          testId={`${idPrefix}-confirm`}
          danger
          typeToConfirm={confirmText}
          title={`Forget ${what}? This cannot be undone.`}
          message={
            <>
              {preview && <div className="forget-preview">{preview}</div>}
              <p>{consequence}</p>
              <p className="muted">Reason: {reason.trim()}</p>
            </>
          }
          confirm="Forget for good"
          cancel="Cancel"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            setError(null);
            onForget(reason.trim(), requestedBy.trim() || 'not recorded').catch((e: Error) =>
              setError(e.message),
            );
          }}
        />
      )}
    </div>
  );
}
