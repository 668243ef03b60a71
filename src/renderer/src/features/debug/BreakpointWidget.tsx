import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as Monaco from 'monaco-editor';
import { findBreakpoint } from '../../store/debug/breakpoints';
import { useDebugStore } from '../../store/debug/store';
import { useBreakpointWidgetStore, type BreakpointEditKind } from '../../store/debug/widget';
import { useZoneWidget } from './useZoneWidget';

const KINDS: readonly { id: BreakpointEditKind; label: string; placeholder: string }[] = [
  { id: 'condition', label: 'Expression', placeholder: "Break when the expression is true, e.g. params.get('ip') == '10.0.0.1'" },
  { id: 'hitCondition', label: 'Hit Count', placeholder: 'Break when the hit count is met, e.g. 3, >= 3 or % 2' },
  { id: 'logMessage', label: 'Log Message', placeholder: 'Message to log (no pause); {expression} is evaluated, e.g. ip is {params["ip"]}' },
];

const HEIGHT = 38;

/** VS Code's inline breakpoint editor: a band under the line with the kind to edit and its input. Enter keeps all
 * three values (a new breakpoint only if one is set), Escape closes without a change. */
function BreakpointForm({ path, line, kind: initialKind }: { path: string; line: number; kind: BreakpointEditKind }) {
  const existing = useDebugStore((s) => findBreakpoint(s.breakpoints, path, line));
  const [kind, setKind] = useState(initialKind);
  const [values, setValues] = useState({ condition: existing?.condition ?? '', hitCondition: existing?.hitCondition ?? '', logMessage: existing?.logMessage ?? '' });
  const selectId = useId();
  const close = () => useBreakpointWidgetStore.getState().close();
  const save = () => {
    close();
    if (!existing && !Object.values(values).some((v) => v.trim())) return;
    void useDebugStore.getState().setBreakpoint(path, line, values);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    // The editor under the band must not act on these keys (Enter would add a line to the file).
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  const current = KINDS.find((k) => k.id === kind)!;
  return (
    <div className="cs-bp-form" onKeyDown={onKeyDown} data-testid="breakpoint-widget" data-kind={kind}>
      <label htmlFor={selectId} className="visually-hidden">Breakpoint type</label>
      <select id={selectId} className="select" value={kind} onChange={(e) => setKind(e.target.value as BreakpointEditKind)} data-testid="breakpoint-widget-kind">
        {KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
      </select>
      <input className="text-input cs-bp-input" autoFocus value={values[kind]} placeholder={current.placeholder} spellCheck={false}
        aria-label={`${current.label} of the breakpoint on line ${line} (Enter to accept, Escape to cancel)`}
        onChange={(e) => setValues({ ...values, [kind]: e.target.value })} data-testid="breakpoint-widget-input" />
    </div>
  );
}

/** The form under its line in the file on screen. */
export function BreakpointWidgetHost({ editor, path }: { editor: Monaco.editor.IStandaloneCodeEditor; path: string | null }) {
  const open = useBreakpointWidgetStore((s) => s.open);
  const shown = open && open.path === path ? open : null;
  const node = useZoneWidget(editor, 'cs-bp-widget', path, shown?.line, HEIGHT, () => useBreakpointWidgetStore.getState().close());
  if (!node || !shown) return null;
  return createPortal(<BreakpointForm key={`${shown.path}:${shown.line}:${shown.kind}`} path={shown.path} line={shown.line} kind={shown.kind} />, node);
}
