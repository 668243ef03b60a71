import { isMac } from '../../hooks/platform';
import { formatShortcut } from '../../store/palette/shortcuts';
import { describeLastRun } from '../../store/testing/last-run';
import { useTestingStore } from '../../store/testing/store';
import { runLast } from './test-commands';

/** The Output tab's buttons in the panel's bar: Run Last (Ctrl+F5), and Stop while an action runs. */
export function OutputActions() {
  const lastRun = useTestingStore((s) => s.lastRun);
  const configs = useTestingStore((s) => s.configs);
  const running = useTestingStore((s) => !!s.runningId);
  const key = formatShortcut('Ctrl+F5', isMac());
  return (
    <>
      {running && (
        <button className="button secondary small danger-text" onClick={() => void useTestingStore.getState().stop()} data-testid="output-stop">Stop</button>
      )}
      <button className="button secondary small" disabled={running || !lastRun} onClick={() => void runLast()} data-testid="output-run-last"
        title={lastRun ? `Run Last: ${describeLastRun(lastRun, configs)} (${key})` : `Run Last (${key}): nothing has run yet`}>
        Run Last <kbd>{key}</kbd>
      </button>
    </>
  );
}
