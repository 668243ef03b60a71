import { transportKind } from '../../api/client';
import { navigate } from '../../hooks/useRoute';
import { currentProjectId, reportInBackground, toastError, toastInfo, toastSuccess } from '../../store/app/store';
import { choiceDialog } from '../../store/dialogs/store';
import type { Command } from '../../store/palette/commands';
import { useGitStore } from '../../store/git/store';
import { useProjectsStore } from '../../store/projects/store';
import { useAuthoringStore, type ExportResult } from '../../store/wizard/authoring';
import { bumpVersion, duplicateDefaults, LEVELS } from '../../store/wizard/versions';
import { useWorkspaceStore } from '../../store/workspace/store';
import { readBase64 } from '../../lib/read-base64';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { withGitIdentity } from '../git/git-identity';
import { askImportConflict } from '../home/import-conflict';

// The palette's and Home's authoring commands: each reports its outcome in a dialog or a toast.

export const newConnector = () => navigate({ page: 'new' });

const openProject = (projectId: string) => navigate({ page: 'project', projectId, settings: false });

/** Hands the archive to the browser as a download; on desktop the same bytes are also beside the project. */
export function downloadArchive(r: Pick<ExportResult, 'base64' | 'fileName'>) {
  const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/gzip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Packs the project (the open one unless named: Home's card menu names it) and, in a browser, downloads it. */
export async function exportTgz(force = false, projectId = currentProjectId()) {
  try {
    const r = await useAuthoringStore.getState().exportPackage(projectId, force);
    // On desktop the archive is already on disk beside the project; browsers get it as a download.
    if (r && transportKind() === 'http') downloadArchive(r);
  } catch (e) {
    toastError(e);
  }
}

/** A file picker for a .tgz, then importPackageBytes. */
export function importTgz() {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.tgz,.tar.gz,application/gzip,application/x-gzip';
  input.setAttribute('data-testid', 'import-input');
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (file) void importFile(file);
  });
  input.addEventListener('cancel', () => input.remove());
  document.body.append(input);
  input.click();
}

async function importFile(file: File) {
  try {
    await importPackageBytes({ fileName: file.name, base64: await readBase64(file) });
  } catch (e) {
    toastError(e);
  }
}

/** The one import path (Home, the palette, a review's Import into workspace): an existing project of the same
 * connector name asks Replace as a new version / Import as a copy / Cancel; a replace without a git identity asks
 * for one. Resolves the imported project, or null when the user cancelled or the import failed (said in a dialog). */
export async function importPackageBytes(pkg: { fileName: string; base64: string }, opts: { openAfter?: boolean } = {}): Promise<ProjectSummary | null> {
  const store = useAuthoringStore.getState();
  let outcome = await store.importPackage(pkg.fileName, pkg.base64);
  if (outcome.kind === 'exists') {
    const mode = await askImportConflict(outcome, pkg.fileName);
    if (!mode) return null;
    const again = await withGitIdentity(() => store.importPackage(pkg.fileName, pkg.base64, mode));
    if (!again) return null;
    outcome = again;
  }
  if (outcome.kind !== 'imported') {
    store.show({ kind: 'importFailed', fileName: pkg.fileName, message: outcome.message });
    return null;
  }
  const p = outcome.project;
  if (outcome.replaced) toastSuccess(`Replaced ${p.label || p.name} with version ${p.version}${outcome.sha ? ` as commit ${outcome.sha.slice(0, 7)}` : ''}; its history is kept.`);
  else if (outcome.copyOf) toastSuccess(`Imported ${outcome.copyOf} ${p.version} as a copy, ${p.name}.`);
  else toastSuccess(`Imported ${p.label || p.name} ${p.version}.`);
  // What the safe extraction left out: stray files beside the folder, virtualenv and git folders inside it.
  if (outcome.warnings.length) toastInfo(`${pkg.fileName}: ${outcome.warnings.join(' ')}`);
  if (opts.openAfter !== false) openProject(p.id);
  return p;
}

export async function addVersion() {
  const projectId = currentProjectId();
  const version = useProjectsStore.getState().projects.find((p) => p.id === projectId)?.version ?? '';
  const choice = await choiceDialog({
    title: 'Add Version',
    message: `Tags the current version ${version} in git, bumps info.json, opens a release notes section and commits.`,
    choices: [...LEVELS.map((l) => ({ id: l, label: `${l[0].toUpperCase()}${l.slice(1)}: ${bumpVersion(version, l) ?? '?'}`, primary: l === 'patch' })), { id: 'cancel', label: 'Cancel' }],
  });
  if (choice === 'cancel') return;
  try {
    const r = await withGitIdentity(() => useAuthoringStore.getState().addVersion(projectId, choice as (typeof LEVELS)[number]));
    if (!r) return;
    toastSuccess(`Tagged ${r.tag}; the connector is now version ${r.to}.`);
    await useWorkspaceStore.getState().loadTree();
    void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
  } catch (e) {
    toastError(e);
  }
}

export function duplicate() {
  const projectId = currentProjectId();
  const projects = useProjectsStore.getState().projects;
  const p = projects.find((x) => x.id === projectId);
  if (!p) return toastInfo('Open a connector project to duplicate it.');
  useAuthoringStore.getState().show({ kind: 'duplicate', projectId, initial: duplicateDefaults(p, projects.map((x) => x.name)) });
}

export async function submitDuplicate(projectId: string, as: { name: string; label: string; version: string }) {
  const project = await withGitIdentity(() => useAuthoringStore.getState().duplicate(projectId, as));
  if (!project) return;
  useAuthoringStore.getState().show(null);
  toastSuccess(`Created ${project.label || project.name} ${project.version}.`);
  openProject(project.id);
}

export const AUTHORING_COMMANDS: readonly Command[] = [
  { id: 'connector.new', category: 'Connector', title: 'New Connector…', shortcut: 'Mod+Alt+N', run: () => newConnector() },
  { id: 'package.import', category: 'Connector', title: 'Import .tgz…', shortcut: 'Mod+Alt+O', run: () => importTgz() },
  { id: 'package.export', category: 'Connector', title: 'Export .tgz', shortcut: 'Mod+Alt+E', inProjectOnly: true, run: () => exportTgz() },
  { id: 'connector.addVersion', category: 'Connector', title: 'Add Version…', shortcut: 'Mod+Alt+V', inProjectOnly: true, run: () => addVersion() },
  { id: 'connector.duplicate', category: 'Connector', title: 'Duplicate Connector…', shortcut: 'Mod+Alt+U', inProjectOnly: true, run: () => duplicate() },
];
