import { isConflict } from '../../api/api-error';
import { toastError, toastSuccess } from '../../store/app/store';
import { confirmDialog, promptDialog } from '../../store/dialogs/store';
import { useEditorStore } from '../../store/editor/store';
import { baseName, nameProblem, parentOf, targetDirOf } from '../../store/workspace/tree-model';
import { useWorkspaceStore } from '../../store/workspace/store';
import { readBase64 } from '../../lib/read-base64';
import { plural } from '../../../../shared/plural';

// The file operations the tree, its context menu and the command palette share: ask, then call the store.

const ws = () => useWorkspaceStore.getState();
const where = (dir: string) => (dir ? `“${dir}”` : 'the project folder');
const defaultDir = () => targetDirOf(ws().tree, ws().selected);

export async function newFile(dir = defaultDir()) {
  const name = await promptDialog({ title: 'New File', label: `File name in ${where(dir)}`, confirmLabel: 'Create', validate: nameProblem });
  if (name === null) return;
  try {
    const relPath = await ws().createFile(dir, name);
    await useEditorStore.getState().openFile(relPath, { line: 1 });
  } catch (e) {
    toastError(e);
  }
}

export async function newFolder(dir = defaultDir()) {
  const name = await promptDialog({ title: 'New Folder', label: `Folder name in ${where(dir)}`, confirmLabel: 'Create', validate: nameProblem });
  if (name === null) return;
  try {
    await ws().createDir(dir, name);
  } catch (e) {
    toastError(e);
  }
}

export async function renameEntry(relPath = ws().selected) {
  if (!relPath) return;
  const name = await promptDialog({ title: 'Rename', label: `New name for “${relPath}”`, initial: baseName(relPath), confirmLabel: 'Rename', validate: nameProblem, selectStem: true });
  if (name === null || name.trim() === baseName(relPath)) return;
  try {
    await ws().rename(relPath, name);
  } catch (e) {
    toastError(e);
  }
}

export async function deleteEntry(relPath = ws().selected) {
  if (!relPath) return;
  const ok = await confirmDialog({
    title: `Delete “${baseName(relPath)}”?`,
    message: `“${relPath}” will be moved to the system trash (deleted permanently where there is no trash).`,
    confirmLabel: 'Move to Trash',
    danger: true,
  });
  if (!ok) return;
  try {
    await ws().remove(relPath);
    toastSuccess(`Deleted “${relPath}”.`);
  } catch (e) {
    toastError(e);
  }
}

export async function moveEntry(from: string, toDir: string) {
  if (parentOf(from) === toDir || toDir === from || toDir.startsWith(`${from}/`)) return;
  try {
    await ws().move(from, toDir);
  } catch (e) {
    toastError(e);
  }
}

/** Writes the files into `dir`; an existing name asks before it is replaced. */
export async function uploadFiles(dir: string, files: readonly File[]) {
  if (!files.length) return;
  try {
    const payload = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await readBase64(f) })));
    try {
      await ws().upload(dir, payload, false);
    } catch (e) {
      if (!isConflict(e)) throw e;
      const replace = await confirmDialog({ title: 'Replace existing files?', message: `${e.message} Replace the files in ${where(dir)} that have the same names?`, confirmLabel: 'Replace', danger: true });
      if (!replace) return;
      await ws().upload(dir, payload, true);
    }
    toastSuccess(`Uploaded ${plural(files.length, 'file')} to ${where(dir)}.`);
  } catch (e) {
    toastError(e);
  }
}

/** Opens the system file chooser (an <input type=file>), then uploads into `dir`. */
export function pickAndUpload(dir = defaultDir()) {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.setAttribute('data-testid', 'upload-input');
  input.style.display = 'none';
  input.addEventListener('change', () => {
    void uploadFiles(dir, [...(input.files ?? [])]);
    input.remove();
  });
  input.addEventListener('cancel', () => input.remove());
  document.body.append(input);
  input.click();
}
