import { useEffect, useRef } from 'react';
import type { RunResult } from '../../../../shared/models/runtime';
import { cassetteLabel, formatDuration, type RunRecord } from '../../store/testing/runs';
import { useTestingStore } from '../../store/testing/store';
import { RunRecords } from '../platform-data/RunRecords';
import { LogList, StreamText } from './LogList';
import { ResultData } from './ResultData';
import { SchemaOffer } from './SchemaOffer';
import { schemaVerdict } from './schema-verdict';

/** The run in focus: its live output while it runs, then status, message, data and the output_schema check. */
export function RunView() {
  const run = useTestingStore((s) => s.runs.find((r) => r.runId === s.shownRunId));
  if (!run) return null;
  return (
    <section className="tc-run" aria-label={`Result of ${run.title}`} data-testid="run-result" data-status={run.status}>
      <p className="tc-status-line">
        <span className={`tc-status ${statusClass(run)}`} data-testid="run-status">{statusText(run)}</span>
        <span className="tc-run-title">{run.title}</span>
        {run.result && <span className="muted small" data-testid="run-duration">{timing(run.result)}</span>}
        {run.cassette && <span className={`tc-tag ${run.cassette.mode}`} data-testid="run-cassette">{cassetteLabel(run.cassette)}</span>}
      </p>
      {run.status === 'running' ? <LiveOutput run={run} /> : <Finished run={run} />}
    </section>
  );
}

const statusClass = (r: RunRecord) => (r.status === 'Success' ? 'ok' : r.status === 'running' ? 'busy' : 'bad');
const statusText = (r: RunRecord) => (r.status === 'running' ? (r.stopped ? 'Stopping…' : 'Running…') : r.status === 'error' ? 'Error' : r.stopped ? `${r.status} (stopped)` : r.status);
const timing = (r: RunResult) => `${formatDuration(r.durationMs)}${r.operationMs !== undefined ? ` (action ${formatDuration(r.operationMs)})` : ''}`;

function LiveOutput({ run }: { run: RunRecord }) {
  const end = useRef<HTMLLIElement>(null);
  // Braces matter: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [run.output.length]);
  return (
    <ol className="tc-live" aria-live="polite" aria-label="Live output" data-testid="run-live">
      {run.output.map((l, i) => <li key={i} className={`tc-live-${l.kind}`}>{l.text}</li>)}
      <li ref={end} className="muted">{run.output.length ? '' : 'Waiting for output…'}</li>
    </ol>
  );
}

function Finished({ run }: { run: RunRecord }) {
  const declared = useTestingStore((s) => s.info?.operations.find((o) => o.operation === run.operation)?.outputSchema);
  const r = run.result;
  if (!r) return <p className="field-error" role="alert" data-testid="run-message">{run.error}</p>;
  const verdict = schemaVerdict(declared, r.schema.missing, r.schema.extra);
  return (
    <>
      {r.message && <p className={`tc-message${r.status === 'Failed' ? ' bad' : ''}`} data-testid="run-message">{r.message}</p>}
      {r.workerFailure && <p className="tc-help">The Python worker was {r.workerFailure === 'timeout' ? 'stopped after the timeout' : 'stopped'}; the next call starts a fresh one.</p>}
      {r.status === 'Success' && (
        <>
          <SchemaDiff missing={r.schema.missing} extra={r.schema.extra} />
          {verdict === 'matches' && <p className="tc-help" data-testid="schema-ok">The data has exactly the keys output_schema declares.</p>}
          {verdict === 'undeclared' && (
            <p className="tc-help" data-testid="schema-none">This action declares no output_schema, so playbooks cannot pick fields from its result.</p>
          )}
          {!r.binary && <SchemaOffer operation={run.operation} data={r.data} differs={verdict !== 'matches'} />}
          <ResultData key={run.runId} data={r.data} extra={r.schema.extra} binary={r.binary} operation={run.operation} />
        </>
      )}
      <RunRecords result={r} />
      <LogList logs={r.logs} />
      <StreamText stdout={r.stdout} stderr={r.stderr} />
    </>
  );
}

function SchemaDiff({ missing, extra }: { missing: readonly string[]; extra: readonly string[] }) {
  if (!missing.length && !extra.length) return null;
  return (
    <div className="tc-schema" data-testid="schema-diff">
      {missing.length > 0 && (
        <p><span className="tc-schema-label">Missing from the data</span> {missing.map((k) => <code key={k} className="tc-key missing" data-testid="schema-missing">{k}</code>)}</p>
      )}
      {extra.length > 0 && (
        <p><span className="tc-schema-label">Not in output_schema</span> {extra.map((k) => <code key={k} className="tc-key extra" data-testid="schema-extra">{k}</code>)}</p>
      )}
    </div>
  );
}
