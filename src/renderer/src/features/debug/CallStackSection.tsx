import type { DebugStackFrame } from '../../../../shared/models/debug';
import { useDebugStore } from '../../store/debug/store';
import { useEditorStore } from '../../store/editor/store';
import { DebugSection } from './DebugSection';
import { ROW_ATTR, treeProps } from './tree-keys';

const where = (f: DebugStackFrame) => `${f.path ?? f.fileName ?? '?'}:${f.line}`;
const fileOf = (f: DebugStackFrame) => (f.path ?? f.fileName ?? '').split('/').pop();

/** Shows a frame: its variables in the Variables view, its line in the editor (a file of the project only). */
export async function selectFrame(f: DebugStackFrame) {
  const d = useDebugStore.getState();
  if (d.selectedFrameId !== f.id) await d.selectFrame(f.id);
  if (f.path) await useEditorStore.getState().openFile(f.path, { line: f.line, column: f.column });
}

function FrameRow({ f, selected, top }: { f: DebugStackFrame; selected: boolean; top: boolean }) {
  // A frame outside the project (a file debugpy still counts as the user's) is greyed, as VS Code greys them.
  const subtle = f.origin !== 'connector';
  return (
    <div className={`dv-row dv-frame${selected ? ' selected' : ''}${subtle ? ' subtle' : ''}`} role="treeitem" aria-level={1} aria-selected={selected} tabIndex={-1} {...{ [ROW_ATTR]: '' }}
      title={`${f.name} · ${where(f)}${subtle ? ` · ${f.origin === 'framework' ? 'the simulated FortiSOAR framework' : 'a library'}` : ''}`}
      onClick={() => void selectFrame(f)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), void selectFrame(f))}
      data-testid="stack-frame" data-name={f.name} data-origin={f.origin}>
      <span className={`dv-frame-mark${top ? ' top' : selected ? ' focused' : ''}`} aria-hidden="true" />
      <span className="dv-frame-name">{f.name}</span>
      <span className="dv-frame-file">{fileOf(f)}</span>
      <span className="dv-frame-line">{f.line}:{f.column}</span>
    </div>
  );
}

/** The paused thread's frames in the connector's code, newest first ("just my code": the framework's shims, the
 * runner and the libraries are left out, and the debugger never stops in them). */
export function CallStackSection() {
  const frames = useDebugStore((s) => s.frames);
  const selected = useDebugStore((s) => s.selectedFrameId);
  const state = useDebugStore((s) => s.session?.state ?? null);
  const reason = useDebugStore((s) => s.stopped?.reason);
  const badge = state === 'paused' && reason ? <span className="dv-state-badge" data-testid="paused-reason">Paused on {reason}</span>
    : state === 'running' ? <span className="dv-state-badge running">Running</span> : null;
  return (
    <DebugSection id="callstack" title="Call Stack" badge={badge}>
      {state !== 'paused' && <p className="debug-empty muted">{state ? 'The call stack shows while the session is paused.' : 'Not debugging.'}</p>}
      {state === 'paused' && (
        <>
          <div role="tree" aria-label="Call Stack" className="dv-tree" {...treeProps} data-testid="call-stack">
            {frames.map((f, i) => <FrameRow key={f.id} f={f} selected={f.id === selected} top={i === 0} />)}
          </div>
          <p className="debug-note muted" title="debugpy runs with justMyCode: it never stops in the framework shims, the runner, the standard library or site-packages">
            Just my code: the framework's and libraries' frames are hidden.
          </p>
        </>
      )}
    </DebugSection>
  );
}
