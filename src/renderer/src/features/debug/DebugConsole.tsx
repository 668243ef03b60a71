import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { isMac } from '../../hooks/platform';
import { formatShortcut } from '../../store/palette/shortcuts';
import type { ConsoleLine } from '../../store/debug/console';
import { useDebugStore } from '../../store/debug/store';
import { treeProps } from './tree-keys';
import { VariableNode } from './VariableTree';

function Line({ line, stopId, paused }: { line: ConsoleLine; stopId: number; paused: boolean }) {
  if (line.kind === 'input') return <div className="dc-line dc-input" data-testid="console-input-echo"><span className="dc-prompt" aria-hidden="true">›</span>{line.text}</div>;
  if (line.kind === 'output') {
    return (
      <div className={`dc-line dc-${line.category}`} data-testid="console-output" data-category={line.category}>
        {line.text.replace(/\n$/, '')}
        {line.path && line.line !== undefined && <span className="dc-source">{line.path.split('/').pop()}:{line.line}</span>}
      </div>
    );
  }
  const v = line.value;
  return (
    <div className="dc-line dc-result" role="tree" aria-label="Value" {...treeProps} data-testid="console-result">
      <VariableNode v={{ name: '', value: v.result, type: v.type, variablesReference: v.variablesReference, namedVariables: v.namedVariables, indexedVariables: v.indexedVariables, masked: v.masked, error: v.error }}
        path={`console:${line.id}`} depth={0} live={paused && line.stopId === stopId} testId="console-value" />
    </div>
  );
}

/** The input: Enter evaluates in the selected frame, Up/Down walk the history, Shift+Enter adds a line. */
function ConsoleInput() {
  const [text, setText] = useState('');
  const [back, setBack] = useState(0);
  const paused = useDebugStore((s) => s.session?.state === 'paused');
  const history = useDebugStore((s) => s.consoleHistory);
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (!text.trim()) return;
      void useDebugStore.getState().evaluateInConsole(text);
      setText('');
      setBack(0);
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !text.includes('\n')) {
      const next = Math.max(0, Math.min(history.length, back + (e.key === 'ArrowUp' ? 1 : -1)));
      if (next === back) return;
      e.preventDefault();
      setBack(next);
      setText(next ? history[history.length - next] : '');
    }
  };
  return (
    <div className="dc-input-row">
      <span className="dc-prompt" aria-hidden="true">›</span>
      <textarea className="dc-input-box" rows={Math.min(6, text.split('\n').length)} value={text} spellCheck={false}
        aria-label="Evaluate in the paused frame" placeholder={paused ? 'Evaluate an expression in the selected frame (Enter)' : 'Evaluates while a debug session is paused'}
        onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} data-testid="debug-console-input" />
    </div>
  );
}

/** The bottom panel's Debug Console: the session's output and a REPL in the paused frame. */
export function DebugConsole() {
  const lines = useDebugStore((s) => s.console);
  const stopId = useDebugStore((s) => s.stopId);
  const paused = useDebugStore((s) => s.session?.state === 'paused');
  const list = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    // Follows new output unless the user scrolled up to read.
    if (pinned.current && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [lines]);
  return (
    <div className="debug-console" data-testid="debug-console">
      <div className="dc-lines" ref={list} role="log" aria-label="Debug Console output" aria-live="polite" tabIndex={0}
        onScroll={(e) => (pinned.current = e.currentTarget.scrollTop + e.currentTarget.clientHeight >= e.currentTarget.scrollHeight - 8)}>
        {lines.length === 0 && <p className="muted small dc-empty" data-testid="debug-console-empty">Start debugging ({formatShortcut('F5', isMac())}) to evaluate expressions in the paused frame.</p>}
        {lines.map((l) => <Line key={l.id} line={l} stopId={stopId} paused={paused} />)}
      </div>
      <ConsoleInput />
    </div>
  );
}

export function DebugConsoleActions() {
  return (
    <button className="icon-button" aria-label="Clear Console" title="Clear Console" onClick={() => useDebugStore.getState().clearConsole()} data-testid="debug-console-clear">
      <Icon name="trash" size={14} />
    </button>
  );
}
