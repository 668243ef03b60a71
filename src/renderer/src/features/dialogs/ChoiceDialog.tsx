import { Modal } from '../../components/Modal';
import type { Choice } from '../../store/dialogs/store';

interface Props {
  title: string;
  message: string;
  choices: readonly Choice[];
  onDone(id: string): void;
}

/** Save / Don't save / Cancel, Overwrite / Take theirs / Cancel: Esc is always 'cancel'. */
export function ChoiceDialog({ title, message, choices, onDone }: Props) {
  return (
    <Modal title={title} onCancel={() => onDone('cancel')} testId="choice-dialog" width={500}
      footer={choices.map((c) => (
        <button key={c.id} className={`button ${c.primary ? (c.danger ? 'danger' : 'primary') : c.danger ? 'secondary danger-text' : 'secondary'}`}
          onClick={() => onDone(c.id)} data-testid={`choice-${c.id}`}>
          {c.label}
        </button>
      ))}>
      <p className="dialog-message">{message}</p>
    </Modal>
  );
}
