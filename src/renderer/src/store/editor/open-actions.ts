import type { BackupEntry } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { isApiError } from '../../api/api-error';
import { currentProjectId, reportInBackground, toastError, toastInfo } from '../app/store';
import { choiceDialog } from '../dialogs/store';
import { editorHost } from './host';
import { tabFromContent } from './content';
import { languageFor } from './languages';
import { planRestore } from './session';
import { activate, closeTab, findTab, openTab, type Tab } from './tabs';
import type { EditorSlice, EditorStore, OpenAction } from './types';
import { plural } from '../../../../shared/plural';

type Get = () => EditorStore;
type Set = (partial: Partial<EditorStore>, replace?: false, action?: string) => void;

/** Reads a file and creates its tab (and model), without activating it. */
async function loadTab(relPath: string): Promise<Tab> {
  const content = await call('files.read', { projectId: currentProjectId(), relPath });
  const tab = tabFromContent(content);
  if (tab.kind === 'text') await editorHost().openBuffer(relPath, content.text ?? '', tab.language);
  return tab;
}

/** Loads in flight, by project and path: a second open of a file still loading (a click on info.json while Getting
 * Started opens it behind itself) waits for the same load. Two loads would each make a model, and the second would
 * dispose the first under an editor already showing it, which then shows nothing. */
const loading = new Map<string, Promise<Tab>>();

function loadTabOnce(relPath: string): Promise<Tab> {
  const key = `${currentProjectId()}\0${relPath}`;
  const pending = loading.get(key);
  if (pending) return pending;
  const load = loadTab(relPath).finally(() => loading.delete(key));
  loading.set(key, load);
  return load;
}

/** A backup over its file: the disk version is the saved state, the backup text is the unsaved edit. */
async function restoreTab(b: BackupEntry): Promise<Tab> {
  const host = editorHost();
  await host.loadMonaco();
  try {
    const tab = await loadTabOnce(b.relPath);
    // A backup holding what the disk holds is no unsaved edit, whatever base it names (one written as a save
    // landed): no banner offering to discard it.
    if (!tab.notice && host.text(b.relPath) === b.text) return { ...tab, dirty: false, backup: 'none' };
    host.replaceText(b.relPath, b.text, false);
    const changedOnDisk = b.baseEtag !== null && b.baseEtag !== tab.etag;
    return { ...tab, dirty: host.isDirty(b.relPath), backup: 'saved', ...(changedOnDisk ? { etag: b.baseEtag, diskEtag: tab.etag } : {}) };
  } catch (e) {
    if (!isApiError(e) || e.code !== 'NOT_FOUND') throw e;
    await host.openBuffer(b.relPath, b.text, languageFor(b.relPath));
    host.markUnsaved(b.relPath);
    return { relPath: b.relPath, kind: 'text', language: languageFor(b.relPath), etag: null, dirty: true, readOnly: false, backup: 'saved',
      notice: 'This file no longer exists on disk. Saving creates it again with your text.' };
  }
}

async function restoreAll(get: Get, set: Set): Promise<number> {
  const projectId = currentProjectId();
  const [session, backups] = await Promise.all([call('session.get', {}), call('backup.list', {})]);
  const plan = planRestore(session, backups, projectId);
  let restored = 0;
  for (const item of plan.items) {
    try {
      // Opened by the user while the session was read: theirs stands, loaded once.
      if (!item.backup && findTab(get(), item.relPath)) continue;
      const tab = item.backup ? await restoreTab(item.backup) : await loadTabOnce(item.relPath);
      // A backup of what is on disk already restores nothing: it goes.
      if (item.backup && tab.dirty) restored++;
      else if (item.backup) get().discardBackup(item.relPath);
      set({ ...openTab(get(), tab) }, false, 'restore/tab');
    } catch (e) {
      // A file from the last session that is gone now simply does not reopen; the others still do.
      if (!(isApiError(e) && e.code === 'NOT_FOUND')) reportInBackground(`Reopening ${item.relPath} from the last session`)(e);
    }
  }
  if (plan.active) set(activate(get(), plan.active), false, 'restore/active');
  if (restored) toastInfo(`Restored unsaved changes to ${plural(restored, 'file')} from your last session.`);
  return restored;
}

export const createOpenSlice: EditorSlice<OpenAction> = (set, get) => ({
  openFile: async (relPath, at, opts) => {
    // Reading the file takes a moment; if the user moved on meanwhile (another view, a dialog), keep their focus.
    const focusBefore = typeof document === 'undefined' ? null : document.activeElement;
    try {
      if (opts?.background) {
        if (!findTab(get(), relPath)) {
          const tab = await loadTabOnce(relPath);
          const s = get();
          if (!findTab(s, relPath)) set({ ...openTab(s, tab), active: s.active ?? tab.relPath }, false, 'open/background');
          get().persistSession();
        }
        return;
      }
      if (!findTab(get(), relPath)) {
        const tab = await loadTabOnce(relPath);
        if (!findTab(get(), relPath)) set(openTab(get(), tab), false, 'open');
      }
      set(activate(get(), relPath), false, 'activate');
      get().persistSession();
      const focusUnchanged = focusBefore === document.activeElement || document.activeElement === document.body;
      if (at) editorHost().reveal(relPath, at.line, at.column ?? 1, focusUnchanged);
    } catch (e) {
      toastError(e);
    }
  },
  activate: (relPath) => {
    set(activate(get(), relPath), false, 'activate');
    get().persistSession();
  },
  closeTab: async (relPath) => {
    const tab = findTab(get(), relPath);
    if (!tab) return true;
    if (tab.dirty) {
      const name = relPath.slice(relPath.lastIndexOf('/') + 1);
      const choice = await choiceDialog({
        title: `Save changes to ${name}?`,
        message: `“${relPath}” has unsaved changes. They are lost if you don't save them.`,
        choices: [{ id: 'save', label: 'Save', primary: true }, { id: 'discard', label: "Don't save", danger: true }, { id: 'cancel', label: 'Cancel' }],
      });
      if (choice === 'cancel') return false;
      if (choice === 'save' && !(await get().save(relPath))) return false;
      if (choice === 'discard') get().discardBackup(relPath);
    }
    editorHost().dispose(relPath);
    set(closeTab(get(), relPath), false, 'close');
    get().persistSession();
    return true;
  },
  closeAll: async () => {
    for (const t of [...get().tabs]) if (!(await get().closeTab(t.relPath))) return false;
    return true;
  },
  restore: () => restoreAll(get, set),
  reset: () => {
    editorHost().disposeAll();
    set({ tabs: [], active: null, cursor: null }, false, 'reset');
  },
  setCursor: (cursor) => set({ cursor }, false, 'cursor'),
});
