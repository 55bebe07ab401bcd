import { useState } from 'react';
import type { ForgetSummary } from '../../../../shared/api';
import { api } from '../../api';
import { byTestId, focusAfterward } from '../../focus';
import { ForgetPanel } from '../ForgetPanel';

type ForgetAnnotatorProps = {
  /** The project's annotators, in its stable order. */
  annotators: readonly string[];
  disabled: boolean;
  onForgotten: (r: ForgetSummary) => void;
};

/**
 * Forgetting a person who labeled (an erasure request, consent withdrawn): chosen from the
 * project's annotators, then the same reason, who asked and typed confirmation as for a meme.
 */
export function ForgetAnnotator({ annotators, disabled, onForgotten }: ForgetAnnotatorProps) {
  const [chosen, setChosen] = useState('');
  const id = annotators.includes(chosen) ? chosen : '';
  return (
    <section className="card" aria-labelledby="forget-annotator-heading">
      <h2 id="forget-annotator-heading">One annotator</h2>
      <label className="inline-form">
        <span>Annotator</span>
        <select
          value={id}
          onChange={(e) => setChosen(e.target.value)}
          disabled={disabled || annotators.length === 0}
          data-testid="forget-annotator-id"
        >
          <option value="">choose…</option>
          {annotators.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {id && (
        <ForgetPanel
          key={id}
          what={`annotator ${id}`}
          disabled={disabled}
          confirmText={id}
          idPrefix="forget-annotator"
          consequence="Their file is deleted and every label, decision and mention of them leaves every file of the project; the gold and the statistics are computed without them. Only a hash stays, so their labels are never imported again."
          onForget={(reason, requestedBy) => {
            // The form goes with the annotator: the focus goes to what forgetting did.
            const refocus = focusAfterward();
            return api()
              .rights.forgetAnnotator({ annotator: id, reason, requestedBy })
              .then((r) => {
                setChosen('');
                onForgotten(r);
                refocus(() => byTestId('forget-result'));
              });
          }}
        />
      )}
    </section>
  );
}
