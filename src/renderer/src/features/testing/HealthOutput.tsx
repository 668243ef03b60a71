import { Icon } from '../../components/Icon';
import { cassetteLabel, formatDuration } from '../../store/testing/runs';
import { useTestingStore } from '../../store/testing/store';
import type { HealthState } from '../../store/testing/types';
import { RunRecords } from '../platform-data/RunRecords';
import { LogList, StreamText } from './LogList';

const statusOf = (h: HealthState) => (h.running ? 'Checking…' : h.error ? 'Error' : h.result?.status ?? '');
const dotOf = (h: HealthState) => (h.running ? 'busy' : h.result?.status === 'Available' ? 'ok' : 'bad');

/** The configurations checked in this session, in the Output tab's list: one entry each, its latest check. */
export function HealthHistory() {
  const health = useTestingStore((s) => s.health);
  const configs = useTestingStore((s) => s.configs);
  const shows = useTestingStore((s) => s.outputShows);
  const checked = configs.filter((c) => health[c.id]);
  if (!checked.length) return null;
  return (
    <section className="output-group" aria-labelledby="output-health-title">
      <h3 className="output-group-title" id="output-health-title">Health checks <span className="count-badge">{checked.length}</span></h3>
      <ul className="output-items" aria-label="Health checks" data-testid="health-history">
        {checked.map((c) => {
          const h = health[c.id];
          const current = shows.kind === 'health' && shows.configId === c.id;
          return (
            <li key={c.id} className={current ? 'current' : undefined}>
              <button className="tc-history-item" onClick={() => useTestingStore.getState().showHealth(c.id)} aria-current={current ? 'true' : undefined}>
                <span className={`tc-dot ${dotOf(h)}`} aria-hidden="true" />
                <span className="output-item-text">
                  <span className="tc-history-title">{c.name}</span>
                  <span className="output-item-meta">{statusOf(h)}{h.result && !h.running ? ` · ${formatDuration(h.result.durationMs)}` : ''}</span>
                </span>
              </button>
              <button className="icon-button" disabled={h.running} onClick={() => void useTestingStore.getState().checkHealth(c.id)}
                aria-label={`Check the health of ${c.name} again`} title="Check health again">
                <Icon name="refresh" size={14} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A configuration's last health check, in full: status, message, records, logs, stdout and stderr. */
export function HealthOutput({ configId }: { configId: string }) {
  const health = useTestingStore((s) => s.health[configId]);
  const name = useTestingStore((s) => s.configs.find((c) => c.id === configId)?.name ?? 'a deleted configuration');
  if (!health) return <p className="muted pad">No health check of {name} in this session.</p>;
  const r = health.running ? undefined : health.result;
  return (
    <section className="tc-run" aria-label={`Health check of ${name}`} data-testid="output-health" data-status={statusOf(health)}>
      <p className="tc-status-line">
        <span className={`tc-status ${dotOf(health)}`} data-testid="output-health-status">{statusOf(health)}</span>
        <span className="tc-run-title">Check Health · {name}</span>
        {r && <span className="muted small">{formatDuration(r.durationMs)}</span>}
        {health.cassette && <span className={`tc-tag ${health.cassette.mode}`}>{cassetteLabel(health.cassette)}</span>}
      </p>
      {health.error && <p className="tc-message bad" role="alert">{health.error}</p>}
      {r && (
        <>
          {r.message && <p className={`tc-message${r.status === 'Available' ? '' : ' bad'}`} data-testid="output-health-message">{r.message}</p>}
          <RunRecords result={r} />
          <LogList logs={r.logs} />
          <StreamText stdout={r.stdout} stderr={r.stderr} />
        </>
      )}
    </section>
  );
}
