import { editorInstance } from '../../editor/editor-instance';
import { currentProjectId, toastError, toastInfo, useAppStore } from '../../store/app/store';
import type { Command } from '../../store/palette/commands';
import { useProjectsStore } from '../../store/projects/store';
import { useDocsStore, useReviewStore } from '../../store/review';
import { generateSamplePlaybooks } from '../playbooks/playbook-actions';
import { compareWithPrompt, exportReviewHtml } from './review-actions';
import { closeReview, importReviewed, openPackageForReview, pickFile } from './reviewer-commands';

const showReview = () => useAppStore.getState().showSidebar('review');
const currentProject = () => useProjectsStore.getState().projects.find((p) => p.id === currentProjectId());

function runReview() {
  showReview();
  void useReviewStore.getState().run();
}

function whenReviewing(then: (p: NonNullable<ReturnType<typeof currentProject>>) => unknown) {
  const p = currentProject();
  if (p?.readOnly) return then(p);
  toastInfo('This project is not a package open for review.');
}

const docs = (work: () => Promise<void>) => () => void work().catch(toastError);

/** Review, documentation and playbook commands for the palette. */
export const REVIEW_COMMANDS: readonly Command[] = [
  { id: 'review.openPackage', category: 'Review', title: 'Open .tgz for Review…', run: () => pickFile((f) => void openPackageForReview(f), 'review-package-picker') },
  { id: 'review.run', category: 'Review', title: 'Run Review', inProjectOnly: true, run: runReview },
  { id: 'review.certification', category: 'Review', title: 'Check for Certification', inProjectOnly: true,
    run: () => (showReview(), void useReviewStore.getState().setCertification(true)) },
  { id: 'review.compare', category: 'Review', title: 'Compare with Another Version…', inProjectOnly: true, run: () => (showReview(), compareWithPrompt()) },
  { id: 'review.exportHtml', category: 'Review', title: 'Export Review as HTML', inProjectOnly: true, run: exportReviewHtml },
  { id: 'review.import', category: 'Review', title: 'Import Reviewed Package into Workspace', inProjectOnly: true, run: () => whenReviewing(importReviewed) },
  { id: 'review.close', category: 'Review', title: 'Close Review', inProjectOnly: true, run: () => whenReviewing((p) => closeReview(p)) },
  { id: 'docs.preview', category: 'Docs', title: 'Preview Documentation', inProjectOnly: true, run: docs(() => useDocsStore.getState().show()) },
  { id: 'docs.exportMarkdown', category: 'Docs', title: 'Export Documentation as Markdown', inProjectOnly: true, run: docs(() => useDocsStore.getState().exportMarkdown()) },
  { id: 'docs.exportHtml', category: 'Docs', title: 'Export Documentation as HTML', inProjectOnly: true, run: docs(() => useDocsStore.getState().exportHtml()) },
  // Python formats with ruff (see python-lint.ts); other languages with whatever formatter Monaco has.
  { id: 'editor.formatDocument', category: 'Editor', title: 'Format Document', inProjectOnly: true, run: () => editorInstance.get()?.getAction('editor.action.formatDocument')?.run() },
  { id: 'playbooks.show', category: 'Playbooks', title: 'Show Playbooks', inProjectOnly: true, run: () => useAppStore.getState().showSidebar('playbooks') },
  { id: 'playbooks.generate', category: 'Playbooks', title: 'Generate Sample Playbooks', inProjectOnly: true,
    run: () => (currentProject()?.readOnly ? toastInfo('Import the package before adding playbooks: a review is read-only.') : generateSamplePlaybooks()) },
];
