import { useEffect, useRef, type ReactNode } from 'react';

type ModalProps = {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  wide?: boolean;
  testId?: string;
};

/** A dialog over the screen. Focus moves into it; Escape closes it when it can be closed. */
export function Modal({ title, children, onClose, wide, testId }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    const focusable = el?.querySelector<HTMLElement>('[autofocus], button, textarea, input');
    focusable?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && onClose) {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="modal-backdrop" role="presentation">
      <div
        ref={ref}
        className={`modal${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
        <h2>{title}</h2>
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
};

/** Enter confirms, Escape cancels. */
export function ConfirmDialog({
  title,
  message,
  confirm,
  cancel = 'Go back',
  onConfirm,
  onCancel,
  testId,
}: ConfirmProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Enter' && !e.repeat) {
        e.preventDefault();
        e.stopPropagation();
        onConfirm();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onConfirm]);
  return (
    <Modal title={title} onClose={onCancel} testId={testId}>
      <div className="modal-body">{message}</div>
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {cancel} <kbd>Esc</kbd>
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {confirm} <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
