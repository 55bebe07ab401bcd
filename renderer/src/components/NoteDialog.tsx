import { useState } from 'react';
import { Modal } from './Modal';

type NoteDialogProps = {
  initial: string;
  onSave: (note: string) => void;
  onCancel: () => void;
};

/** A free-text note kept with the label. Ctrl+Enter keeps it, Escape drops the edit. */
export function NoteDialog({ initial, onSave, onCancel }: NoteDialogProps) {
  const [text, setText] = useState(initial);
  return (
    <Modal title="Note for this meme" onClose={onCancel} testId="note-dialog">
      <textarea
        className="note-input"
        value={text}
        maxLength={5000}
        rows={5}
        autoFocus
        aria-label="Note"
        data-testid="note-text"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSave(text);
          }
        }}
        placeholder="Why you chose this, what is unclear…"
      />
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="button" className="primary" onClick={() => onSave(text)}>
          Keep note <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
