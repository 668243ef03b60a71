import { useRef } from 'react';
import { Modal } from '../../components/Modal';
import type { Choice } from '../../store/dialogs/store';

interface Props {
  title: string;
  message: string;
  choices: readonly Choice[];
  onDone(id: string): void;
}

/** Save / Don't save / Cancel, Overwrite / Take theirs / Cancel: Esc is always 'cancel'. When the primary choice
 * destroys something (Overwrite), the focus starts on Cancel, so an Enter pressed out of habit loses nothing. */
export function ChoiceDialog({ title, message, choices, onDone }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const risky = choices.some((c) => c.primary && c.danger) && choices.some((c) => c.id === 'cancel');
  return (
    <Modal title={title} onCancel={() => onDone('cancel')} testId="choice-dialog" width={500} initialFocus={risky ? cancel : undefined}
      footer={choices.map((c) => (
        <button key={c.id} ref={c.id === 'cancel' ? cancel : undefined}
          className={`button ${c.primary ? (c.danger ? 'danger' : 'primary') : c.danger ? 'secondary danger-text' : 'secondary'}`}
          onClick={() => onDone(c.id)} data-testid={`choice-${c.id}`}>
          {c.label}
        </button>
      ))}>
      <p className="dialog-message">{message}</p>
    </Modal>
  );
}
