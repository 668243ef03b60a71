import { useState } from 'react';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { moveItem } from '../../store/connector/item-actions';

/** The item being dragged; drops are accepted only within the same list. */
let dragging: { list: string; index: number } | null = null;

/** Puts the keyboard back on the moved row's handle once React has drawn it at its new place. */
export function focusItem(pointer: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-item="${CSS.escape(pointer)}"] .item-toggle`)?.focus());
}

/** Drag and drop, and Alt+Up / Alt+Down, for one row of a list of operations or fields. */
export function useReorder(listPath: JSONPath, index: number) {
  const list = pathToPointer(listPath);
  const [over, setOver] = useState<'before' | 'after' | null>(null);

  const move = (to: number) => {
    if (moveItem(listPath, index, to)) focusItem(`${list}/${to}`);
  };

  return {
    dropHint: over,
    headProps: {
      draggable: true,
      onDragStart: (e: React.DragEvent) => {
        dragging = { list, index };
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', `${list}/${index}`);
      },
      onDragEnd: () => {
        dragging = null;
        setOver(null);
      },
      onKeyDown: (e: React.KeyboardEvent) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        e.stopPropagation();
        move(e.key === 'ArrowUp' ? index - 1 : index + 1);
      },
    },
    rowProps: {
      onDragOver: (e: React.DragEvent) => {
        if (dragging?.list !== list || dragging.index === index) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(dragging.index > index ? 'before' : 'after');
      },
      onDragLeave: () => setOver(null),
      onDrop: (e: React.DragEvent) => {
        setOver(null);
        if (dragging?.list !== list) return;
        e.preventDefault();
        e.stopPropagation();
        const from = dragging.index;
        dragging = null;
        if (moveItem(listPath, from, index)) focusItem(`${list}/${index}`);
      },
    },
    moveUp: () => move(index - 1),
    moveDown: () => move(index + 1),
  };
}
