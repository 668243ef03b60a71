import { cassetteLabel, formatDuration } from '../../store/testing/runs';
import type { HealthState } from '../../store/testing/types';
import { RunRecords } from '../platform-data/RunRecords';
import { LogList, StreamText } from './LogList';

/** Check Health's answer: Available or Disconnected, the connector's message, how long it took, its logs. */
export function HealthView({ health }: { health: HealthState | undefined }) {
  if (!health) return null;
  const r = health.result;
  return (
    <div className="tc-health" data-testid="health-result" aria-live="polite" aria-busy={health.running}>
      {health.running && <p className="muted small">Checking health…</p>}
      {health.error && <p className="field-error" role="alert" data-testid="health-error">{health.error}</p>}
      {r && !health.running && (
        <>
          <p className="tc-status-line">
            <span className={`tc-status ${r.status === 'Available' ? 'ok' : 'bad'}`} data-testid="health-status">{r.status}</span>
            <span className="muted small">{formatDuration(r.durationMs)}</span>
            {health.cassette && <span className={`tc-tag ${health.cassette.mode}`} data-testid="health-cassette">{cassetteLabel(health.cassette)}</span>}
          </p>
          {r.message && <p className="tc-message" data-testid="health-message">{r.message}</p>}
          <RunRecords result={r} />
          <LogList logs={r.logs} />
          <StreamText stdout={r.stdout} stderr={r.stderr} />
        </>
      )}
    </div>
  );
}
