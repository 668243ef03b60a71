import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ContextMenu } from '../../components/ContextMenu';
import { useEditorStore } from '../../store/editor/store';
import { useGitStore } from '../../store/git/store';
import { flattenVisible, parentOf, type TreeRow as Row } from '../../store/workspace/tree-model';
import { useWorkspaceStore } from '../../store/workspace/store';
import { moveEntry, uploadFiles } from './tree-commands';
import { treeMenuItems } from './tree-menu';
import { ROW_HEIGHT, TreeRow } from './TreeRow';
import { useTreeKeyboard, openRow } from './useTreeKeyboard';
import { useViewport, visibleRange } from './useViewport';

const DRAG_TYPE = 'application/x-connector-studio-path';
const rowId = (i: number) => `tree-item-${i}`;

/** The Explorer tree: virtualised (only rows in view are in the DOM), keyboard-first, with drag to move. */
export function FileTree() {
  const tree = useWorkspaceStore((s) => s.tree);
  const expanded = useWorkspaceStore((s) => s.expanded);
  const selected = useWorkspaceStore((s) => s.selected);
  const decorations = useGitStore((s) => s.decorations);
  const tabs = useEditorStore((s) => s.tabs);
  const active = useEditorStore((s) => s.active);
  const scroller = useRef<HTMLDivElement>(null);
  const view = useViewport(scroller);
  const [menu, setMenu] = useState<{ x: number; y: number; row: Row | null } | null>(null);
  const [dropDir, setDropDir] = useState<string | null>(null);

  const rows = useMemo(() => (tree ? flattenVisible(tree, new Set(expanded)) : []), [tree, expanded]);
  const dirty = useMemo(() => new Set(tabs.filter((t) => t.dirty).map((t) => t.relPath)), [tabs]);
  const selectedIndex = rows.findIndex((r) => r.node.relPath === selected);
  const { start, end } = visibleRange(rows.length, ROW_HEIGHT, view);
  const indices = useMemo(() => {
    const list = Array.from({ length: end - start }, (_, k) => start + k);
    return selectedIndex >= 0 && (selectedIndex < start || selectedIndex >= end) ? [...list, selectedIndex] : list;
  }, [start, end, selectedIndex]);

  useEffect(() => scrollIntoView(scroller.current, selectedIndex), [selectedIndex]);

  const openMenuAt = useCallback((row: Row | null, x: number, y: number) => setMenu({ row, x, y }), []);
  const openMenuFor = (row: Row | null) => {
    if (!row) return openMenuAt(null, (scroller.current?.getBoundingClientRect().left ?? 0) + 24, (scroller.current?.getBoundingClientRect().top ?? 0) + 24);
    const el = document.getElementById(rowId(rows.indexOf(row)))?.getBoundingClientRect();
    openMenuAt(row, (el?.left ?? 0) + 24, (el?.bottom ?? 0));
  };
  const onKeyDown = useTreeKeyboard(rows, openMenuFor);
  const onClick = useCallback((row: Row) => void openRow(row, false), []);
  const dirOf = (row: Row | null) => (row === null ? '' : row.node.kind === 'dir' ? row.node.relPath : parentOf(row.node.relPath));

  const onDragStart = useCallback((row: Row, e: React.DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, row.node.relPath);
    e.dataTransfer.effectAllowed = 'move';
  }, []);
  const onDragOver = useCallback((row: Row | null, e: React.DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDropDir(dirOf(row));
  }, []);
  const onDrop = useCallback((row: Row | null, e: React.DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDropDir(null);
    const from = e.dataTransfer.getData(DRAG_TYPE);
    if (from) void moveEntry(from, dirOf(row));
    else if (e.dataTransfer.files.length) void uploadFiles(dirOf(row), [...e.dataTransfer.files]);
  }, []);

  if (!tree) return null;
  return (
    <>
      <div ref={scroller} className="tree-scroller" role="tree" aria-label="Project files" tabIndex={0}
        aria-activedescendant={selectedIndex >= 0 ? rowId(selectedIndex) : undefined} onKeyDown={onKeyDown}
        onFocus={() => !selected && rows[0] && useWorkspaceStore.getState().select(rows[0].node.relPath)}
        onContextMenu={(e) => {
          e.preventDefault();
          openMenuAt(null, e.clientX, e.clientY);
        }}
        onDragOver={(e) => onDragOver(null, e)} onDragLeave={() => setDropDir(null)} onDrop={(e) => onDrop(null, e)}
        data-testid="file-tree" data-rows={rows.length}>
        <div className="tree-spacer" style={{ height: rows.length * ROW_HEIGHT }}>
          {indices.map((i) => {
            const row = rows[i];
            const rel = row.node.relPath;
            return (
              <TreeRow key={rel} row={row} id={rowId(i)} index={i} setSize={rows.length} selected={rel === selected}
                active={rel === active} dirty={dirty.has(rel)} git={decorations.files.get(rel)} gitInside={decorations.dirs.has(rel)}
                dropTarget={dropDir !== null && row.node.kind === 'dir' && dropDir === rel}
                onClick={onClick} onContextMenu={openMenuAt} onDragStart={onDragStart} onDragOver={onDragOver} onDrop={onDrop} />
            );
          })}
        </div>
      </div>
      {menu && (
        <ContextMenu x={menu.x} y={menu.y} label={menu.row ? `Actions for ${menu.row.node.name}` : 'Project actions'}
          items={treeMenuItems(menu.row)} onClose={() => setMenu(null)} />
      )}
    </>
  );
}

function scrollIntoView(el: HTMLElement | null, index: number) {
  if (!el || index < 0) return;
  const top = index * ROW_HEIGHT;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
}
