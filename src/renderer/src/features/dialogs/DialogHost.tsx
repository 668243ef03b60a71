import { assertNever } from '../../../../shared/result';
import { useDialogsStore } from '../../store/dialogs/store';
import { ChoiceDialog } from './ChoiceDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { FolderPickerDialog } from './FolderPickerDialog';
import { PromptDialog } from './PromptDialog';

/** Renders the one dialog the dialogs store says is current; its answer resolves the caller's promise. */
export function DialogHost() {
  const current = useDialogsStore((s) => s.current);
  const settle = useDialogsStore((s) => s.settle);
  if (!current) return null;
  const { spec, id } = current;
  switch (spec.kind) {
    case 'confirm':
      return <ConfirmDialog key={id} {...spec} onDone={settle} />;
    case 'prompt':
      return <PromptDialog key={id} {...spec} onDone={settle} />;
    case 'choice':
      return <ChoiceDialog key={id} {...spec} onDone={settle} />;
    case 'folder':
      return <FolderPickerDialog key={id} title={spec.title} onDone={settle} />;
    default:
      return assertNever(spec);
  }
}
