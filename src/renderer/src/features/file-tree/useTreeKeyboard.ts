import { useRef } from 'react';
import { editorInstance } from '../../editor/editor-instance';
import { useEditorStore } from '../../store/editor/store';
import { parentOf, type TreeRow } from '../../store/workspace/tree-model';
import { useWorkspaceStore } from '../../store/workspace/store';
import { deleteEntry, renameEntry } from './tree-commands';

/** Opens a file from the tree; Enter also moves focus into the editor so typing can start at once. */
export async function openRow(row: TreeRow, focusEditor: boolean) {
  const ws = useWorkspaceStore.getState();
  ws.select(row.node.relPath);
  if (row.node.kind === 'dir') return ws.toggle(row.node.relPath);
  await useEditorStore.getState().openFile(row.node.relPath);
  if (focusEditor) requestAnimationFrame(() => editorInstance.focus());
}

/** The tree's keys, as in VS Code: arrows move and fold, Enter opens, F2 renames, Delete deletes, letters jump. */
export function useTreeKeyboard(rows: readonly TreeRow[], openMenu: (row: TreeRow | null) => void) {
  const typed = useRef({ text: '', at: 0 });

  return (e: React.KeyboardEvent) => {
    const ws = useWorkspaceStore.getState();
    const i = rows.findIndex((r) => r.node.relPath === ws.selected);
    const row = rows[i];
    const go = (j: number) => rows[j] && ws.select(rows[j].node.relPath);
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(i < 0 ? 0 : Math.min(rows.length - 1, i + 1)),
      ArrowUp: () => go(i < 0 ? 0 : Math.max(0, i - 1)),
      Home: () => go(0),
      End: () => go(rows.length - 1),
      ArrowRight: () => row?.node.kind === 'dir' && (row.expanded ? go(i + 1) : ws.setExpanded(row.node.relPath, true)),
      ArrowLeft: () => (row?.expanded ? ws.setExpanded(row.node.relPath, false) : row && parentOf(row.node.relPath) && ws.select(parentOf(row.node.relPath))),
      Enter: () => row && void openRow(row, true),
      ' ': () => row && void openRow(row, false),
      F2: () => row && void renameEntry(row.node.relPath),
      Delete: () => row && void deleteEntry(row.node.relPath),
      ContextMenu: () => openMenu(row ?? null),
    };
    const key = e.key === 'F10' && e.shiftKey ? 'ContextMenu' : e.key;
    const act = !e.ctrlKey && !e.metaKey && !e.altKey ? keys[key] : undefined;
    if (act) {
      e.preventDefault();
      act();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      typeAhead(e.key, rows, i, typed.current);
    }
  };
}

function typeAhead(ch: string, rows: readonly TreeRow[], from: number, state: { text: string; at: number }) {
  const now = Date.now();
  state.text = now - state.at < 700 ? state.text + ch.toLowerCase() : ch.toLowerCase();
  state.at = now;
  const start = state.text.length === 1 ? from + 1 : Math.max(0, from);
  const ordered = [...rows.slice(start), ...rows.slice(0, start)];
  const hit = ordered.find((r) => r.node.name.toLowerCase().startsWith(state.text));
  if (hit) useWorkspaceStore.getState().select(hit.node.relPath);
}
