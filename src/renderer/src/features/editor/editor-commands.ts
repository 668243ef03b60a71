import { useEditorStore } from '../../store/editor/store';
import { findTab, hasDiskChange } from '../../store/editor/tabs';
import type { Command } from '../../store/palette/commands';

const activeRel = () => useEditorStore.getState().active;
const activeHasDiskChange = () => {
  const tab = findTab(useEditorStore.getState(), activeRel());
  return tab !== undefined && hasDiskChange(tab);
};

/** Saving, closing and reverting the open files. */
export const EDITOR_COMMANDS: readonly Command[] = [
  { id: 'file.save', category: 'File', title: 'Save', shortcut: 'Mod+S', inProjectOnly: true, run: () => useEditorStore.getState().save() },
  { id: 'file.saveAll', category: 'File', title: 'Save All', shortcut: 'Mod+Alt+S', inProjectOnly: true, run: () => useEditorStore.getState().saveAll() },
  { id: 'file.close', category: 'File', title: 'Close Editor', shortcut: 'Mod+Alt+W', inProjectOnly: true, run: () => activeRel() && useEditorStore.getState().closeTab(activeRel()!) },
  { id: 'file.closeAll', category: 'File', title: 'Close All Editors', inProjectOnly: true, run: () => useEditorStore.getState().closeAll() },
  { id: 'file.revert', category: 'File', title: 'Revert File to the Version on Disk', inProjectOnly: true, run: () => activeRel() && useEditorStore.getState().takeTheirs(activeRel()!) },
  // The disk-changed banner's "Keep mine": the buffer stays, and the next save overwrites the version on disk.
  { id: 'file.keepMine', category: 'File', title: 'Keep My Version of the File', shortcut: 'Mod+Alt+K', inProjectOnly: true, available: activeHasDiskChange, run: () => activeRel() && useEditorStore.getState().keepMine(activeRel()!) },
];
