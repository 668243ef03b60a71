import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { useDebugStore } from '../../store/debug/store';
import type { Watch } from '../../store/debug/types';
import { DebugSection } from './DebugSection';
import { treeProps } from './tree-keys';
import { VariableNode } from './VariableTree';

/** An inline input for a watch expression: Enter keeps it, Escape (or leaving it empty) drops the edit. */
function WatchInput({ initial, onDone }: { initial: string; onDone(text: string | null): void }) {
  const [text, setText] = useState(initial);
  return (
    <input className="text-input wide dv-watch-input" autoFocus value={text} spellCheck={false} aria-label="Watch expression"
      placeholder="Expression to watch, e.g. params['ip']" data-testid="watch-input"
      onChange={(e) => setText(e.target.value)} onBlur={() => onDone(text)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') onDone(text);
        if (e.key === 'Escape') onDone(null);
      }} />
  );
}

function WatchRow({ w, paused, onEdit }: { w: Watch; paused: boolean; onEdit(): void }) {
  const d = useDebugStore.getState();
  const value = w.value && paused ? w.value : undefined;
  const actions = (
    <>
      <button className="icon-button" aria-label={`Edit ${w.expression}`} title="Edit Expression" onClick={(e) => (e.stopPropagation(), onEdit())}><Icon name="settings" size={13} /></button>
      <button className="icon-button" aria-label={`Remove ${w.expression}`} title="Remove Expression" onClick={(e) => (e.stopPropagation(), d.removeWatch(w.id))} data-testid="watch-remove"><Icon name="close" size={13} /></button>
    </>
  );
  return (
    <div onDoubleClick={onEdit} data-testid="watch" data-expression={w.expression}>
      <VariableNode v={{ name: w.expression, value: value?.result ?? (paused ? '…' : 'not available'), ...(value ?? { variablesReference: 0 }) }}
        path={`watch:${w.id}`} depth={0} live={paused} actions={actions} testId="watch-row" />
    </div>
  );
}

/** Expressions evaluated in the selected frame at every stop; kept per project across sessions. */
export function WatchSection() {
  const watches = useDebugStore((s) => s.watches);
  const paused = useDebugStore((s) => s.session?.state === 'paused');
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const d = useDebugStore.getState();
  const done = (id: number | 'new') => (text: string | null) => {
    setEditing(null);
    if (text === null) return;
    if (id === 'new') void d.addWatch(text);
    else void d.editWatch(id, text);
  };
  const actions = (
    <>
      <button className="icon-button" aria-label="Add Expression" title="Add Expression" onClick={() => setEditing('new')} data-testid="watch-add"><Icon name="plus" size={14} /></button>
      <button className="icon-button" aria-label="Remove All Expressions" title="Remove All Expressions" disabled={!watches.length} onClick={() => d.removeAllWatches()}><Icon name="trash" size={14} /></button>
    </>
  );
  return (
    <DebugSection id="watch" title="Watch" actions={actions}>
      <div role="tree" aria-label="Watch" className="dv-tree" {...treeProps} data-testid="watch-tree">
        {watches.map((w) => (editing === w.id ? <WatchInput key={w.id} initial={w.expression} onDone={done(w.id)} /> : <WatchRow key={w.id} w={w} paused={paused} onEdit={() => setEditing(w.id)} />))}
      </div>
      {editing === 'new' && <WatchInput initial="" onDone={done('new')} />}
      {!watches.length && editing !== 'new' && (
        <button className="debug-empty debug-link" onClick={() => setEditing('new')}>Add an expression to watch at every stop</button>
      )}
    </DebugSection>
  );
}
