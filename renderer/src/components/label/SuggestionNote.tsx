import type { Suggestion } from '../../../../shared/suggestions';
import type { SuggestionMode } from '../../../../shared/project';
import { labelTitle } from '../../../../shared/taxonomy';

type SuggestionNoteProps = { suggestion: Suggestion; mode: Exclude<SuggestionMode, 'off'> };

/**
 * What the model suggests for this meme, said plainly as a model's guess; announced when it
 * appears (after the annotator's own first answer, in that mode).
 */
export function SuggestionNote({ suggestion: s, mode }: SuggestionNoteProps) {
  const labels = [...s.pc, ...s.attack].map(labelTitle).join(', ');
  return (
    <p className="suggestion" role="status" data-testid="suggestion">
      {mode === 'preselect' ? 'Pre-selected from the model' : 'The model suggests'}:{' '}
      <strong>{labelTitle(s.hate)}</strong>
      {labels && ` · ${labels}`} <span className="muted">(P(hateful) = {s.pHateful.toFixed(2)})</span>
    </p>
  );
}
