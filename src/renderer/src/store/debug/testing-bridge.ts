/** A debugged action is a run like any other in the Output tab, and a debugged health check is the
 * configuration's last check: the Test view's store shows them, and its `runtime.output` listener streams the
 * connector's logs into the run, since the session tags them with the run's id. */
import type { DebugTerminated } from '../../../../shared/models/debug';
import { useTestingStore } from '../testing/store';
import { pushRun, updateRun, type RunRecord } from '../testing/runs';
import type { DebugLaunch } from './launches';

export function runStarted(runId: string, launch: DebugLaunch): void {
  const t = useTestingStore.getState();
  const target = launch.target;
  if (target.kind === 'test') return; // the Tests view shows a test's session, not Test Actions
  if (launch.lastRun) t.setLastRun(launch.lastRun);
  if (target.kind === 'health') {
    const previous = t.health[target.configId];
    useTestingStore.setState({ health: { ...t.health, [target.configId]: { running: true, result: previous?.result } }, outputShows: { kind: 'health', configId: target.configId } }, false, 'debug/healthStarted');
    return;
  }
  const config = t.configs.find((c) => c.id === target.configId);
  const run: RunRecord = {
    runId, operation: target.operation, title: `${launch.title} (debug)`, params: target.params, raw: launch.raw ?? target.params,
    configId: target.configId, configName: config?.name, startedAt: Date.now(), status: 'running', output: [],
  };
  useTestingStore.setState({ runs: pushRun(t.runs, run), shownRunId: runId, outputShows: { kind: 'run' } }, false, 'debug/runStarted');
}

/** The session's end as the run's result: its result when the call ran to its end, else why it did not. */
export function runEnded(runId: string, launch: DebugLaunch, end: DebugTerminated | { kind: 'error'; message: string }): void {
  const t = useTestingStore.getState();
  const message = end.kind === 'error' ? ('message' in end ? end.message : end.error.message) : end.kind === 'stopped' ? 'The debug session was stopped.' : '';
  const target = launch.target;
  if (target.kind === 'test') return;
  if (target.kind === 'health') {
    const state = end.kind === 'health' ? { running: false, result: end.result } : { running: false, error: message, result: t.health[target.configId]?.result };
    useTestingStore.setState({ health: { ...t.health, [target.configId]: state } }, false, 'debug/healthEnded');
    if (end.kind === 'health') void t.configSaved(end.result.configSaved);
    return;
  }
  const patch = (): Partial<RunRecord> =>
    end.kind === 'execute' ? { status: end.result.status, result: end.result } : { status: 'error', error: message, ...(end.kind === 'stopped' ? { stopped: true } : {}) };
  useTestingStore.setState({ runs: updateRun(t.runs, runId, patch) }, false, 'debug/runEnded');
  if (end.kind === 'execute') void t.configSaved(end.result.configSaved);
}

/** Run's own checks failed: the form shows why, as it does for Run. */
export function showLaunchErrors(paramErrors: Record<string, string>, runError: string | null): void {
  useTestingStore.setState({ paramErrors, runError }, false, 'debug/launchRefused');
}
