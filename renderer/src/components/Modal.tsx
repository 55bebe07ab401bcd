import { createFocusTrap } from 'focus-trap';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type ModalProps = {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  wide?: boolean;
  testId?: string;
  /** CSS selector (inside the dialog) of the control that gets the focus first. */
  initialFocus?: string;
};

/**
 * A dialog over the screen. The focus moves into it and cannot leave it (Tab cycles inside);
 * Escape closes it when it can be closed; closing gives the focus back to where it was.
 */
export function Modal({ title, children, onClose, wide, testId, initialFocus }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Where the focus was before the dialog: read while rendering, since a control inside the dialog
  // with autoFocus takes the focus when the dialog is added, before the trap starts.
  const [opener] = useState(() => document.activeElement);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const first = (initialFocus && el.querySelector<HTMLElement>(initialFocus)) || undefined;
    const trap = createFocusTrap(el, {
      initialFocus:
        first ?? (() => el.querySelector<HTMLElement>('[autofocus], input, textarea, select, button') ?? el),
      fallbackFocus: el,
      // The focus moves in at once, not a tick later: an Enter pressed right after the dialog
      // opened would otherwise land on the button behind it (the one that opened it) and the
      // answer the dialog starts on would never be given.
      delayInitialFocus: false,
      escapeDeactivates: false,
      allowOutsideClick: false,
      returnFocusOnDeactivate: true,
      setReturnFocus: (before) => (opener instanceof HTMLElement && opener.isConnected ? opener : before),
    });
    trap.activate();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && onCloseRef.current) {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      trap.deactivate();
    };
  }, [initialFocus, opener]);
  return (
    <div className="modal-backdrop" role="presentation">
      <div
        ref={ref}
        className={`modal${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

type ConfirmProps = {
  title: string;
  message: ReactNode;
  confirm: string;
  cancel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /**
   * Irreversible: styled as dangerous, the focus starts on Cancel, and confirming needs the user
   * to type `typeToConfirm` first (when given).
   */
  danger?: boolean;
  typeToConfirm?: string;
  /**
   * The button that has the focus first (what Enter presses): the answer asked for by default;
   * always Cancel for a dangerous question.
   */
  focus?: 'confirm' | 'cancel';
};

/**
 * A question with two answers. Enter and Space press the focused button, whichever it is; the
 * focus starts on the safe answer for dangerous questions, on `focus` (by default the answer asked
 * for) otherwise.
 */
export function ConfirmDialog({
  title,
  message,
  confirm,
  cancel = 'Go back',
  onConfirm,
  onCancel,
  testId,
  danger,
  typeToConfirm,
  focus = 'confirm',
}: ConfirmProps) {
  const [typed, setTyped] = useState('');
  const ready = !typeToConfirm || typed.trim() === typeToConfirm;
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId={testId}
      initialFocus={danger || focus === 'cancel' ? '[data-role="cancel"]' : '[data-role="confirm"]'}
    >
      <div className="modal-body">{message}</div>
      {/* A form: Enter in the typed confirmation submits it, Enter on a button presses that button. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onConfirm();
        }}
      >
        {typeToConfirm && (
          <label className="type-to-confirm">
            <span>
              Type <code>{typeToConfirm}</code> to confirm
            </span>
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid={testId ? `${testId}-type` : undefined}
            />
          </label>
        )}
        <div className="modal-actions">
          <button
            type="button"
            onClick={onCancel}
            data-role="cancel"
            data-testid={testId ? `${testId}-cancel` : undefined}
          >
            {cancel} <kbd>Esc</kbd>
          </button>
          <button
            type="submit"
            className={danger ? 'danger' : 'primary'}
            disabled={!ready}
            data-role="confirm"
            data-testid={testId ? `${testId}-ok` : undefined}
          >
            {confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
