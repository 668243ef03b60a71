import { Icon } from '../../components/Icon';
import { useDebugStore } from '../../store/debug/store';
import { debugAction, debugHealth } from './debug-commands';

/** "Debug" beside Run and Check Health: the same call, stopping at the project's breakpoints. One session at a
 * time, so it waits while one runs. */
export function DebugButton(props: { kind: 'action'; busy?: boolean } | { kind: 'health'; configId: string; busy?: boolean }) {
  const debugging = useDebugStore((s) => s.session !== null);
  const what = props.kind === 'action' ? 'the action' : 'the health check';
  return (
    <button className="button secondary small" disabled={debugging || props.busy}
      title={debugging ? 'A debug session is running: stop it (Shift+F5) first' : `Debug ${what}: it stops at your breakpoints`}
      onClick={() => void (props.kind === 'action' ? debugAction() : debugHealth(props.configId))} data-testid={props.kind === 'action' ? 'debug-action' : 'debug-health'}>
      <Icon name="bug" size={14} /> Debug
    </button>
  );
}
