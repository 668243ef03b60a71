import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { plural } from '../../../../shared/plural';
import { Icon } from '../../components/Icon';
import { toastError, useAppStore } from '../../store/app/store';
import { isEmptySnapshot, recordCount } from '../../store/platform-data/model';
import { usePlatformDataStore } from '../../store/platform-data/store';
import { showTest } from '../testing/test-commands';
import { resetPlatformData } from './platform-commands';
import { FilesSection, IngestSection, ModuleSection, NAV_ATTR } from './PlatformSections';
import './platform-data.css';

/** Up/Down/Home/End move between rows; Left/Right fold and unfold a module from its heading. */
function onNavKey(e: React.KeyboardEvent<HTMLElement>) {
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>(`[${NAV_ATTR}]`)];
  const at = rows.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const module = rows[at].dataset.pdModule;
  const expanded = rows[at].getAttribute('aria-expanded') === 'true';
  const to =
    e.key === 'ArrowDown' ? Math.min(at + 1, rows.length - 1)
    : e.key === 'ArrowUp' ? Math.max(at - 1, 0)
    : e.key === 'Home' ? 0
    : e.key === 'End' ? rows.length - 1
    : -1;
  if (to >= 0) {
    e.preventDefault();
    rows[to].focus();
  } else if (module && ((e.key === 'ArrowLeft' && expanded) || (e.key === 'ArrowRight' && !expanded))) {
    e.preventDefault();
    usePlatformDataStore.getState().toggleModule(module);
  }
}

/** After reveal(): the selected row in view and focused, so Enter folds its detail and the arrows go on from it. */
function useRevealFocus(list: React.RefObject<HTMLDivElement | null>) {
  const seq = usePlatformDataStore((s) => s.revealSeq);
  useEffect(() => {
    const iri = usePlatformDataStore.getState().selectedIri;
    if (!seq || !iri) return;
    const row = list.current?.querySelector<HTMLElement>(`[${NAV_ATTR}][data-iri="${CSS.escape(iri)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.focus();
  }, [seq, list]);
}

function EmptyState() {
  return (
    <div className="pd-empty" data-testid="platform-empty">
      <p><strong>No records yet:</strong> run an action that creates records (an attachment, an alert, an indicator…) in Test Actions, and they
        appear here as the connector would find them on a FortiSOAR server.</p>
      <button className="button secondary small" onClick={() => showTest('actions')}>Open Test Actions</button>
    </div>
  );
}


/** The simulated FortiSOAR's records and files that this project's runs created, with reset. */
export function PlatformDataView() {
  const projectId = useAppStore((s) => s.projectId);
  const { snapshot, loading, error, resetting, notFound } = usePlatformDataStore(
    useShallow((s) => ({ snapshot: s.snapshot, loading: s.loading, error: s.error, resetting: s.resetting, notFound: s.notFound })),
  );
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (projectId) void usePlatformDataStore.getState().open(projectId);
  }, [projectId]);
  useRevealFocus(list);
  const empty = isEmptySnapshot(snapshot);
  return (
    <section className="sidebar-view pd-view" aria-label="Platform data" data-testid="platform-view" aria-busy={loading || resetting}>
      <div className="sidebar-header">
        <h2 className="sidebar-title">Platform Data</h2>
        <div className="pd-header-actions">
          <button className="icon-button" aria-label="Refresh platform data" title="Refresh" onClick={() => void usePlatformDataStore.getState().refresh()}
            data-testid="platform-refresh">
            <Icon name="refresh" />
          </button>
          <button className="icon-button danger-hover" aria-label="Reset platform data…" title="Reset…" disabled={empty || resetting}
            onClick={() => void resetPlatformData().catch(toastError)} data-testid="platform-reset">
            <Icon name="trash" />
          </button>
        </div>
      </div>
      {snapshot && !empty && (
        <p className="pd-summary muted small" data-testid="platform-summary" title={snapshot.location ?? 'Kept in memory'}>
          {plural(recordCount(snapshot), 'record')} in {plural(snapshot.modules.length, 'module')} · {plural(snapshot.totalFiles, 'file')}
        </p>
      )}
      {error && <p className="inline-error pad" role="alert" data-testid="platform-error">{error}</p>}
      {notFound && (
        <p className="pd-notice small" role="status" data-testid="platform-not-found">
          <code className="mono">{notFound}</code> is no longer in the platform data: it was reset or deleted after the run.
        </p>
      )}
      <div className="pd-scroll" ref={list} onKeyDown={onNavKey}>
        {!snapshot && loading && <p className="muted pad">Loading…</p>}
        {snapshot && empty && <EmptyState />}
        {snapshot && !empty && (
          <>
            {snapshot.modules.filter((m) => m.total > 0).map((m) => <ModuleSection key={m.module} m={m} />)}
            <FilesSection files={snapshot.files} total={snapshot.totalFiles} />
            <IngestSection batches={snapshot.ingested} />
          </>
        )}
      </div>
    </section>
  );
}
