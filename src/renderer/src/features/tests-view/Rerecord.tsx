import { useState } from 'react';
import type { DataChange, RerecordPreview, SchemaChange } from '../../../../shared/models/connector-tests';
import { useTestingStore } from '../../store/testing/store';
import { useTestsViewStore } from '../../store/tests-view/store';

const RECORDED = '';

/** Re-record's starter for the selected test: which configuration reaches the vendor (its secrets are not in the
 * run record), then the live run. */
export function RerecordStart({ testId }: { testId: string }) {
  const configs = useTestingStore((s) => s.configs);
  const busy = useTestsViewStore((s) => s.running !== null || s.rerecording?.phase === 'running' || s.rerecording?.phase === 'applying');
  const [configId, setConfigId] = useState<string>(useTestingStore.getState().selectedConfigId ?? RECORDED);
  return (
    <div className="tv-rerecord-start">
      <select className="tv-save-mode" aria-label="Configuration to re-record with" value={configId} onChange={(e) => setConfigId(e.target.value)} data-testid="tests-rerecord-config">
        <option value={RECORDED}>Recorded configuration</option>
        {configs.map((c) => (
          <option key={c.id} value={c.id}>{c.name}</option>
        ))}
      </select>
      <button type="button" className="button small" disabled={busy} onClick={() => void useTestsViewStore.getState().rerecord(testId, configId || undefined)}
        title="Run this test's call live against the vendor and compare with its cassette" data-testid="tests-rerecord">
        Re-record
      </button>
    </div>
  );
}

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

function DataRow({ c }: { c: DataChange }) {
  return (
    <li className={`tv-change tv-${c.kind}`}>
      <code>{c.path}</code> {c.kind === 'changed' ? <>{show(c.before)} → {show(c.after)}</> : c.kind === 'added' ? <>+ {show(c.after)}</> : <>− {show(c.before)}</>}
    </li>
  );
}

function SchemaRow({ c }: { c: SchemaChange }) {
  return (
    <li className={`tv-change tv-${c.kind}`}>
      <code>{c.path}</code> {c.kind === 'typeChanged' ? <>{c.before} → {c.after}</> : c.kind === 'added' ? <>+ {c.after}</> : <>− {c.before}</>}
    </li>
  );
}

function Preview({ p }: { p: RerecordPreview }) {
  const statusChanged = p.before.status !== p.after.status;
  return (
    <>
      <p className="tv-pad-x small" data-testid="tests-rerecord-summary">
        {p.unchanged ? 'The vendor answers as recorded.' : 'The vendor answers differently.'} Status {p.before.status}{statusChanged ? ` → ${p.after.status}` : ''};
        {' '}{p.before.interactions} → {p.after.interactions} HTTP exchanges.
      </p>
      {p.after.message && statusChanged && <p className="tv-message">{p.after.message}</p>}
      <h4 className="tv-subtitle">Data ({p.dataChanges.length}{p.truncated ? '+' : ''})</h4>
      {p.dataChanges.length ? <ul className="tv-changes" data-testid="tests-rerecord-data">{p.dataChanges.map((c, i) => <DataRow key={i} c={c} />)}</ul> : <p className="tv-pad-x muted small">No change.</p>}
      <h4 className="tv-subtitle">Output schema ({p.schemaChanges.length})</h4>
      {p.schemaChanges.length ? <ul className="tv-changes" data-testid="tests-rerecord-schema">{p.schemaChanges.map((c, i) => <SchemaRow key={i} c={c} />)}</ul> : <p className="tv-pad-x muted small">Same keys and types.</p>}
    </>
  );
}

/** The live run's outcome against the cassette, with Accept (rewrite the cassette and run record) or Keep. */
export function RerecordPanel() {
  const r = useTestsViewStore((s) => s.rerecording);
  if (!r) return null;
  const name = r.testId.split('::').pop();
  const store = useTestsViewStore.getState();
  return (
    <section className="tv-detail tv-rerecord" aria-label="Re-record" data-testid="tests-rerecord-panel" data-phase={r.phase}>
      <h3 className="tv-section-title">Re-record · {name}</h3>
      {r.phase === 'running' && <p className="tv-pad-x muted small">Running {name} live against the vendor…</p>}
      {r.error && <p className="tv-error" role="alert" data-testid="tests-rerecord-error">{r.error}</p>}
      {r.preview && <Preview p={r.preview} />}
      <div className="tv-rerecord-actions">
        {r.preview && (
          <button type="button" className="button primary small" disabled={r.phase !== 'preview'} onClick={() => void store.acceptRerecord()} data-testid="tests-rerecord-accept"
            title="Replace the test's cassette and run record with the new recording (secrets scrubbed)">
            Accept
          </button>
        )}
        <button type="button" className="button small" disabled={r.phase !== 'preview'} onClick={() => void (r.preview ? store.keepRecording() : store.closeRerecord())} data-testid="tests-rerecord-keep"
          title="Keep the test's recording as it is">
          {r.preview ? 'Keep' : 'Close'}
        </button>
      </div>
    </section>
  );
}
