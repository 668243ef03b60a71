import { useEffect } from 'react';
import { useAppStore } from '../../store/app/store';
import { useDebugStore } from '../../store/debug/store';
import { useTestingStore } from '../../store/testing/store';

/** The debugger follows the window's project: its breakpoints for the gutter, a session left running (a reload),
 * and the Test view's configurations and actions, which Debug Last and the Debug buttons start. */
export function useDebugProject() {
  const projectId = useAppStore((s) => s.projectId);
  useEffect(() => {
    if (!projectId) return;
    if (useDebugStore.getState().projectId !== projectId) void useDebugStore.getState().open(projectId);
    if (useTestingStore.getState().projectId !== projectId) void useTestingStore.getState().open(projectId);
  }, [projectId]);
}
