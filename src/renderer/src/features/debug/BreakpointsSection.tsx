import type { ExceptionFilter } from '../../../../shared/models/debug';
import { Icon } from '../../components/Icon';
import { breakpointKey, describeBreakpoint, lookOf, type UiBreakpoint } from '../../store/debug/breakpoints';
import { useDebugStore } from '../../store/debug/store';
import { useBreakpointWidgetStore, type BreakpointEditKind } from '../../store/debug/widget';
import { useEditorStore } from '../../store/editor/store';
import { DebugIcon } from './DebugIcon';
import { DebugSection } from './DebugSection';
import { ROW_ATTR, treeProps } from './tree-keys';

const FILTERS: readonly { id: ExceptionFilter; label: string; help: string }[] = [
  { id: 'raised', label: 'Raised Exceptions', help: 'Pause where connector code raises an exception, even one it catches itself.' },
  { id: 'uncaught', label: 'Uncaught Exceptions', help: 'Pause where an exception leaves the connector\'s code (the framework would turn it into a failed result).' },
];

const editKindOf = (b: UiBreakpoint): BreakpointEditKind => (b.logMessage ? 'logMessage' : b.hitCondition && !b.condition ? 'hitCondition' : 'condition');

async function reveal(b: UiBreakpoint) {
  await useEditorStore.getState().openFile(b.path, { line: b.line });
}

async function edit(b: UiBreakpoint) {
  await reveal(b);
  useBreakpointWidgetStore.getState().show(b.path, b.line, editKindOf(b));
}

function BreakpointRow({ b }: { b: UiBreakpoint }) {
  const d = useDebugStore.getState();
  const name = b.path.split('/').pop();
  const dir = b.path.slice(0, b.path.length - (name?.length ?? 0) - 1);
  const text = describeBreakpoint(b);
  return (
    <div className={`dv-row dv-bp${b.enabled ? '' : ' disabled'}`} role="treeitem" aria-level={1} tabIndex={-1} {...{ [ROW_ATTR]: '' }}
      onClick={() => void reveal(b)} onKeyDown={(e) => (e.key === 'Enter' && (e.preventDefault(), void reveal(b)), e.key === 'Delete' && void d.removeBreakpoint(b.path, b.line))}
      title={`${b.path}:${b.line} · ${text}`} data-testid="breakpoint-row" data-path={b.path} data-line={b.line} data-look={lookOf(b)}>
      <input type="checkbox" checked={b.enabled} aria-label={`${b.enabled ? 'Disable' : 'Enable'} the breakpoint at ${name}:${b.line}`}
        onClick={(e) => e.stopPropagation()} onChange={(e) => void d.setBreakpointEnabled(b.path, b.line, e.target.checked)} data-testid="breakpoint-enabled" />
      <span className={`dv-bp-dot look-${lookOf(b)}${b.logMessage ? ' logshape' : ''}`} aria-hidden="true" />
      <span className="dv-bp-file">{name}</span>
      <span className="dv-bp-dir">{dir}</span>
      <span className="dv-bp-line">{b.line}</span>
      <span className="dv-actions">
        <button className="icon-button" aria-label={`Edit the breakpoint at ${name}:${b.line}`} title="Edit Condition, Hit Count or Log Message" onClick={(e) => (e.stopPropagation(), void edit(b))}><DebugIcon name="edit" size={13} /></button>
        <button className="icon-button" aria-label={`Remove the breakpoint at ${name}:${b.line}`} title="Remove Breakpoint" onClick={(e) => (e.stopPropagation(), void d.removeBreakpoint(b.path, b.line))} data-testid="breakpoint-remove"><Icon name="close" size={13} /></button>
      </span>
    </div>
  );
}

/** The project's breakpoints (kept across restarts) and the exception settings. */
export function BreakpointsSection() {
  const breakpoints = useDebugStore((s) => s.breakpoints);
  const filters = useDebugStore((s) => s.exceptionFilters);
  const error = useDebugStore((s) => s.breakpointsError);
  const d = useDebugStore.getState();
  const anyEnabled = breakpoints.some((b) => b.enabled);
  const actions = (
    <>
      <button className="icon-button" aria-label={anyEnabled ? 'Disable All Breakpoints' : 'Enable All Breakpoints'} title={anyEnabled ? 'Disable All Breakpoints' : 'Enable All Breakpoints'}
        disabled={!breakpoints.length} onClick={() => void d.setAllEnabled(!anyEnabled)}><DebugIcon name="toggleAll" size={14} /></button>
      <button className="icon-button" aria-label="Remove All Breakpoints" title="Remove All Breakpoints" disabled={!breakpoints.length} onClick={() => void d.removeAllBreakpoints()}><Icon name="trash" size={14} /></button>
    </>
  );
  return (
    <DebugSection id="breakpoints" title="Breakpoints" actions={actions} badge={breakpoints.length ? <span className="count-badge">{breakpoints.length}</span> : null}>
      <div className="dv-filters" role="group" aria-label="Pause on exceptions">
        {FILTERS.map((f) => (
          <label key={f.id} className="dv-row dv-filter" title={f.help}>
            <input type="checkbox" checked={filters.includes(f.id)} onChange={(e) => void d.setExceptionFilter(f.id, e.target.checked)} data-testid={`exception-${f.id}`} />
            {f.label}
          </label>
        ))}
      </div>
      {error && <p className="inline-error" role="alert">{error}</p>}
      <div role="tree" aria-label="Breakpoints" className="dv-tree" {...treeProps} data-testid="breakpoints-list">
        {breakpoints.map((b) => <BreakpointRow key={breakpointKey(b)} b={b} />)}
      </div>
      {!breakpoints.length && <p className="debug-empty muted">Click left of a line number in the editor to set a breakpoint (F9 on the cursor's line); right-click there for a condition, a hit count or a logpoint.</p>}
    </DebugSection>
  );
}
