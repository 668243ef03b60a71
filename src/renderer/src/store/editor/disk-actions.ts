import { call } from '../../api/client';
import { isApiError } from '../../api/api-error';
import { currentProjectId, toastError } from '../app/store';
import { isInside } from '../workspace/tree-model';
import { tabFromContent } from './content';
import { editorHost } from './host';
import { savingNow } from './save-actions';
import { applyRename, closeTab, findTab, patchTab, tabsInside, type Tab } from './tabs';
import type { DiskAction, EditorSlice, EditorStore } from './types';

type Get = () => EditorStore;
type Set = (partial: Partial<EditorStore>, replace?: false, action?: string) => void;

/** One open file changed on disk: clean buffers follow the disk, dirty ones ask (banner) — but only when the disk
 * really differs from both the version the buffer is based on and the buffer itself (content hashes, not events):
 * the banner offers to discard the user's edits, so a stale read must never raise it. */
async function checkTab(get: Get, set: Set, tab: Tab, retried = false): Promise<void> {
  let content;
  try {
    content = await call('files.read', { projectId: currentProjectId(), relPath: tab.relPath });
  } catch (e) {
    if (isApiError(e) && e.code === 'NOT_FOUND') set(patchTab(get(), tab.relPath, { notice: 'This file was deleted on disk. Saving creates it again.', etag: null }), false, 'disk/deleted');
    return;
  }
  const now = findTab(get(), tab.relPath);
  if (!now || content.etag === now.etag) return;
  // A save (or Take theirs) moved the base while the file was being read: the read may predate it. Read again.
  if (now.etag !== tab.etag || savingNow.has(now.relPath)) {
    if (!retried && !savingNow.has(now.relPath)) await checkTab(get, set, now, true);
    return;
  }
  if (now.kind !== 'text') {
    set(patchTab(get(), now.relPath, { ...tabFromContent(content) }), false, 'disk/reloaded');
  } else if (!now.dirty) {
    editorHost().replaceText(now.relPath, content.text ?? '', true);
    set(patchTab(get(), now.relPath, { etag: content.etag, readOnly: content.readOnly, notice: content.notice }), false, 'disk/reloaded');
  } else if (content.text !== undefined && !content.notice && editorHost().text(now.relPath) === content.text) {
    // The unsaved edits are exactly what is on disk now: nothing to choose between, the tab is simply clean.
    editorHost().markSaved(now.relPath);
    const { diskEtag: _gone, ...rest } = now;
    set({ tabs: get().tabs.map((t) => (t.relPath === now.relPath ? { ...rest, etag: content.etag, dirty: false, backup: 'none' } : t)) }, false, 'disk/same');
    get().discardBackup(now.relPath);
  } else if (now.diskEtag !== content.etag) {
    set(patchTab(get(), now.relPath, { diskEtag: content.etag }), false, 'disk/conflict');
  }
}

export const createDiskSlice: EditorSlice<DiskAction> = (set, get) => ({
  filesChanged: async (relPaths) => {
    const touched = get().tabs.filter((t) => !savingNow.has(t.relPath) && relPaths.some((p) => isInside(t.relPath, p)));
    await Promise.all(touched.map((t) => checkTab(get, set, t)));
  },
  /** The next save overwrites the disk version on purpose. */
  keepMine: (relPath) => {
    const tab = findTab(get(), relPath);
    if (!tab || tab.diskEtag === undefined) return;
    const { diskEtag, ...rest } = tab;
    set({ tabs: get().tabs.map((t) => (t === tab ? { ...rest, etag: diskEtag } : t)) }, false, 'disk/keepMine');
  },
  takeTheirs: async (relPath) => {
    try {
      const content = await call('files.read', { projectId: currentProjectId(), relPath });
      editorHost().replaceText(relPath, content.text ?? '', true);
      const tab = findTab(get(), relPath);
      if (!tab) return;
      const { diskEtag: _gone, ...rest } = tab;
      set({ tabs: get().tabs.map((t) => (t === tab ? { ...rest, etag: content.etag, dirty: false, backup: 'none' } : t)) }, false, 'disk/takeTheirs');
      get().discardBackup(relPath);
    } catch (e) {
      toastError(e);
    }
  },
  renamed: (from, to) => {
    for (const t of tabsInside(get(), from)) {
      const next = to + t.relPath.slice(from.length);
      if (t.kind === 'text') editorHost().rename(t.relPath, next, applyRename({ tabs: [t], active: null }, from, to).tabs[0].language);
      if (t.dirty) get().discardBackup(t.relPath);
    }
    set(applyRename(get(), from, to), false, 'renamed');
    for (const t of tabsInside(get(), to)) if (t.dirty) get().contentChanged(t.relPath, true);
    get().persistSession();
  },
  /** The user deleted it in the tree after confirming: its tabs close without asking again. */
  deleted: (relPath) => {
    for (const t of tabsInside(get(), relPath)) {
      editorHost().dispose(t.relPath);
      get().discardBackup(t.relPath);
      set(closeTab(get(), t.relPath), false, 'deleted');
    }
    get().persistSession();
  },
});
