import { ATTACK_LABELS, PC_LABELS, LABEL_KEYS, labelTitle, type Task } from '../../../shared/taxonomy';
import { KEYMAP, type Binding } from '../hotkeys';
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

type HelpOverlayProps = { onClose: () => void; groups?: Binding['group'][] };

/** Every shortcut, straight from the keymap. */
export function HelpOverlay({ onClose, groups = ['Label', 'Move', 'View'] }: HelpOverlayProps) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide testId="help-overlay">
      <div className="help-grid">
        {groups.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <table>
              <tbody>
                {g === 'Label' && labelRow('pc', PC_LABELS, 'Categories (each implies hateful)')}
                {g === 'Label' && labelRow('attack', ATTACK_LABELS, 'Attack types (each implies hateful)')}
                {Object.entries(KEYMAP)
                  .filter(([action, b]) => b.group === g && !action.includes(':'))
                  .map(([action, b]) => (
                    <tr key={action}>
                      <td>
                        <kbd>{b.show}</kbd>
                      </td>
                      <td>{b.description}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <p className="hint">
        Not hateful and move on: <kbd>N</kbd>. Hateful with one category and one attack: <kbd>H</kbd>{' '}
        <kbd>1</kbd> <kbd>Y</kbd> <kbd>Enter</kbd>.
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </Modal>
  );
}
