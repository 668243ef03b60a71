import { Fragment, useEffect, useRef, useState } from 'react';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly shortcut?: string;
  readonly danger?: boolean;
  readonly disabled?: boolean;
  readonly separatorBefore?: boolean;
  run(): void;
}

interface ContextMenuProps {
  x: number;
  y: number;
  label: string;
  items: readonly MenuItem[];
  onClose(): void;
}

/** A menu at a point: arrow keys move, Enter runs, Esc or a click outside closes, focus goes back. */
export function ContextMenu({ x, y, label, items, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const enabled = items.filter((i) => !i.disabled);
  const [index, setIndex] = useState(0);

  const close = useRef(onClose);
  close.current = onClose;

  // Mount and unmount only: the owner re-renders while the menu is open (a tree refresh) without stealing focus.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const outside = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && close.current();
    window.addEventListener('mousedown', outside);
    return () => {
      window.removeEventListener('mousedown', outside);
      before?.focus?.();
    };
  }, []);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  }, [index]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setIndex((i) => (i + 1) % enabled.length),
      ArrowUp: () => setIndex((i) => (i - 1 + enabled.length) % enabled.length),
      Home: () => setIndex(0),
      End: () => setIndex(enabled.length - 1),
      Escape: onClose,
      Tab: onClose,
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  const left = Math.min(x, window.innerWidth - 240);
  const top = Math.min(y, window.innerHeight - items.length * 28 - 16);
  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={label} style={{ left, top }} onKeyDown={onKeyDown} data-testid="context-menu">
      {items.map((item) => (
        <Fragment key={item.id}>
          {item.separatorBefore && <div role="separator" className="menu-separator" />}
          <button role="menuitem" className={`menu-item${item.danger ? ' danger' : ''}`} disabled={item.disabled}
            data-index={enabled.indexOf(item)} tabIndex={-1}
            onClick={() => {
              onClose();
              item.run();
            }}>
            <span>{item.label}</span>
            {item.shortcut && <kbd className="menu-shortcut">{item.shortcut}</kbd>}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
