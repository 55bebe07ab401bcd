import type { KnownFeedback } from '../../../../shared/api';
import { labelTitle } from '../../../../shared/taxonomy';
import { Modal } from '../Modal';

type QualificationFeedbackProps = {
  feedback: KnownFeedback;
  /** Label definitions from the project's guidelines, by label id (may be empty). */
  definitions: Record<string, string>;
  onContinue: () => void;
};

/**
 * Feedback in a qualification round: the known answer, and for every label missed or added, its
 * definition from the guidelines, so a new annotator learns the taxonomy on real memes.
 */
export function QualificationFeedback({ feedback: f, definitions, onContinue }: QualificationFeedbackProps) {
  const explain = (l: string) => (
    <li key={l}>
      <strong>{labelTitle(l)}</strong>
      {definitions[l] ? `: ${definitions[l]}` : ''}
    </li>
  );
  return (
    <Modal
      title={f.correct ? 'Qualification: right' : 'Qualification: not quite'}
      onClose={onContinue}
      testId="qualification-feedback"
    >
      <p>
        The known answer: <strong>{labelTitle(f.expected.hate)}</strong>
        {[...f.expected.pc, ...f.expected.attack].length > 0 &&
          ` · ${[...f.expected.pc, ...f.expected.attack].map(labelTitle).join(', ')}`}
        .
      </p>
      {f.missed.length > 0 && (
        <>
          <p>You missed:</p>
          <ul data-testid="qualification-missed">{f.missed.map(explain)}</ul>
        </>
      )}
      {f.extra.length > 0 && (
        <>
          <p>You added:</p>
          <ul data-testid="qualification-extra">{f.extra.map(explain)}</ul>
        </>
      )}
      <p className="muted">
        {f.remaining > 0
          ? `${f.remaining} more to go in the qualification round.`
          : 'That was the last one: your queue starts now.'}
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onContinue} data-testid="qualification-continue">
          Continue <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
