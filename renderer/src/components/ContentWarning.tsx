import { useEffect } from 'react';
import { hotkeysAllowedAt } from '../hotkeys';

type ContentWarningProps = { onContinue: () => void };

/** Shown before each labeling session (a preference): what is ahead, and how to protect yourself. */
export function ContentWarning({ onContinue }: ContentWarningProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // Enter on the page continues; a focused control (the header's Preferences, a dialog's
      // button) keeps its own Enter, and the continue button presses itself.
      if (e.key === 'Enter' && !e.repeat && !e.defaultPrevented && hotkeysAllowedAt(e.target, e.key)) {
        e.preventDefault();
        onContinue();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onContinue]);
  return (
    <div className="content-warning card" data-testid="content-warning">
      <h2>Content warning</h2>
      <p>
        The memes in this project may contain hate speech, slurs and violent or dehumanising imagery. Labeling
        them helps build systems that protect people, and it can still hurt.
      </p>
      <ul>
        <li>Images stay blurred until you reveal them (Space), if that preference is on.</li>
        <li>
          <kbd>D</kbd> skips a meme as distressing. No reason is needed and it never counts against you.
        </li>
        <li>Break reminders come up regularly; take them.</li>
      </ul>
      <button
        type="button"
        className="primary"
        onClick={onContinue}
        data-testid="content-warning-continue"
        autoFocus
      >
        I understand, start labeling <kbd>Enter</kbd>
      </button>
    </div>
  );
}
