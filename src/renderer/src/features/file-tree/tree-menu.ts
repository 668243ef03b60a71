import type { MenuItem } from '../../components/ContextMenu';
import { toastError } from '../../store/app/store';
import { formatShortcut } from '../../store/palette/shortcuts';
import { parentOf, type TreeRow } from '../../store/workspace/tree-model';
import { isMac } from '../../hooks/platform';
import { openRow } from './useTreeKeyboard';
import { deleteEntry, newFile, newFolder, pickAndUpload, renameEntry } from './tree-commands';

/** The context menu of a row (or of the empty area below the rows, `row` null = project root). */
export function treeMenuItems(row: TreeRow | null): MenuItem[] {
  const dir = row === null ? '' : row.node.kind === 'dir' ? row.node.relPath : parentOf(row.node.relPath);
  const items: MenuItem[] = [
    { id: 'newFile', label: 'New File…', run: () => void newFile(dir) },
    { id: 'newFolder', label: 'New Folder…', run: () => void newFolder(dir) },
    { id: 'upload', label: 'Upload Files…', run: () => pickAndUpload(dir) },
  ];
  if (!row) return items;
  const rel = row.node.relPath;
  return [
    ...(row.node.kind === 'file' ? [{ id: 'open', label: 'Open', shortcut: 'Enter', run: () => void openRow(row, true) }] : []),
    ...items.map((i, n) => (n === 0 && row.node.kind === 'file' ? { ...i, separatorBefore: true } : i)),
    { id: 'copyPath', label: 'Copy Relative Path', separatorBefore: true, run: () => void navigator.clipboard?.writeText(rel).catch(toastError) },
    { id: 'rename', label: 'Rename…', shortcut: formatShortcut('F2', isMac()), separatorBefore: true, run: () => void renameEntry(rel) },
    { id: 'delete', label: 'Delete', shortcut: 'Delete', danger: true, run: () => void deleteEntry(rel) },
  ];
}
