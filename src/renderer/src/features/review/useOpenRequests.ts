import { useEffect } from 'react';
import { onEvent } from '../../api/client';
import { navigate } from '../../hooks/useRoute';
import { useAppStore } from '../../store/app/store';
import { useProjectsStore } from '../../store/projects/store';

/**
 * A folder or .tgz the desktop shell opened for us (Open Folder..., a second launch, a file association): the
 * services have registered it already, so the window only has to show it. A package opens in reviewer mode.
 * Mount once, in App.
 */
export function useOpenRequests(): void {
  useEffect(
    () =>
      onEvent('app.openRequested', ({ projectId, error, path }) => {
        if (error) return useAppStore.getState().toast('error', `Cannot open ${path}: ${error}`);
        if (!projectId) return;
        void useProjectsStore.getState().load().then(() => navigate({ page: 'project', projectId, settings: false }));
      }),
    [],
  );
}
