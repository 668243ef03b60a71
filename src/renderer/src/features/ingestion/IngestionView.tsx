import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldMapping, IngestPull } from '../../../../shared/models/ingestion';
import { plural } from '../../../../shared/plural';
import { toastError, useAppStore } from '../../store/app/store';
import { useIngestionStore } from '../../store/ingestion/store';
import { revealPlatformRecord, showPlatformData } from '../platform-data/platform-commands';
import { showTest } from '../testing/test-commands';
import './ingestion.css';

const SAMPLE_ROWS = 50;
const SAMPLE_COLUMNS = 8;

const cell = (v: unknown): string => {
  const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** `vars.result.data` of the fetch playbook as a table: the first records, the first fields. */
function SampleTable({ data }: { data: unknown }) {
  const rows = Array.isArray(data) ? data : data === null || data === undefined || data === '' ? [] : [data];
  if (rows.length === 0) return <p className="muted small pad" data-testid="ingestion-sample-empty">The fetch playbook returned no sample data.</p>;
  const columns = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' && !Array.isArray(r) ? Object.keys(r as object) : ['value'])))].slice(0, SAMPLE_COLUMNS);
  return (
    <div className="ing-table-wrap">
      <table className="ing-table" data-testid="ingestion-sample-table">
        <thead>
          <tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.slice(0, SAMPLE_ROWS).map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} title={cell(r && typeof r === 'object' ? (r as Record<string, unknown>)[c] : r)}>
                  {cell(r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>)[c] : r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{plural(rows.length, 'record')}{rows.length > SAMPLE_ROWS ? `, the first ${SAMPLE_ROWS} shown` : ''}</p>
    </div>
  );
}

/** The Create Record step's mapping, as the wizard's mapping page lists it. */
function MappingTable({ mapping }: { mapping: FieldMapping }) {
  if (!mapping.step) return <p className="muted small pad">No playbook tagged dataingestion has a Create Record step.</p>;
  return (
    <div className="ing-table-wrap" data-testid="ingestion-mapping">
      <p className="small muted">
        “{mapping.step}” in “{mapping.playbook}” → <code className="mono">{mapping.module ?? mapping.collection}</code>
      </p>
      <table className="ing-table">
        <thead>
          <tr><th>{mapping.module ?? 'Module'} field</th><th>Source fields</th></tr>
        </thead>
        <tbody>
          {mapping.rows.map((r) => (
            <tr key={r.field} title={r.expression}>
              <td className="mono">{r.field}</td>
              <td className="mono">{r.sourceFields.length ? r.sourceFields.join(', ') : <span className="muted">{cell(r.expression)}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mapping.unmappedSourceFields.length > 0 && (
        <p className="small" data-testid="ingestion-unmapped">Unmapped source fields: <span className="mono">{mapping.unmappedSourceFields.join(', ')}</span></p>
      )}
    </div>
  );
}

function PullRow({ pull, index }: { pull: IngestPull; index: number }) {
  return (
    <>
      <tr data-testid="ingestion-pull" className={pull.errors.length ? 'ing-failed' : undefined}>
        <td>{index + 1}</td>
        <td className="mono" title={pull.at}>{pull.at.slice(11, 16)}</td>
        <td>{pull.fetched}</td>
        <td>{pull.created}</td>
        <td>{pull.duplicates}</td>
        <td>{pull.errors.length}</td>
      </tr>
      {(pull.errors.length > 0 || pull.records.length > 0 || pull.steps.length > 0) && (
        <tr className="ing-pull-detail">
          <td colSpan={6}>
            {pull.steps.length > 0 && (
              <p className="muted small ing-steps" data-testid="ingestion-pull-steps" title="The playbook steps this pull ran, in order">
                {pull.steps.map((st) => `${st.step}${st.option ? ` (${st.option})` : ''}${st.skipped ? ' (skipped)' : ''}`).join(' → ')}
              </p>
            )}
            {pull.errors.map((e, i) => <p key={i} className="inline-error small" role="alert">{e}</p>)}
            {pull.records.length > 0 && (
              <ul className="ing-records">
                {pull.records.slice(0, 20).map((r) => (
                  <li key={r.iri}>
                    <button className="link-button mono small" onClick={() => void revealPlatformRecord(r.iri).catch(toastError)} data-testid="ingestion-record-link">{r.iri}</button>
                  </li>
                ))}
                {pull.records.length > 20 && <li className="muted small">and {pull.records.length - 20} more</li>}
              </ul>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** Data ingestion offline (issue 19): sample data, field mapping and scheduled pulls on a virtual clock. */
export function IngestionView() {
  const projectId = useAppStore((s) => s.projectId);
  const s = useIngestionStore(useShallow((x) => x));
  useEffect(() => {
    if (projectId) void useIngestionStore.getState().open(projectId);
  }, [projectId]);
  const info = s.overview?.info;
  const ready = Boolean(s.configId) && s.busy === null;
  return (
    <section className="sidebar-view ing-view" aria-label="Data ingestion" data-testid="ingestion-view" aria-busy={s.busy !== null}>
      <div className="sidebar-header">
        <h2 className="sidebar-title">Data Ingestion</h2>
      </div>
      <div className="ing-scroll">
        {s.error && <p className="inline-error pad" role="alert" data-testid="ingestion-error">{s.error}</p>}
        {s.busy === 'loading' && !s.overview && <p className="muted pad">Loading…</p>}
        {s.overview?.problem && <p className="muted pad small">{s.overview.problem}</p>}
        {info && !info.supported && (
          <p className="pad small" data-testid="ingestion-unsupported">
            This connector does not declare data ingestion: set <code className="mono">"ingestion_supported": true</code> and{' '}
            <code className="mono">"ingestion_modes"</code> in info.json, and ship fetch and ingest playbooks tagged <code className="mono">dataingestion</code>.
          </p>
        )}
        {info?.supported && (
          <>
            <dl className="ing-facts small">
              <dt>Modes</dt><dd>{info.modes.join(', ') || '—'}</dd>
              <dt>Fetch</dt><dd>{info.fetchPlaybook ?? '—'}</dd>
              <dt>Ingest</dt><dd>{info.ingestPlaybook ?? '—'}</dd>
            </dl>
            <div className="ing-section">
              <label className="ing-label small" htmlFor="ing-config">Configuration</label>
              {s.configs.length === 0 ? (
                <p className="small">No configuration yet. <button className="link-button" onClick={() => showTest('actions')}>Add one in Test Actions</button></p>
              ) : (
                <select id="ing-config" className="select" value={s.configId ?? ''} onChange={(e) => s.selectConfig(e.target.value)} data-testid="ingestion-config">
                  {s.configs.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
              )}
            </div>
            <div className="ing-section">
              <h3 className="ing-heading">Sample data</h3>
              <button className="button secondary small" disabled={!ready} onClick={() => void s.fetchSample()} data-testid="ingestion-fetch-sample">
                {s.busy === 'sample' ? 'Fetching…' : 'Fetch sample data'}
              </button>
              {s.sample?.errors.map((e, i) => <p key={i} className="inline-error small" role="alert">{e}</p>)}
              {s.sample && <SampleTable data={s.sample.data} />}
            </div>
            <div className="ing-section">
              <h3 className="ing-heading">Field mapping</h3>
              <MappingTable mapping={s.sample?.mapping ?? s.overview!.mapping} />
            </div>
            <div className="ing-section">
              <h3 className="ing-heading">Run ingestion</h3>
              <div className="ing-run-form">
                <label className="small">Pulls <input type="number" className="input ing-number" min={1} max={100} value={s.pulls}
                  onChange={(e) => s.setPulls(Math.max(1, Math.min(100, Math.round(Number(e.target.value) || 1))))} data-testid="ingestion-pulls" /></label>
                <label className="small">every <input type="number" className="input ing-number" min={1} max={10080} value={s.intervalMinutes}
                  onChange={(e) => s.setInterval(Math.max(1, Number(e.target.value) || 5))} data-testid="ingestion-interval" /> min</label>
                <button className="button primary small" disabled={!ready} onClick={() => void s.runIngestion()} data-testid="ingestion-run">
                  {s.busy === 'run' ? 'Running…' : 'Run ingestion'}
                </button>
              </div>
              <p className="muted small">On a virtual clock: the pulls run at once, the connector and the playbooks see the times of the schedule.</p>
              {s.run && (
                <>
                  <div className="ing-table-wrap">
                    <table className="ing-table ing-pulls" data-testid="ingestion-pulls-table">
                      <thead>
                        <tr>
                          <th>#</th><th title="The virtual clock at the pull (UTC)">At</th><th title="Records the Create Record step was given">Fetched</th>
                          <th title="Records created">New</th><th title="Records already in the platform: updated, not created again">Dup.</th><th title="Errors">Err.</th>
                        </tr>
                      </thead>
                      <tbody>{s.run.pulls.map((p, i) => <PullRow key={i} pull={p} index={i} />)}</tbody>
                    </table>
                  </div>
                  <p className="small" data-testid="ingestion-summary">
                    {plural(s.run.summary.created, 'record')} created, {plural(s.run.summary.duplicates, 'duplicate')} skipped, {plural(s.run.summary.errors, 'error')}.{' '}
                    <button className="link-button" onClick={() => void showPlatformData().catch(toastError)} data-testid="ingestion-open-platform">Open Platform Data</button>
                  </p>
                </>
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
