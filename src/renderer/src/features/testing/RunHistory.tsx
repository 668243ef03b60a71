import { cassetteLabel, formatDuration, type RunRecord } from '../../store/testing/runs';
import { useTestingStore } from '../../store/testing/store';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** This session's runs, newest first: show one again, or run it again with the same inputs. */
export function RunHistory() {
  const runs = useTestingStore((s) => s.runs);
  const shown = useTestingStore((s) => s.shownRunId);
  const running = useTestingStore((s) => !!s.runningId);
  if (runs.length < 2) return null;
  const s = useTestingStore.getState();
  return (
    <details className="tc-history" open>
      <summary>History <span className="count-badge">{runs.length}</span></summary>
      <ul aria-label="Run history" data-testid="run-history">
        {runs.map((r: RunRecord) => (
          <li key={r.runId} className={r.runId === shown ? 'current' : undefined}>
            <button className="tc-history-item" onClick={() => s.showRun(r.runId)} aria-current={r.runId === shown ? 'true' : undefined}>
              <span className={`tc-dot ${r.status === 'Success' ? 'ok' : r.status === 'running' ? 'busy' : 'bad'}`} aria-hidden="true" />
              <span className="tc-history-title">{r.title}</span>
              {r.cassette && (
                // Short in the narrow list; the full label is the tooltip and what a screen reader reads.
                <span className={`tc-tag ${r.cassette.mode}`} title={cassetteLabel(r.cassette)} data-testid="history-cassette" data-cassette={cassetteLabel(r.cassette)}>
                  <span aria-hidden="true">{r.cassette.mode === 'record' ? 'rec' : 'replay'}</span>
                  <span className="visually-hidden">{cassetteLabel(r.cassette)}</span>
                </span>
              )}
              <span className="muted small">{time(r.startedAt)}{r.result ? ` · ${formatDuration(r.result.durationMs)}` : ''}</span>
              <span className="visually-hidden">{r.status}</span>
            </button>
            <button className="button secondary small" disabled={running} onClick={() => void s.rerun(r.runId)} aria-label={`Run ${r.title} again`}>Re-run</button>
          </li>
        ))}
      </ul>
    </details>
  );
}
