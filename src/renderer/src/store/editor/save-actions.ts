import { call } from '../../api/client';
import { isConflict } from '../../api/api-error';
import { currentProjectId, reportInBackground, toastError } from '../app/store';
import { choiceDialog } from '../dialogs/store';
import { useGitStore } from '../git/store';
import { editorHost } from './host';
import { applyFileSaved, dirtyTabs, findTab } from './tabs';
import type { EditorSlice, SaveAction } from './types';

/** Runs on a text file's buffer before it is saved (format on save, set by the Python feature); what it
 * changes is what gets saved. Its failure never stops the save. */
export const beforeSave: { hook: ((relPath: string) => Promise<void>) | null } = { hook: null };

/** Files with a save in flight: their own change events are not "changed outside the IDE". */
export const savingNow = new Set<string>();

export const createSaveSlice: EditorSlice<SaveAction> = (set, get) => {
  async function write(relPath: string, text: string, etag: string | null | undefined): Promise<boolean> {
    const result = await call('files.write', { projectId: currentProjectId(), relPath, text, ...(etag === undefined ? {} : { etag }) });
    const typedMeanwhile = editorHost().text(relPath) !== text;
    if (!typedMeanwhile) editorHost().markSaved(relPath);
    set(applyFileSaved(get(), relPath, result.etag, typedMeanwhile), false, 'saved');
    if (!typedMeanwhile) get().discardBackup(relPath);
    void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
    return true;
  }

  /** The disk changed under us: the user picks; Cancel keeps the buffer (and its backup) as it is. */
  async function resolveConflict(relPath: string, text: string, message: string): Promise<boolean> {
    const choice = await choiceDialog({
      title: 'The file changed on disk',
      message,
      choices: [
        { id: 'overwrite', label: 'Overwrite', primary: true, danger: true },
        { id: 'theirs', label: 'Take theirs' },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice === 'overwrite') return write(relPath, text, undefined);
    if (choice === 'theirs') await get().takeTheirs(relPath);
    return false;
  }

  async function save(relPath = get().active ?? ''): Promise<boolean> {
    const tab = findTab(get(), relPath);
    if (!tab || tab.kind !== 'text' || tab.readOnly || editorHost().text(relPath) === null) return false;
    // Formatting on save is a courtesy: the save goes ahead without it.
    if (beforeSave.hook) await beforeSave.hook(relPath).catch(reportInBackground('Formatting before saving'));
    const text = editorHost().text(relPath);
    if (text === null) return false;
    savingNow.add(relPath);
    try {
      return await write(relPath, text, tab.etag);
    } catch (e) {
      if (isConflict(e)) return await resolveConflict(relPath, text, e.message);
      toastError(e);
      return false;
    } finally {
      savingNow.delete(relPath);
    }
  }

  return {
    save,
    saveAll: async () => {
      for (const t of dirtyTabs(get())) await save(t.relPath);
    },
  };
};
