import { plural } from '../../../../shared/plural';
import { currentProjectId, toastError, toastInfo, toastSuccess, useAppStore } from '../../store/app/store';
import { confirmDialog } from '../../store/dialogs/store';
import type { Command } from '../../store/palette/commands';
import { isEmptySnapshot, recordCount } from '../../store/platform-data/model';
import { usePlatformDataStore } from '../../store/platform-data/store';

// The Platform data view's commands, in the palette and behind its buttons and the runs' record links.

export function showPlatformData() {
  useAppStore.getState().showSidebar('platform');
  return usePlatformDataStore.getState().open(currentProjectId());
}

/** From a run's list of records: the record in the Platform data view, selected and focused. */
export async function revealPlatformRecord(iri: string) {
  await showPlatformData();
  await usePlatformDataStore.getState().reveal(iri);
}


/** Asks first: the records are gone for every later run of this project (its own files are not touched). */
export async function resetPlatformData() {
  await showPlatformData();
  const s = usePlatformDataStore.getState();
  if (s.snapshot && isEmptySnapshot(s.snapshot)) return toastInfo('The platform data of this project is already empty.');
  const what = `${plural(recordCount(s.snapshot), 'record')} and ${plural(s.snapshot?.totalFiles ?? 0, 'file')}`;
  const ok = await confirmDialog({
    title: 'Reset platform data?',
    message: `This deletes the ${what} the simulated FortiSOAR holds for this project, as if its runs had never written anything. Other projects' platform data and the project's own files are not touched. This cannot be undone.`,
    confirmLabel: 'Reset',
    danger: true,
  });
  if (!ok) return;
  if (await usePlatformDataStore.getState().reset()) toastSuccess(`Platform data reset: ${what} deleted.`);
}

const orToast = (work: () => Promise<unknown>) => () => void work().catch(toastError);

export const PLATFORM_COMMANDS: readonly Command[] = [
  { id: 'platformData.show', category: 'Platform Data', title: 'Show', inProjectOnly: true, run: orToast(showPlatformData) },
  { id: 'platformData.reset', category: 'Platform Data', title: 'Reset…', inProjectOnly: true, run: orToast(resetPlatformData) },
];
