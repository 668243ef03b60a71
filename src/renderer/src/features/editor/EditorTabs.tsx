import { useRef } from 'react';
import { FileIcon } from '../../components/FileIcon';
import { Icon } from '../../components/Icon';
import { useEditorStore } from '../../store/editor/store';
import { baseName } from '../../store/workspace/tree-model';
import { pageLabel } from './page-tabs';

export const EDITOR_PANEL_ID = 'editor-panel';
const tabId = (i: number) => `editor-tab-${i}`;

/** Open files as a tablist: arrows move between tabs, Delete closes one; the × is a mouse shortcut for that. */
export function EditorTabs() {
  const tabs = useEditorStore((s) => s.tabs);
  const active = useEditorStore((s) => s.active);
  const list = useRef<HTMLDivElement>(null);
  const { activate, closeTab } = useEditorStore.getState();

  const names = tabs.map((t) => (t.kind === 'page' ? pageLabel(t.relPath) : baseName(t.relPath)));
  const focusTab = (i: number) => {
    const t = tabs[(i + tabs.length) % tabs.length];
    if (!t) return;
    activate(t.relPath);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(t.relPath)}"]`)?.focus());
  };
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => focusTab(i + 1),
      ArrowLeft: () => focusTab(i - 1),
      Home: () => focusTab(0),
      End: () => focusTab(tabs.length - 1),
      Delete: () => void closeTab(tabs[i].relPath),
    };
    if (!keys[e.key]) return;
    e.preventDefault();
    keys[e.key]();
  };

  if (!tabs.length) return null;
  return (
    <div ref={list} className="editor-tabs" role="tablist" aria-label="Open files" data-testid="editor-tabs">
      {tabs.map((t, i) => {
        const isActive = t.relPath === active;
        const duplicate = names.filter((n) => n === names[i]).length > 1;
        return (
          <div key={t.relPath} id={tabId(i)} role="tab" aria-selected={isActive} aria-controls={EDITOR_PANEL_ID} tabIndex={isActive ? 0 : -1}
            className={`editor-tab${isActive ? ' active' : ''}${t.dirty ? ' dirty' : ''}`} title={t.relPath}
            data-testid="editor-tab" data-path={t.relPath} data-dirty={t.dirty ? 'true' : 'false'}
            onClick={() => activate(t.relPath)} onAuxClick={(e) => e.button === 1 && void closeTab(t.relPath)} onKeyDown={(e) => onKeyDown(e, i)}>
            {t.kind === 'page' ? <Icon name="info" size={14} /> : <FileIcon name={names[i]} />}
            <span className="tab-label">{names[i]}</span>
            {duplicate && <span className="tab-dir">{t.relPath.slice(0, t.relPath.lastIndexOf('/'))}</span>}
            {t.dirty && <span className="visually-hidden">, unsaved changes</span>}
            <span className="tab-close" aria-hidden="true" title="Close" data-testid="tab-close"
              onClick={(e) => {
                e.stopPropagation();
                void closeTab(t.relPath);
              }}>
              <span className="tab-dirty-dot">●</span>
              <Icon name="close" size={14} className="tab-x" />
            </span>
          </div>
        );
      })}
    </div>
  );
}
