import { useAppStore } from '../../store/app/store';
import { useDialogsStore } from '../../store/dialogs/store';
import { useEditorStore } from '../../store/editor/store';
import type { Command } from '../../store/palette/commands';
import { useWorkspaceStore } from '../../store/workspace/store';
import { deleteEntry, newFile, newFolder, pickAndUpload, renameEntry } from './tree-commands';

/** Shows the Explorer and puts the keyboard in the tree. */
const showExplorer = () => {
  const tree = () => document.querySelector<HTMLElement>('[data-testid="file-tree"]');
  const shown = useAppStore.getState().sidebarVisible && useAppStore.getState().sidebar === 'explorer' && tree();
  useAppStore.getState().showSidebar('explorer');
  if (shown) return shown.focus();
  // The tree mounts on the next render; a dialog opened meanwhile keeps the focus.
  requestAnimationFrame(() => !useDialogsStore.getState().current && tree()?.focus());
};
const activeRel = () => useEditorStore.getState().active;

/** Files and folders in the Explorer. */
export const EXPLORER_COMMANDS: readonly Command[] = [
  { id: 'file.newFile', category: 'File', title: 'New File…', inProjectOnly: true, run: () => newFile() },
  { id: 'file.newFolder', category: 'File', title: 'New Folder…', inProjectOnly: true, run: () => newFolder() },
  { id: 'file.upload', category: 'File', title: 'Upload Files…', inProjectOnly: true, run: () => pickAndUpload() },
  { id: 'file.rename', category: 'File', title: 'Rename Selected File…', shortcut: 'F2', shortcutScope: 'Explorer', inProjectOnly: true, run: () => renameEntry() },
  { id: 'file.delete', category: 'File', title: 'Delete Selected File', shortcut: 'Delete', shortcutScope: 'Explorer', inProjectOnly: true, run: () => deleteEntry() },
  { id: 'explorer.show', category: 'View', title: 'Show Explorer', shortcut: 'Mod+Shift+E', inProjectOnly: true, run: showExplorer },
  { id: 'explorer.refresh', category: 'Explorer', title: 'Refresh Explorer', inProjectOnly: true, run: () => useWorkspaceStore.getState().loadTree() },
  { id: 'explorer.collapse', category: 'Explorer', title: 'Collapse Folders', inProjectOnly: true, run: () => useWorkspaceStore.getState().collapseAll() },
  { id: 'explorer.reveal', category: 'Explorer', title: 'Reveal Active File in Explorer', inProjectOnly: true, run: () => activeRel() && (useAppStore.getState().showSidebar('explorer'), useWorkspaceStore.getState().reveal(activeRel()!)) },
];
