import { useEffect } from 'react';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { useAppStore } from '../../store/app/store';
import { resetReviewStores, useDocsStore } from '../../store/review';

/**
 * Each project starts with fresh review views. A package opened for review shows its report first, with the
 * connector's documentation beside it: how users will see the connector is part of what a reviewer judges.
 */
export function useReviewerMode(projectId: string, project: ProjectSummary | undefined): void {
  useEffect(() => resetReviewStores(), [projectId]);
  const readOnly = project?.readOnly === true;
  useEffect(() => {
    if (!readOnly) return;
    useAppStore.getState().showSidebar('review');
    // The docs are generated for the project this window has open, which is set once opening finishes.
    const showDocsOnceOpen = () => {
      if (useAppStore.getState().projectId !== projectId) return false;
      void useDocsStore.getState().show();
      return true;
    };
    if (showDocsOnceOpen()) return;
    const off = useAppStore.subscribe(() => showDocsOnceOpen() && off());
    return off;
  }, [projectId, readOnly]);
}
