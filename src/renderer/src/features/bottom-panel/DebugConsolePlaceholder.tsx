import { isMac } from '../../hooks/platform';
import { formatShortcut } from '../../store/palette/shortcuts';

/** The Debug Console before the debugger registers its own: says how to get one. */
export function DebugConsolePlaceholder() {
  return (
    <div className="bottom-panel-empty" data-testid="debug-console-empty">
      <p>Start debugging ({formatShortcut('F5', isMac())}) to evaluate expressions in the paused frame.</p>
    </div>
  );
}
