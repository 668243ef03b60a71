import { useDocsStore } from './docs-store';
import { usePlaybooksStore } from './playbooks-store';
import { useReviewStore } from './store';

export { useDocsStore } from './docs-store';
export { usePlaybooksStore } from './playbooks-store';
export { useReviewStore } from './store';
export { useReviewerStore, type ImportOutcome, type PackageBytes } from './reviewer';

/** A project switch starts every review-side view afresh. */
export function resetReviewStores(): void {
  useReviewStore.getState().reset();
  useDocsStore.getState().reset();
  usePlaybooksStore.getState().reset();
}
