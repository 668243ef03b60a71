import { toastError, toastInfo, toastSuccess } from '../../store/app/store';
import { usePlaybooksStore } from '../../store/review';
import { useWorkspaceStore } from '../../store/workspace/store';

export async function generateSamplePlaybooks(): Promise<void> {
  try {
    const { added, skipped } = await usePlaybooksStore.getState().generate();
    void useWorkspaceStore.getState().loadTree();
    if (added.length) toastSuccess(`Added ${added.length} inactive sample playbook${added.length === 1 ? '' : 's'} to playbooks/playbooks.json.`);
    else toastInfo(`Every visible action already has a playbook${skipped.length ? ` (kept ${skipped.length})` : ''}.`);
  } catch (e) {
    toastError(e);
  }
}
