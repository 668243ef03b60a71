import { useEffect, useRef } from 'react';
import { onEvent } from '../../api/client';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/app/store';
import { infoPathOf, useTestingStore } from '../../store/testing/store';
import type { TestTab } from '../../store/testing/types';
import { ActionsPanel } from './ActionsPanel';
import { ConfigsPanel } from './ConfigsPanel';
import { EnvironmentPanel } from './EnvironmentPanel';
import './testing.css';

const TABS: readonly { id: TestTab; label: string }[] = [
  { id: 'configurations', label: 'Configurations' },
  { id: 'actions', label: 'Actions' },
  { id: 'environment', label: 'Environment' },
];

/** Loads the project's test state, and reloads the fields and operations when info.json changes on disk. */
function useTestProject() {
  const projectId = useAppStore((s) => s.projectId);
  useEffect(() => {
    if (!projectId) return;
    void useTestingStore.getState().open(projectId);
    return onEvent('files.changed', (e) => {
      if (e.projectId === projectId && e.relPaths.includes(infoPathOf(projectId))) void useTestingStore.getState().loadInfo();
    });
  }, [projectId]);
}

/** The Test side bar view: Test Configuration and Test Actions against the simulated runtime. */
export function TestView() {
  useTestProject();
  const { tab, info, infoError } = useTestingStore();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: React.KeyboardEvent, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    useTestingStore.getState().setTab(TABS[next].id);
    tabs.current[next]?.focus();
  };
  return (
    <section className="sidebar-view tc-view" aria-label="Test" data-testid="test-view">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Test{info?.name ? ` · ${info.name} ${info.version}` : ''}</h2>
        <button className="icon-button" aria-label="Reload info.json and configurations" title="Reload" onClick={() => void useTestingStore.getState().open(useAppStore.getState().projectId!)}>
          <Icon name="refresh" />
        </button>
      </div>
      <div className="tc-tabs" role="tablist" aria-label="Test">
        {TABS.map((t, i) => (
          <button key={t.id} ref={(el) => { tabs.current[i] = el; }} role="tab" id={`tc-tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`tc-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1} className={`tc-tab${tab === t.id ? ' active' : ''}`} onKeyDown={(e) => onKey(e, i)}
            onClick={() => useTestingStore.getState().setTab(t.id)} data-testid={`test-tab-${t.id}`}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="tc-scroll" role="tabpanel" id={`tc-panel-${tab}`} aria-labelledby={`tc-tab-${tab}`}>
        {infoError && <p className="inline-error" role="alert">{infoError}</p>}
        {tab === 'configurations' ? <ConfigsPanel /> : tab === 'environment' ? <EnvironmentPanel /> : <ActionsPanel />}
      </div>
    </section>
  );
}
