import { OUTPUT_TAB } from '../../store/bottom-panel/store';
import { formatDuration } from '../../store/testing/runs';
import { useTestingStore } from '../../store/testing/store';
import { showPanelTab } from '../bottom-panel/panel-commands';
import { SaveAsTest } from '../tests-view/SaveAsTest';

/** One line under the Run button: how the run in focus went, and the way back to its Output when the panel is closed. */
export function RunSummary() {
  const run = useTestingStore((s) => s.runs.find((r) => r.runId === s.shownRunId));
  const projectId = useTestingStore((s) => s.projectId);
  if (!run) return null;
  const status = run.status === 'running' ? 'Running…' : run.status === 'error' ? 'Error' : run.status;
  const dot = run.status === 'Success' ? 'ok' : run.status === 'running' ? 'busy' : 'bad';
  const show = () => {
    useTestingStore.getState().showRun(run.runId);
    showPanelTab(OUTPUT_TAB);
  };
  return (
    <p className="tc-run-summary" data-testid="run-summary" data-status={run.status}>
      <span className={`tc-dot ${dot}`} aria-hidden="true" />
      <span className="tc-run-summary-text" title={run.title}>Last run: {status}{run.result ? ` · ${formatDuration(run.result.durationMs)}` : ''}</span>
      <button type="button" className="tc-link" onClick={show} data-testid="run-show-output">Show Output</button>
      {projectId && run.cassette?.mode === 'record' && run.result && <SaveAsTest projectId={projectId} operation={run.operation} name={run.cassette.name} />}
    </p>
  );
}
