import { call } from '../../api/client';
import { reportInBackground, toastError, useAppStore } from '../app/store';
import { createKeyedDebouncer } from './debouncer';
import { editorHost } from './host';
import { mergeSession } from './session';
import { findTab, patchTab } from './tabs';
import type { BackupAction, EditorSlice } from './types';

const BACKUP_DELAY_MS = 500;
const SESSION_DELAY_MS = 300;

/** Unsaved buffers go to the user data folder ~500 ms after the last keystroke, so a crash loses almost nothing. */
export const createBackupSlice: EditorSlice<BackupAction> = (set, get) => {
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  async function backupNow(relPath: string) {
    const projectId = useAppStore.getState().projectId;
    const text = editorHost().text(relPath);
    const tab = findTab(get(), relPath);
    if (!projectId || text === null || !tab?.dirty) return;
    try {
      await call('backup.save', { projectId, relPath, text, baseEtag: tab.etag });
      // Saved while the backup was being written: the save's discard may have come first, so this backup (of a
      // buffer now on disk, with an outdated base) goes too; reopening would otherwise raise a false conflict.
      if (findTab(get(), relPath)?.dirty) set(patchTab(get(), relPath, { backup: 'saved' }), false, 'backup/saved');
      else get().discardBackup(relPath);
    } catch (e) {
      toastError(e);
    }
  }

  async function saveSessionNow() {
    const projectId = useAppStore.getState().projectId;
    if (!projectId) return;
    const { tabs, active } = get();
    try {
      const current = await call('session.get', {});
      await call('session.save', { state: mergeSession(current, projectId, tabs.map((t) => t.relPath), active) });
    } catch (e) {
      // The session is a convenience; the next change tries again.
      reportInBackground('Saving the list of open tabs')(e);
    }
  }

  const backups = createKeyedDebouncer(BACKUP_DELAY_MS, (relPath) => track(backupNow(relPath)));
  const session = createKeyedDebouncer(SESSION_DELAY_MS, () => track(saveSessionNow()));

  return {
    contentChanged: (relPath, dirty) => {
      const tab = findTab(get(), relPath);
      if (!tab) return;
      if (dirty) {
        if (!tab.dirty || tab.backup !== 'pending') set(patchTab(get(), relPath, { dirty: true, backup: 'pending' }), false, 'edited');
        backups.schedule(relPath);
      } else if (tab.dirty) {
        set(patchTab(get(), relPath, { dirty: false, backup: 'none' }), false, 'clean');
        get().discardBackup(relPath);
      }
    },
    discardBackup: (relPath) => {
      backups.cancel(relPath);
      const projectId = useAppStore.getState().projectId;
      if (projectId) track(call('backup.discard', { projectId, relPath }).catch(reportInBackground(`Discarding the backup of ${relPath}`)));
    },
    flushBackups: async () => {
      backups.flush();
      session.flush();
      await Promise.allSettled([...inFlight]);
    },
    persistSession: () => session.schedule('session'),
  };
};
