import { useRef } from 'react';
import { Icon } from '../../components/Icon';
import { followDrag } from '../../hooks/follow-drag';
import { isMac } from '../../hooks/platform';
import { usePersistentNumber } from '../../hooks/usePersistentNumber';
import { useBottomPanelStore } from '../../store/bottom-panel/store';
import { formatShortcut } from '../../store/palette/shortcuts';
import { tabDomId, useBottomPanelTabs, type BottomPanelTab } from './registry';
import './bottom-panel.css';

const MIN_HEIGHT = 90;
/** The editor keeps at least this much of the window. */
const EDITOR_RESERVE = 200;
const clampHeight = (h: number) => Math.max(MIN_HEIGHT, Math.min(window.innerHeight - EDITOR_RESERVE, h));
/** The Problems panel's height before it became a tab here, so an upgrade keeps the size the user chose; else about
 * a third of the window, room for a result and its logs. */
const initialHeight = () => Number(localStorage.getItem('cs.problems.height')) || Math.round(Math.max(240, window.innerHeight * 0.36));

/** The panel under the editor, as in VS Code: Problems, Output and Debug Console as tabs; Ctrl/Cmd+J shows and
 * hides it; its height follows the drag handle on its top edge (or the arrow keys on it) and is kept. */
export function BottomPanel() {
  const tabs = useBottomPanelTabs();
  const open = useBottomPanelStore((s) => s.open);
  const activeId = useBottomPanelStore((s) => s.active);
  const [height, setHeight] = usePersistentNumber('cs.panel.height', initialHeight());
  if (!open || tabs.length === 0) return null;
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0];
  const Content = active.render;
  const Actions = active.actions;

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const start = height;
    followDrag(e, 'y', (dy) => setHeight(clampHeight(start - dy)));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    setHeight(clampHeight(height + (e.key === 'ArrowUp' ? 20 : -20)));
  };

  return (
    <section className="bottom-panel" style={{ height }} aria-label="Panel" data-testid="bottom-panel" data-active-tab={active.id}>
      <div className="bottom-panel-resizer" role="separator" aria-orientation="horizontal" aria-label={`Resize the ${active.title} panel`} tabIndex={0}
        aria-valuenow={Math.round(height)} aria-valuemin={MIN_HEIGHT} aria-valuemax={Math.max(MIN_HEIGHT, window.innerHeight - EDITOR_RESERVE)}
        onPointerDown={onPointerDown} onKeyDown={onKeyDown} data-testid="bottom-panel-resizer" />
      <header className="bottom-panel-bar">
        <TabList tabs={tabs} active={active.id} />
        <span className="bottom-panel-spacer" />
        {Actions && <div className="bottom-panel-actions"><Actions /></div>}
        <button className="icon-button" aria-label="Close the panel" title={`Close Panel (${formatShortcut('Mod+J', isMac())})`}
          onClick={() => useBottomPanelStore.getState().close()} data-testid="bottom-panel-close">
          <Icon name="close" size={14} />
        </button>
      </header>
      <div className="bottom-panel-body" role="tabpanel" id={`bottom-panel-${active.id}`} aria-labelledby={tabDomId(active.id)} data-testid={`bottom-panel-${active.id}`}>
        <Content key={active.id} />
      </div>
    </section>
  );
}

/** Tabs with the arrow keys, Home and End (focus follows selection), one tab stop for the whole list. */
function TabList({ tabs, active }: { tabs: readonly BottomPanelTab[]; active: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const last = tabs.length - 1;
    const next = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    useBottomPanelStore.getState().select(tabs[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div className="bottom-panel-tabs" role="tablist" aria-label="Panel">
      {tabs.map((t, i) => {
        const Badge = t.badge;
        const selected = t.id === active;
        return (
          <button key={t.id} ref={(el) => { refs.current[i] = el; }} role="tab" id={tabDomId(t.id)} aria-selected={selected} aria-controls={`bottom-panel-${t.id}`}
            tabIndex={selected ? 0 : -1} className={`bottom-panel-tab${selected ? ' active' : ''}`} onKeyDown={(e) => onKeyDown(e, i)}
            onClick={() => useBottomPanelStore.getState().select(t.id)} data-testid={tabDomId(t.id)}>
            {t.title}
            {Badge && <Badge />}
          </button>
        );
      })}
    </div>
  );
}
