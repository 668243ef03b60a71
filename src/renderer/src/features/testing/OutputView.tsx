import { isMac } from '../../hooks/platform';
import { usePersistentNumber } from '../../hooks/usePersistentNumber';
import { Resizer } from '../../components/Resizer';
import { formatShortcut } from '../../store/palette/shortcuts';
import { useTestingStore } from '../../store/testing/store';
import { RunConfigSavedNotice } from './ConfigSavedNotice';
import { HealthHistory, HealthOutput } from './HealthOutput';
import { RunHistory } from './RunHistory';
import { RunView } from './RunView';
import { showTest } from './test-commands';
import './testing.css';

/** The bottom panel's Output tab: this session's runs and health checks on the left, the one in focus on the right,
 * as wide as the editor: status, message, data as JSON or a table, records, logs, stdout and stderr. */
export function OutputView() {
  const [width, setWidth] = usePersistentNumber('cs.output.listWidth', 240);
  const empty = useTestingStore((s) => s.runs.length === 0 && Object.keys(s.health).length === 0);
  if (empty) return <OutputEmpty />;
  return (
    <div className="output-view" data-testid="output-view">
      <nav className="output-list" style={{ width }} aria-label="Runs and health checks">
        <RunHistory />
        <HealthHistory />
      </nav>
      <Resizer label="Resize the list of runs" value={width} min={160} max={520} onChange={setWidth} testId="output-list-resizer" />
      <div className="output-detail" data-testid="output-detail">
        <OutputDetail />
      </div>
    </div>
  );
}

function OutputDetail() {
  const shows = useTestingStore((s) => s.outputShows);
  const hasRun = useTestingStore((s) => s.runs.some((r) => r.runId === s.shownRunId));
  if (shows.kind === 'health') return <HealthOutput configId={shows.configId} />;
  if (!hasRun) return <p className="muted pad">Pick a run or a health check on the left.</p>;
  return (
    <>
      <RunView />
      <RunConfigSavedNotice />
    </>
  );
}

function OutputEmpty() {
  const mac = isMac();
  return (
    <div className="bottom-panel-empty" data-testid="output-empty">
      <p>Nothing has run yet. The result of an action or a health check shows here, with its logs and tracebacks.</p>
      <p className="muted">
        Run an action from Test Actions ({formatShortcut('Mod+Enter', mac)}); Run Last ({formatShortcut('Ctrl+F5', mac)}) then repeats it with
        the same inputs.
      </p>
      <p><button className="button secondary small" onClick={() => showTest('actions')} data-testid="output-open-actions">Open Test Actions</button></p>
    </div>
  );
}
