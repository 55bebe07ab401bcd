import type { ItemId } from '../../../../shared/records';
import { HATEFUL, labelTitle } from '../../../../shared/taxonomy';
import { labelsOf, type Draft } from '../../model';
import { ConfirmDialog } from '../Modal';

type KnownAnswerDialogProps = { id: ItemId; draft: Draft; onCancel: () => void; onConfirm: () => void };

/** Making a decision a meme's known answer names the meme and the labels that become the answer. */
export function KnownAnswerDialog({ id, draft, onCancel, onConfirm }: KnownAnswerDialogProps) {
  const l = labelsOf(draft);
  const list = (xs: readonly string[]): string => (xs.length ? xs.map(labelTitle).join(', ') : 'none');
  return (
    <ConfirmDialog
      testId="known-confirm"
      title={`Make meme #${String(id)} a known answer?`}
      message={
        <>
          <p>
            Its known answer becomes{' '}
            <strong data-testid="known-confirm-labels">
              {l.hate ? labelTitle(l.hate) : '—'}
              {l.hate === HATEFUL && ` · categories: ${list(l.pc)} · attacks: ${list(l.attack)}`}
            </strong>
            .
          </p>
          <p className="muted">
            It comes into every annotator&apos;s queue unannounced as a hidden test, is never a vote for gold,
            and leaves this review list. &ldquo;No longer a known answer&rdquo; undoes it.
          </p>
        </>
      }
      confirm={`Make #${String(id)} a known answer`}
      cancel="Cancel"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
