import { toastError, toastInfo, toastSuccess, useAppStore } from '../../store/app/store';
import { useProjectsStore } from '../../store/projects/store';
import { useTestingStore } from '../../store/testing/store';

/** Trusts the project; its code, its own virtualenv and its git config may run from now on. */
export async function trustProject(projectId: string): Promise<boolean> {
  try {
    const p = await useProjectsStore.getState().trust(projectId);
    toastSuccess(`${p.label || p.name} is trusted: its code can run now.`);
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}

/** A review's "Trust and run": trust, then open the Test view and check health with the chosen configuration. */
export async function trustAndRun(projectId: string): Promise<void> {
  if (!(await trustProject(projectId))) return;
  useAppStore.getState().showSidebar('test');
  const testing = useTestingStore.getState();
  if (testing.projectId !== projectId) await testing.open(projectId);
  const configId = useTestingStore.getState().selectedConfigId;
  if (configId) await useTestingStore.getState().checkHealth(configId);
  else toastInfo('Add a configuration in the Test view, then Check Health runs the connector.');
}
