import { useRef } from 'react';
import { Modal } from '../../components/Modal';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onDone(ok: boolean): void;
}

/** Focus starts on Cancel for destructive actions, so Enter never deletes by accident. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onDone }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <Modal title={title} onCancel={() => onDone(false)} testId="confirm-dialog" initialFocus={danger ? cancel : confirm}
      footer={
        <>
          <button ref={confirm} className={`button ${danger ? 'danger' : 'primary'}`} onClick={() => onDone(true)} data-testid="dialog-confirm">{confirmLabel}</button>
          <button ref={cancel} className="button secondary" onClick={() => onDone(false)} data-testid="dialog-cancel">Cancel</button>
        </>
      }>
      <p className="dialog-message">{message}</p>
    </Modal>
  );
}
