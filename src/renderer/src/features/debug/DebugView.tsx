import { Icon } from '../../components/Icon';
import { isMac } from '../../hooks/platform';
import { useDebugStore } from '../../store/debug/store';
import { formatShortcut } from '../../store/palette/shortcuts';
import { describeLastRun } from '../../store/testing/last-run';
import { useTestingStore } from '../../store/testing/store';
import { showTest } from '../testing/test-commands';
import { BreakpointsSection } from './BreakpointsSection';
import { CallStackSection } from './CallStackSection';
import { debugLast } from './debug-commands';
import { DebugIcon } from './DebugIcon';
import { DebugToolbar } from './DebugToolbar';
import { useDebugProject } from './useDebugProject';
import { VariablesSection } from './VariablesSection';
import { WatchSection } from './WatchSection';
import './debug.css';

const STATE_TEXT = { starting: 'Starting', running: 'Running', paused: 'Paused', terminated: 'Ended' } as const;

/** No session: Debug Last (F5) with what it would start, or where to start one. */
function LaunchBar() {
  const last = useTestingStore((s) => s.lastRun);
  const configs = useTestingStore((s) => s.configs);
  const formTitle = useTestingStore((s) => s.info?.operations.find((o) => o.operation === s.operation)?.title);
  const ending = useDebugStore((s) => s.ending);
  // Debug Last repeats the last run; before any, it debugs the action the Test view's form shows.
  const label = last ? `Debug ${describeLastRun(last, configs)}` : formTitle ? `Debug ${formTitle}` : 'Debug…';
  return (
    <div className="debug-launch">
      <button className="button primary small" onClick={() => void debugLast()} data-testid="debug-last" title={`Debug Last (${formatShortcut('F5', isMac())})`}>
        <DebugIcon name="start" size={14} /> {label}
      </button>
      <p className="muted small">
        Debug an action or a health check from the <button className="debug-link" onClick={() => showTest('actions')}>Test view</button>: it stops at your breakpoints.
      </p>
      {ending && (
        <p className={`debug-ending outcome-${ending.outcome}`} data-testid="debug-ending" role="status">
          {ending.title}: <strong>{ending.outcome === 'stopped' ? 'stopped' : ending.outcome === 'error' ? 'could not run' : ending.outcome}</strong>
          {ending.message && ending.outcome !== 'stopped' ? ` · ${ending.message}` : ''}
        </p>
      )}
    </div>
  );
}

function SessionBar() {
  const session = useDebugStore((s) => s.session)!;
  return (
    <div className="debug-session" data-testid="debug-session" data-state={session.state}>
      <div className="debug-session-line">
        <span className={`debug-state-dot state-${session.state}`} aria-hidden="true" />
        <span className="debug-session-title">{session.launch.title}</span>
        <span className="muted small" data-testid="debug-state">{STATE_TEXT[session.state]}</span>
      </div>
      {session.state === 'starting' && session.progress && <p className="muted small debug-progress" data-testid="debug-progress">{session.progress}</p>}
      <DebugToolbar />
    </div>
  );
}

/** The Run and Debug side bar view: start or drive a session, and look into it while paused. */
export function DebugView() {
  useDebugProject(true);
  const debugging = useDebugStore((s) => s.session !== null);
  const error = useDebugStore((s) => s.error);
  return (
    <section className="sidebar-view debug-view" aria-label="Run and Debug" data-testid="debug-view">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Run and Debug</h2>
      </div>
      {debugging ? <SessionBar /> : <LaunchBar />}
      {error && (
        <div className="debug-error" role="alert" data-testid="debug-error">
          <span>{error}</span>
          <button className="icon-button" aria-label="Dismiss" onClick={() => useDebugStore.getState().dismissError()}><Icon name="close" size={13} /></button>
        </div>
      )}
      <div className="debug-sections">
        <VariablesSection />
        <WatchSection />
        <CallStackSection />
        <BreakpointsSection />
      </div>
    </section>
  );
}
