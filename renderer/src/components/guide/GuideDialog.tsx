import { useGuidelines } from '../../data/useGuidelines';
import { ErrorBanner } from '../ErrorBanner';
import { Modal } from '../Modal';
import { GuideView } from './GuideView';

type GuideDialogProps = {
  onClose: () => void;
  /** A lead can go on to edit them (the Guidelines screen). */
  onEdit?: () => void;
};

/** The whole guide on a key (`I`), for every annotator: read, scrolled by keyboard, closed with Esc. */
export function GuideDialog({ onClose, onEdit }: GuideDialogProps) {
  const guide = useGuidelines();
  return (
    <Modal
      title="Annotation guidelines"
      onClose={onClose}
      wide
      testId="guide-dialog"
      initialFocus=".guide-scroll"
    >
      <ErrorBanner message={guide.error} />
      <div className="guide-scroll" tabIndex={0} role="region" aria-label="The guidelines">
        {guide.data ? <GuideView guide={guide.data} /> : !guide.error && <p className="loading">Loading…</p>}
      </div>
      <div className="modal-actions">
        {onEdit && (
          <button type="button" onClick={onEdit} data-testid="guide-edit">
            Edit the guidelines
          </button>
        )}
        <button type="button" className="primary" onClick={onClose} data-testid="guide-close">
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </Modal>
  );
}
