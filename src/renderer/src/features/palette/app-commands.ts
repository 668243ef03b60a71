import { call } from '../../api/client';
import { toastError, toastInfo, toastSuccess, useAppStore } from '../../store/app/store';
import { folderDialog, promptDialog } from '../../store/dialogs/store';
import { useGitStore } from '../../store/git/store';
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
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
}
