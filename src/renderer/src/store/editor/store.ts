import { createStore } from '../create-store';
import { createBackupSlice } from './backup-actions';
import { createDiskSlice } from './disk-actions';
import { createOpenSlice } from './open-actions';
import { createSaveSlice } from './save-actions';
import { registerEditorHost, type EditorHost } from './host';
import { findTab } from './tabs';
import type { EditorState, EditorStore } from './types';

const initialState: EditorState = { tabs: [], active: null, cursor: null };

export const useEditorStore = createStore<EditorStore>('editor', (...a) => ({
  ...initialState,
  ...createOpenSlice(...a),
  ...createSaveSlice(...a),
  ...createDiskSlice(...a),
  ...createBackupSlice(...a),
}));

/** Hands the stores the window's editor (wire-window.ts, at startup); its buffers report each edit back here. */
export function attachEditorHost(host: EditorHost): void {
  registerEditorHost(host);
  host.onBufferChange((relPath, dirty) => useEditorStore.getState().contentChanged(relPath, dirty));
}

export const editorSelectors = {
  activeTab: (s: EditorState) => findTab(s, s.active),
  hasDirty: (s: EditorState) => s.tabs.some((t) => t.dirty),
  dirtyPaths: (s: EditorState) => s.tabs.filter((t) => t.dirty).map((t) => t.relPath),
};
