import { useState } from 'react';
import type { Preferences, Settings } from '../../../shared/settings';
import { api } from '../api';
import { Modal } from './Modal';
import { ErrorBanner } from './ErrorBanner';

type PreferencesDialogProps = {
  prefs: Preferences;
  /** Annotators never see a colleague, so the names preference (review only) is the lead's. */
  lead: boolean;
  onSaved: (s: Settings) => void;
  onClose: () => void;
};

/** The user's preferences; Enter in a field saves them (a form), Esc cancels. */
export function PreferencesDialog({ prefs, lead, onSaved, onClose }: PreferencesDialogProps) {
  const [p, setP] = useState(prefs);
  const [error, setError] = useState<string | null>(null);
  const check = (key: keyof Preferences, label: string, help: string) => (
    <label className="pref">
      <input
        type="checkbox"
        checked={p[key] as boolean}
        onChange={(e) => setP({ ...p, [key]: e.target.checked })}
        data-testid={`pref-${key}`}
      />
      <span>
        {label}
        <small>{help}</small>
      </span>
    </label>
  );
  const num = (key: 'breakMinutes' | 'sessionCap', label: string, help: string) => (
    <label className="pref">
      <input
        type="number"
        min={0}
        value={p[key]}
        onChange={(e) => setP({ ...p, [key]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
        data-testid={`pref-${key}`}
      />
      <span>
        {label}
        <small>{help}</small>
      </span>
    </label>
  );
  const save = (): void =>
    void api()
      .settings.setPreferences(p)
      .then((s) => {
        onSaved(s);
        onClose();
      })
      .catch((e: Error) => setError(e.message));
  return (
    <Modal title="Preferences" onClose={onClose} testId="preferences">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="prefs">
          {check('blurImages', 'Blur images until revealed', 'Space reveals the current meme.')}
          {check(
            'greyscale',
            'Show images in greyscale',
            'Colour can make distressing content harder to look at.',
          )}
          {check('contentWarning', 'Content warning at the start of a session', '')}
          {num('breakMinutes', 'Break reminder after (minutes)', '0 turns reminders off.')}
          {num('sessionCap', 'Stop suggestion after (memes per session)', '0 means no cap.')}
          {lead &&
            check(
              'showAnnotatorNames',
              'Show annotator names in review',
              'Off: annotators appear as A, B, C.',
            )}
        </div>
        <ErrorBanner message={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" data-testid="save-preferences">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
