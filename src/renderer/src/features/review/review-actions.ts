import { toastError } from '../../store/app/store';
import { promptDialog } from '../../store/dialogs/store';
import { useReviewStore } from '../../store/review';

// The panel's and the palette's review commands; failures are reported as toasts.

export async function compareWithPrompt(): Promise<void> {
  const spec = await promptDialog({
    title: 'Compare with another version',
    label: 'A folder path, a .tgz path, git:<revision> or a tag (e.g. v1.0.0)',
    initial: useReviewStore.getState().against ?? '',
    confirmLabel: 'Compare',
    validate: (v) => (v.trim() ? null : 'Name the version to compare with.'),
  });
  if (spec !== null) await useReviewStore.getState().compareWith(spec);
}

export async function exportReviewHtml(): Promise<void> {
  try {
    await useReviewStore.getState().exportHtml();
  } catch (e) {
    toastError(e);
  }
}
