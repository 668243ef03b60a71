import { call } from '../../api/client';
import { editorInstance } from '../../editor/editor-instance';
import { reportInBackground, toastError, toastInfo, toastSuccess, useAppStore } from '../../store/app/store';
import { folderDialog, promptDialog } from '../../store/dialogs/store';
import { useGitStore } from '../../store/git/store';
import type { Command } from '../../store/palette/commands';
import { useProjectsStore } from '../../store/projects/store';
import { useSettingsStore } from '../../store/settings/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { navigate } from '../../hooks/useRoute';

// Commands that are not about one file: projects, git, theme, diagnostics. Each reports its outcome.

export async function openFolder() {
  const path = await folderDialog({ title: 'Open Folder' });
  if (!path) return;
  try {
    const project = await useProjectsStore.getState().open(path);
    navigate({ page: 'project', projectId: project.id, settings: false });
  } catch (e) {
    toastError(e);
  }
}

export async function toggleTheme() {
  const s = useSettingsStore.getState();
  try {
    await s.update({ theme: s.settings?.theme === 'light' ? 'dark' : 'light' });
  } catch (e) {
    toastError(e);
  }
}

export async function initGit() {
  try {
    await useGitStore.getState().init();
    await useWorkspaceStore.getState().loadTree();
    toastSuccess('Initialized a git repository (with .gitignore and .gitattributes).');
  } catch (e) {
    toastError(e);
  }
}

/** From the palette: asks for the message; the Source Control view has its own message box. */
export async function commitAllWithPrompt() {
  const git = useGitStore.getState();
  if (!git.status?.isRepo) return toastInfo('This project is not a git repository yet. Run “Initialize Git Repository” first.');
  const message = await promptDialog({ title: 'Commit All', label: 'Commit message', initial: git.message, confirmLabel: 'Commit', validate: (v) => (v.trim() ? null : 'A commit message is needed.') });
  if (message === null) return;
  git.setMessage(message);
  await commitAll();
}

export async function commitAll() {
  try {
    const sha = await useGitStore.getState().commitAll();
    toastSuccess(`Committed ${sha.slice(0, 7)}.`);
  } catch (e) {
    toastError(e);
  }
}

export async function openLogsFolder() {
  try {
    const r = await call('app.openLogsFolder', {});
    toastInfo(r.opened ? `Opened ${r.path}` : `Logs are in ${r.path}`);
  } catch (e) {
    toastError(e);
  }
}

export async function exportDiagnostics() {
  try {
    const r = await call('app.exportDiagnostics', {});
    toastSuccess(`Diagnostics written to ${r.path} (${Math.round(r.bytes / 1024)} KB, secrets removed).`);
  } catch (e) {
    toastError(e);
  }
}

export function toggleFullScreen(on = !useAppStore.getState().fullScreen) {
  useAppStore.getState().setFullScreen(on);
  // Real full screen is a bonus: the in-app layout works without it (and in headless browsers).
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(reportInBackground('Entering full screen'));
  if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(reportInBackground('Leaving full screen'));
}

const projectId = () => useAppStore.getState().projectId;

/** The app's own entries: source control at a glance, the window's layout, preferences, help. */
export const APP_COMMANDS: readonly Command[] = [
  { id: 'git.show', category: 'View', title: 'Show Source Control', shortcut: 'Ctrl+Shift+G', inProjectOnly: true, run: () => useAppStore.getState().showSidebar('git') },
  { id: 'git.init', category: 'Git', title: 'Initialize Git Repository', inProjectOnly: true, run: () => initGit() },
  { id: 'git.commitAll', category: 'Git', title: 'Commit All…', inProjectOnly: true, run: () => commitAllWithPrompt() },
  { id: 'git.refresh', category: 'Git', title: 'Refresh Git Status', inProjectOnly: true, run: () => useGitStore.getState().refresh() },
  { id: 'view.sidebar', category: 'View', title: 'Toggle Side Bar', shortcut: 'Mod+B', inProjectOnly: true, run: () => useAppStore.getState().toggleSidebar() },
  { id: 'view.fullScreen', category: 'View', title: 'Toggle Full-Screen Editor', shortcut: 'Mod+Alt+Enter', inProjectOnly: true, run: () => toggleFullScreen() },
  { id: 'view.leaveFullScreen', category: 'View', title: 'Leave Full-Screen Editor', shortcut: 'Escape', shortcutScope: 'full screen', inProjectOnly: true, run: () => toggleFullScreen(false) },
  { id: 'view.focusEditor', category: 'View', title: 'Focus Editor', inProjectOnly: true, run: () => editorInstance.focus() },
  { id: 'view.theme', category: 'Preferences', title: 'Toggle Light/Dark Theme', run: () => toggleTheme() },
  { id: 'view.settings', category: 'Preferences', title: 'Open Settings', shortcut: 'Mod+,', run: () => navigate(projectId() ? { page: 'project', projectId: projectId()!, settings: true } : { page: 'settings' }) },
  { id: 'view.home', category: 'Go', title: 'Go to Home', run: () => navigate({ page: 'home' }) },
  { id: 'project.openFolder', category: 'File', title: 'Open Folder…', run: () => openFolder() },
  { id: 'app.openLogs', category: 'Help', title: 'Open Logs Folder', run: () => openLogsFolder() },
  { id: 'app.exportDiagnostics', category: 'Help', title: 'Export Diagnostics', run: () => exportDiagnostics() },
];
