import { editorInstance } from '../../editor/editor-instance';
import { useAppStore } from '../../store/app/store';
import { useDialogsStore } from '../../store/dialogs/store';
import { useEditorStore } from '../../store/editor/store';
import { findTab, hasDiskChange } from '../../store/editor/tabs';
import { useGitStore } from '../../store/git/store';
import { usePaletteStore } from '../../store/palette/store';
import { useSearchStore } from '../../store/search/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { navigate } from '../../hooks/useRoute';
import { deleteEntry, newFile, newFolder, pickAndUpload, renameEntry } from '../file-tree/tree-commands';
import * as app from './app-commands';
import { GIT_COMMANDS } from '../git/git-commands';
import { PUBLISH_COMMANDS } from '../publish/publish-commands';
import { CONNECTOR_COMMANDS } from '../problems/connector-commands';
import * as test from '../testing/test-commands';
import * as authoring from '../wizard/authoring-commands';
import { REVIEW_COMMANDS } from '../review/review-commands';

export interface Command {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  /** "Mod+Shift+P"; see store/palette/shortcuts.ts. */
  readonly shortcut?: string;
  /** Where the shortcut works when it is not window-wide (tree keys, Esc); shown in the palette, not bound globally. */
  readonly shortcutScope?: string;
  readonly inProjectOnly?: boolean;
  /** Listed in the palette and bound to its shortcut only while this holds (the active file changed on disk). */
  readonly available?: () => boolean;
  run(): unknown;
}

const projectId = () => useAppStore.getState().projectId;
const showSearch = (replace: boolean) => {
  useAppStore.getState().showSidebar('search');
  useSearchStore.getState().setShowReplace(replace || useSearchStore.getState().showReplace);
  useSearchStore.getState().requestFocus();
};
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
const activeHasDiskChange = () => {
  const tab = findTab(useEditorStore.getState(), activeRel());
  return tab !== undefined && hasDiskChange(tab);
};

