import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../store/app/store';
import { modeOf, usePaletteStore } from '../../store/palette/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { paletteItems } from './palette-items';

const PLACEHOLDER = { commands: 'Type a command', files: 'Search files by name (type > for commands, : for a line)', line: 'Go to line' };

/** Command palette, quick open and go to line in one box, as in VS Code. */
export function CommandPalette() {
  const { open, query, index } = usePaletteStore();
  const inProject = useAppStore((s) => s.projectId !== null);
  const tree = useWorkspaceStore((s) => s.tree);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const items = useMemo(() => (open ? paletteItems(query, inProject, tree) : []), [open, query, inProject, tree]);
  const { hide, setQuery, move } = usePaletteStore.getState();

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    const box = input.current;
    const shown = list.current;
    box?.focus();
    // Focus goes back where it was unless the user moved it elsewhere while the palette was open.
    return () => {
      if (document.activeElement === document.body || shown?.contains(document.activeElement) || document.activeElement === box) before?.focus?.();
    };
  }, [open]);
  useEffect(() => list.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' }), [index]);

  if (!open) return null;
  const run = (i: number) => {
    const item = items[i];
    if (!item) return;
    hide();
    void item.run();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1, items.length),
      ArrowUp: () => move(-1, items.length),
      Enter: () => run(index),
      Escape: hide,
      Tab: () => undefined,
    };
    if (!keys[e.key]) return;
    e.preventDefault();
    e.stopPropagation();
    keys[e.key]();
  };
  const optionId = (i: number) => `palette-option-${i}`;

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && hide()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="palette">
        <input ref={input} className="palette-input" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown}
          placeholder={PLACEHOLDER[modeOf(query)]} role="combobox" aria-expanded="true" aria-controls="palette-list"
          aria-activedescendant={items[index] ? optionId(index) : undefined} aria-autocomplete="list" aria-label="Command palette input"
          spellCheck={false} data-testid="palette-input" />
        <ul ref={list} id="palette-list" className="palette-list" role="listbox" aria-label="Results" data-testid="palette-list">
          {items.map((item, i) => (
            <li key={item.id} id={optionId(i)} role="option" aria-selected={i === index} data-index={i} data-testid="palette-item"
              className={`palette-item${i === index ? ' selected' : ''}`} onMouseDown={(e) => e.preventDefault()} onClick={() => run(i)}>
              <span className="palette-label">{item.label}</span>
              {item.detail && <span className="palette-detail">{item.detail}</span>}
              {item.keys && <kbd className="palette-keys">{item.keys}</kbd>}
            </li>
          ))}
          {!items.length && <li className="palette-empty" role="option" aria-selected="false" aria-disabled="true">No matching results</li>}
        </ul>
      </div>
    </div>
  );
}
