import type { ProjectSummary } from '../../../../shared/models/workspace';
import { navigate } from '../../hooks/useRoute';
import { toastError, toastInfo, toastSuccess, useAppStore } from '../../store/app/store';
import { withGitIdentity } from '../git/git-identity';
import { askImportConflict } from '../home/import-conflict';
import { useReviewerStore, type PackageBytes } from '../../store/review';
import { readBase64 } from '../../lib/read-base64';

// Reviewer mode: open a .tgz read-only, import it into the workspace, or close it. Failures become toasts.

const readPackage = async (file: File): Promise<PackageBytes> => ({ fileName: file.name, base64: await readBase64(file) });

/** Opens the archive read-only and shows it; the IDE opens on the report (see useReviewerMode). */
export async function openPackageForReview(file: File): Promise<void> {
  try {
    const project = await useReviewerStore.getState().openPackage(await readPackage(file));
    navigate({ page: 'project', projectId: project.id, settings: false });
    // What the safe extraction left out (stray files, virtualenv and git folders): the reviewer should know.
    if (project.warnings?.length) toastInfo(`${file.name}: ${project.warnings.join(' ')}`);
  } catch (e) {
    toastError(e);
  }
}

/** A one-off file chooser, for the palette (Home has its own visible input). */
export function pickFile(onFile: (file: File) => void, testId: string): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.tgz,.tar.gz,application/gzip,application/x-gzip';
  input.setAttribute('data-testid', testId);
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (file) onFile(file);
  });
  input.addEventListener('cancel', () => input.remove());
  document.body.append(input);
  input.click();
}

async function importWith(review: ProjectSummary, pkg?: PackageBytes): Promise<void> {
  const store = useReviewerStore.getState();
  let outcome = await store.importIntoWorkspace(review.id, { pkg });
  if (outcome.kind === 'needsFile') return pickFile((file) => void readPackage(file).then((p) => importWith(review, p)).catch(toastError), 'review-import-input');
  if (outcome.kind === 'exists') {
    // The same question as Home's Import .tgz (home/import-conflict.ts).
    const mode = await askImportConflict(outcome, pkg?.fileName ?? `${review.name}.tgz`);
    if (!mode) return;
    const again = await withGitIdentity(() => store.importIntoWorkspace(review.id, { mode, pkg }));
    if (!again) return;
    outcome = again;
  }
  if (outcome.kind !== 'imported') return;
  toastSuccess(`Imported ${outcome.project.label || outcome.project.name} ${outcome.project.version} into the workspace.`);
  // From here on it is a project to work on: its files, not the report, come first.
  useAppStore.getState().showSidebar('explorer');
  navigate({ page: 'project', projectId: outcome.project.id, settings: false });
}

export async function importReviewed(review: ProjectSummary): Promise<void> {
  try {
    await importWith(review);
  } catch (e) {
    toastError(e);
  }
}

export async function closeReview(review: ProjectSummary, thenHome = true): Promise<void> {
  try {
    await useReviewerStore.getState().close(review.id);
    toastSuccess(`Closed the review of ${review.label || review.name} ${review.version}.`);
    if (thenHome) navigate({ page: 'home' });
  } catch (e) {
    toastError(e);
  }
}