/** Every command of the app, the palette's list and the source of the global key bindings. */
export const COMMANDS: readonly Command[] = [
  { id: 'palette.commands', category: 'View', title: 'Show All Commands', shortcut: 'Mod+Shift+P', run: () => usePaletteStore.getState().show('>') },
  { id: 'palette.files', category: 'Go', title: 'Go to File…', shortcut: 'Mod+P', inProjectOnly: true, run: () => usePaletteStore.getState().show('') },
  { id: 'editor.goToLine', category: 'Go', title: 'Go to Line…', shortcut: 'Ctrl+G', inProjectOnly: true, run: () => usePaletteStore.getState().show(':') },
  { id: 'file.save', category: 'File', title: 'Save', shortcut: 'Mod+S', inProjectOnly: true, run: () => useEditorStore.getState().save() },
  { id: 'file.saveAll', category: 'File', title: 'Save All', shortcut: 'Mod+Alt+S', inProjectOnly: true, run: () => useEditorStore.getState().saveAll() },
  { id: 'file.close', category: 'File', title: 'Close Editor', shortcut: 'Mod+Alt+W', inProjectOnly: true, run: () => activeRel() && useEditorStore.getState().closeTab(activeRel()!) },
  { id: 'file.closeAll', category: 'File', title: 'Close All Editors', inProjectOnly: true, run: () => useEditorStore.getState().closeAll() },
  { id: 'file.revert', category: 'File', title: 'Revert File to the Version on Disk', inProjectOnly: true, run: () => activeRel() && useEditorStore.getState().takeTheirs(activeRel()!) },
  // The disk-changed banner's "Keep mine": the buffer stays, and the next save overwrites the version on disk.
  { id: 'file.keepMine', category: 'File', title: 'Keep My Version of the File', shortcut: 'Mod+Alt+K', inProjectOnly: true, available: activeHasDiskChange, run: () => activeRel() && useEditorStore.getState().keepMine(activeRel()!) },
  { id: 'file.newFile', category: 'File', title: 'New File…', inProjectOnly: true, run: () => newFile() },
  { id: 'file.newFolder', category: 'File', title: 'New Folder…', inProjectOnly: true, run: () => newFolder() },
  { id: 'file.upload', category: 'File', title: 'Upload Files…', inProjectOnly: true, run: () => pickAndUpload() },
  { id: 'file.rename', category: 'File', title: 'Rename Selected File…', shortcut: 'F2', shortcutScope: 'Explorer', inProjectOnly: true, run: () => renameEntry() },
  { id: 'file.delete', category: 'File', title: 'Delete Selected File', shortcut: 'Delete', shortcutScope: 'Explorer', inProjectOnly: true, run: () => deleteEntry() },
  { id: 'explorer.show', category: 'View', title: 'Show Explorer', shortcut: 'Mod+Shift+E', inProjectOnly: true, run: showExplorer },
  { id: 'explorer.refresh', category: 'Explorer', title: 'Refresh Explorer', inProjectOnly: true, run: () => useWorkspaceStore.getState().loadTree() },
  { id: 'explorer.collapse', category: 'Explorer', title: 'Collapse Folders', inProjectOnly: true, run: () => useWorkspaceStore.getState().collapseAll() },
  { id: 'explorer.reveal', category: 'Explorer', title: 'Reveal Active File in Explorer', inProjectOnly: true, run: () => activeRel() && (useAppStore.getState().showSidebar('explorer'), useWorkspaceStore.getState().reveal(activeRel()!)) },
  { id: 'search.find', category: 'Search', title: 'Find in Files', shortcut: 'Mod+Shift+F', inProjectOnly: true, run: () => showSearch(false) },
  { id: 'search.replace', category: 'Search', title: 'Replace in Files', shortcut: 'Mod+Shift+H', inProjectOnly: true, run: () => showSearch(true) },
  { id: 'git.show', category: 'View', title: 'Show Source Control', shortcut: 'Ctrl+Shift+G', inProjectOnly: true, run: () => useAppStore.getState().showSidebar('git') },
  { id: 'git.init', category: 'Git', title: 'Initialize Git Repository', inProjectOnly: true, run: () => app.initGit() },
  { id: 'git.commitAll', category: 'Git', title: 'Commit All…', inProjectOnly: true, run: () => app.commitAllWithPrompt() },
  { id: 'git.refresh', category: 'Git', title: 'Refresh Git Status', inProjectOnly: true, run: () => useGitStore.getState().refresh() },
  { id: 'view.sidebar', category: 'View', title: 'Toggle Side Bar', shortcut: 'Mod+B', inProjectOnly: true, run: () => useAppStore.getState().toggleSidebar() },
  { id: 'view.fullScreen', category: 'View', title: 'Toggle Full-Screen Editor', shortcut: 'Mod+Alt+Enter', inProjectOnly: true, run: () => app.toggleFullScreen() },
  { id: 'view.leaveFullScreen', category: 'View', title: 'Leave Full-Screen Editor', shortcut: 'Escape', shortcutScope: 'full screen', inProjectOnly: true, run: () => app.toggleFullScreen(false) },
  { id: 'view.focusEditor', category: 'View', title: 'Focus Editor', inProjectOnly: true, run: () => editorInstance.focus() },
  { id: 'view.theme', category: 'Preferences', title: 'Toggle Light/Dark Theme', run: () => app.toggleTheme() },
  { id: 'view.settings', category: 'Preferences', title: 'Open Settings', shortcut: 'Mod+,', run: () => navigate(projectId() ? { page: 'project', projectId: projectId()!, settings: true } : { page: 'settings' }) },
  { id: 'view.home', category: 'Go', title: 'Go to Home', run: () => navigate({ page: 'home' }) },
  { id: 'project.openFolder', category: 'File', title: 'Open Folder…', run: () => app.openFolder() },
  { id: 'app.openLogs', category: 'Help', title: 'Open Logs Folder', run: () => app.openLogsFolder() },
  { id: 'app.exportDiagnostics', category: 'Help', title: 'Export Diagnostics', run: () => app.exportDiagnostics() },
  { id: 'connector.new', category: 'Connector', title: 'New Connector…', shortcut: 'Mod+Alt+N', run: () => authoring.newConnector() },
  { id: 'package.import', category: 'Connector', title: 'Import .tgz…', shortcut: 'Mod+Alt+O', run: () => authoring.importTgz() },
  { id: 'package.export', category: 'Connector', title: 'Export .tgz', shortcut: 'Mod+Alt+E', inProjectOnly: true, run: () => authoring.exportTgz() },
  { id: 'connector.addVersion', category: 'Connector', title: 'Add Version…', shortcut: 'Mod+Alt+V', inProjectOnly: true, run: () => authoring.addVersion() },
  { id: 'connector.duplicate', category: 'Connector', title: 'Duplicate Connector…', shortcut: 'Mod+Alt+U', inProjectOnly: true, run: () => authoring.duplicate() },
  { id: 'test.configuration', category: 'Test', title: 'Test Configuration', shortcut: 'Mod+Alt+C', inProjectOnly: true, run: () => test.showTest('configurations') },
  { id: 'test.health', category: 'Test', title: 'Check Health', inProjectOnly: true, run: () => test.checkHealth() },
  { id: 'test.actions', category: 'Test', title: 'Test Actions', shortcut: 'Mod+Alt+A', inProjectOnly: true, run: () => test.showTest('actions') },
  { id: 'test.environment', category: 'Test', title: 'Test Environment (Interpreter and Dependencies)', inProjectOnly: true, run: () => test.showTest('environment') },
  { id: 'test.run', category: 'Test', title: 'Run Action', shortcut: 'Mod+Enter', shortcutScope: 'Test Actions', inProjectOnly: true, run: () => test.runAction() },
  ...GIT_COMMANDS,
  ...PUBLISH_COMMANDS,
  ...REVIEW_COMMANDS,
  ...CONNECTOR_COMMANDS,
];

export const isAvailable = (c: Command, inProject: boolean) => (inProject || !c.inProjectOnly) && (!c.available || c.available());
export const availableCommands = (inProject: boolean) => COMMANDS.filter((c) => isAvailable(c, inProject));
