import { useEffect } from 'react';
import { useAppStore } from '../../store/app/store';
import { useDebugStore } from '../../store/debug/store';
import { useTestingStore } from '../../store/testing/store';

/** The debugger follows the window's project: its breakpoints for the gutter and a session left running (a
 * reload). `withTests` also loads the Test view's actions and configurations, which the Run and Debug view names
 * on its Debug button (the editor does not need them, so opening a project does not pay for them). */
export function useDebugProject(withTests = false) {
  const projectId = useAppStore((s) => s.projectId);
  useEffect(() => {
    if (!projectId) return;
    if (useDebugStore.getState().projectId !== projectId) void useDebugStore.getState().open(projectId);
    if (withTests && useTestingStore.getState().projectId !== projectId) void useTestingStore.getState().open(projectId);
  }, [projectId, withTests]);
}
