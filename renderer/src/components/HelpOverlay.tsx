import { ATTACK_LABELS, PC_LABELS, LABEL_KEYS, labelTitle, type Task } from '../../../shared/taxonomy';
import { KEYMAP, type Action, type Binding } from '../hotkeys';
import { Modal } from './Modal';

function labelRow(task: Task, labels: readonly string[], title: string) {
  return (
    <tr>
      <td>
        <kbd>{LABEL_KEYS[task][labels[0]].toUpperCase()}</kbd>–
        <kbd>{LABEL_KEYS[task][labels[labels.length - 1]].toUpperCase()}</kbd>
      </td>
      <td>
        {title}:{' '}
        {labels.map((l) => (
          <span key={l} className="key-label">
            <kbd>{LABEL_KEYS[task][l].toUpperCase()}</kbd> {labelTitle(l)}
          </span>
        ))}
      </td>
    </tr>
  );
}

type HelpOverlayProps = {
  onClose: () => void;
  /** The actions of the screen it is shown on: exactly the keys that work there. */
  actions: readonly Action[];
  /** What keys do differently on this screen. */
  descriptions?: Partial<Record<Action, string>>;
  /** What else the keys do on this screen (in a list, say), under the general rule. */
  note?: string;
};

const GROUPS: Binding['group'][] = ['Label', 'Review', 'Move', 'View'];

/** The shortcuts of one screen, straight from the keymap. */
export function HelpOverlay({ onClose, actions, descriptions = {}, note }: HelpOverlayProps) {
  const has = (a: string): boolean => actions.includes(a as Action);
  const groups = GROUPS.filter((g) => actions.some((a) => KEYMAP[a].group === g));
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide testId="help-overlay">
      {/* The shortcuts scroll inside the dialog on a short window; Close stays in view. The
          region takes the focus so the keyboard scrolls it too. */}
      <div
        className="modal-scroll"
        tabIndex={0}
        role="region"
        aria-label="Shortcuts"
        data-testid="help-scroll"
      >
        <p className="muted">
          Keys act while the page or the meme has the focus; a focused button or field takes its own keys (
          <kbd>Tab</kbd> moves between them, <kbd>Esc</kbd> leaves a field).
        </p>
        {note && (
          <p className="muted" data-testid="help-screen-note">
            {note}
          </p>
        )}
        <div className="help-grid">
          {groups.map((g) => (
            <section key={g}>
              <h3>{g}</h3>
              <table>
                <tbody>
                  {g === 'Label' &&
                    has('pc:race') &&
                    labelRow('pc', PC_LABELS, 'Categories (each implies hateful)')}
                  {g === 'Label' &&
                    has('attack:mocking') &&
                    labelRow('attack', ATTACK_LABELS, 'Attack types (each implies hateful)')}
                  {actions
                    .filter((a) => KEYMAP[a].group === g && !a.includes(':'))
                    .map((a) => (
                      <tr key={a} data-testid={`help-${a}`}>
                        <td>
                          <kbd>{KEYMAP[a].show}</kbd>
                        </td>
                        <td>{descriptions[a] ?? KEYMAP[a].description}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        {has('notHateful') && !descriptions.notHateful && (
          <p className="hint">
            Not hateful and move on: <kbd>N</kbd>. Hateful with one category and one attack: <kbd>H</kbd>{' '}
            <kbd>1</kbd> <kbd>Y</kbd> <kbd>Enter</kbd>.
          </p>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </Modal>
  );
}
