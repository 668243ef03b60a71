import { useEffect } from 'react';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { useAppStore } from '../../store/app/store';
import { resetReviewStores } from '../../store/review';

/** Each project starts with fresh review views; a package opened for review shows its report first. */
export function useReviewerMode(projectId: string, project: ProjectSummary | undefined): void {
  useEffect(() => resetReviewStores(), [projectId]);
  const readOnly = project?.readOnly === true;
  useEffect(() => {
    if (readOnly) useAppStore.getState().showSidebar('review');
  }, [projectId, readOnly]);
}
