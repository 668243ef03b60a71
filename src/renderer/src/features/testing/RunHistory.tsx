import { Icon } from '../../components/Icon';
import { cassetteLabel, formatDuration, type RunRecord } from '../../store/testing/runs';
import { useTestingStore } from '../../store/testing/store';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** This session's action runs in the Output tab's list, newest first: show one again, or run it again with the same
 * inputs. */
export function RunHistory() {
  const runs = useTestingStore((s) => s.runs);
  const shown = useTestingStore((s) => (s.outputShows.kind === 'run' ? s.shownRunId : null));
  const running = useTestingStore((s) => !!s.runningId);
  if (!runs.length) return null;
  const s = useTestingStore.getState();
  return (
    <section className="output-group" aria-labelledby="output-runs-title">
      <h3 className="output-group-title" id="output-runs-title">Actions <span className="count-badge">{runs.length}</span></h3>
      <ul className="output-items" aria-label="Run history" data-testid="run-history">
        {runs.map((r: RunRecord) => (
          <li key={r.runId} className={r.runId === shown ? 'current' : undefined}>
            <button className="tc-history-item" onClick={() => s.showRun(r.runId)} aria-current={r.runId === shown ? 'true' : undefined}>
              <span className={`tc-dot ${r.status === 'Success' ? 'ok' : r.status === 'running' ? 'busy' : 'bad'}`} aria-hidden="true" />
              <span className="output-item-text">
                <span className="output-item-line">
                  <span className="tc-history-title">{r.title}</span>
                  {r.cassette && (
                // Short in the narrow list; the full label is the tooltip and what a screen reader reads.
                    <span className={`tc-tag ${r.cassette.mode}`} title={cassetteLabel(r.cassette)} data-testid="history-cassette" data-cassette={cassetteLabel(r.cassette)}>
                      <span aria-hidden="true">{r.cassette.mode === 'record' ? 'rec' : 'replay'}</span>
                      <span className="visually-hidden">{cassetteLabel(r.cassette)}</span>
                    </span>
                  )}
                </span>
                <span className="output-item-meta">{time(r.startedAt)}{r.result ? ` · ${formatDuration(r.result.durationMs)}` : ''}{r.configName ? ` · ${r.configName}` : ''}</span>
              </span>
              <span className="visually-hidden">{r.status}</span>
            </button>
            <button className="icon-button" disabled={running} onClick={() => void s.rerun(r.runId)} aria-label={`Run ${r.title} again`} title="Fill the form with this run's inputs and run it again">
              <Icon name="refresh" size={14} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
