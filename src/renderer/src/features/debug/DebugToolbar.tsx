import { isMac } from '../../hooks/platform';
import { useDebugStore } from '../../store/debug/store';
import { formatShortcut } from '../../store/palette/shortcuts';
import { DebugIcon, type DebugIconName } from './DebugIcon';

interface ToolButton {
  readonly id: string;
  readonly label: string;
  readonly keys: string;
  readonly icon: DebugIconName;
  readonly enabled: boolean;
  run(): unknown;
}

/** Continue/Pause, Step Over, Step Into, Step Out, Restart, Stop, each with VS Code's key in its tooltip. Shown in
 * the Run and Debug view and floating over the editor while a session runs. */
export function DebugToolbar({ floating = false }: { floating?: boolean }) {
  const state = useDebugStore((s) => s.session?.state ?? null);
  const hasId = useDebugStore((s) => !!s.session?.sessionId);
  if (!state) return null;
  const d = useDebugStore.getState();
  const paused = state === 'paused';
  const mac = isMac();
  const buttons: ToolButton[] = [
    paused
      ? { id: 'continue', label: 'Continue', keys: 'F5', icon: 'continue', enabled: true, run: () => d.continue() }
      : { id: 'pause', label: 'Pause', keys: 'F6', icon: 'pause', enabled: state === 'running', run: () => d.pause() },
    { id: 'step-over', label: 'Step Over', keys: 'F10', icon: 'stepOver', enabled: paused, run: () => d.stepOver() },
    { id: 'step-into', label: 'Step Into', keys: 'F11', icon: 'stepInto', enabled: paused, run: () => d.stepInto() },
    { id: 'step-out', label: 'Step Out', keys: 'Shift+F11', icon: 'stepOut', enabled: paused, run: () => d.stepOut() },
    { id: 'restart', label: 'Restart', keys: 'Mod+Shift+F5', icon: 'restart', enabled: hasId, run: () => d.restart() },
    { id: 'stop', label: 'Stop', keys: 'Shift+F5', icon: 'stop', enabled: true, run: () => d.stop() },
  ];
  return (
    <div className={`debug-toolbar${floating ? ' floating' : ''}`} role="toolbar" aria-label="Debug" data-testid={floating ? 'debug-toolbar-floating' : 'debug-toolbar'} data-state={state}>
      {buttons.map((b) => (
        <button key={b.id} className={`icon-button debug-tool debug-tool-${b.id}`} aria-label={b.label} title={`${b.label} (${formatShortcut(b.keys, mac)})`}
          disabled={!b.enabled} onClick={() => void b.run()} data-testid={`debug-${b.id}`}>
          <DebugIcon name={b.icon} />
        </button>
      ))}
    </div>
  );
}
