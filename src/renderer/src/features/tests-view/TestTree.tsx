import { useMemo } from 'react';
import { Icon } from '../../components/Icon';
import { useDebugStore } from '../../store/debug/store';
import { debugTest } from '../debug/debug-commands';
import { useEditorStore } from '../../store/editor/store';
import { useTestsViewStore } from '../../store/tests-view/store';
import { groupByFile, stateOfAll, type TestState } from '../../store/tests-view/tree';
import { TestStateIcon } from './TestStateIcon';

function RunButton({ target, label }: { target: string; label: string }) {
  const busy = useTestsViewStore((s) => s.running !== null);
  return (
    <button type="button" className="tv-run" disabled={busy} onClick={() => void useTestsViewStore.getState().run(target)} aria-label={label} title={label} data-testid="tests-run-one">
      ▶
    </button>
  );
}

/** Starts the debugger on the test's recorded call: it stops at the breakpoints set in the connector's code. */
function DebugButton({ id, name }: { id: string; name: string }) {
  const busy = useTestsViewStore((s) => s.running !== null);
  const debugging = useDebugStore((s) => s.session !== null);
  const label = `Debug ${name}`;
  return (
    <button type="button" className="tv-run" disabled={busy || debugging} onClick={() => void debugTest(id)} aria-label={label} title={debugging ? 'A debug session is running: stop it first.' : label} data-testid="tests-debug-one">
      <Icon name="bug" size={14} />
    </button>
  );
}

/** Files and their tests as pytest collected them; a click opens the test at its line and shows its outcome. */
export function TestTree() {
  const tests = useTestsViewStore((s) => s.tests);
  const states = useTestsViewStore((s) => s.states);
  const selectedId = useTestsViewStore((s) => s.selectedId);
  const files = useMemo(() => groupByFile(tests.map((t) => t.id)), [tests]);
  const lineOf = useMemo(() => new Map(tests.map((t) => [t.id, t.line])), [tests]);
  const stateOf = (id: string): TestState => states[id] ?? 'idle';
  const open = (id: string, file: string) => {
    useTestsViewStore.getState().select(id);
    const line = lineOf.get(id);
    void useEditorStore.getState().openFile(file, line ? { line } : undefined);
  };
  return (
    <ul className="tv-tree" role="tree" aria-label="Tests" data-testid="tests-tree">
      {files.map((f) => (
        <li key={f.file} role="treeitem" aria-expanded="true" data-testid="tests-file" data-file={f.file}>
          <div className="tv-row tv-file">
            <TestStateIcon state={stateOfAll(f.tests.map((t) => stateOf(t.id)))} />
            <button type="button" className="tv-name" onClick={() => void useEditorStore.getState().openFile(f.file)}>{f.file}</button>
            <RunButton target={f.file} label={`Run ${f.file}`} />
          </div>
          <ul role="group">
            {f.tests.map((t) => (
              <li key={t.id} role="treeitem" aria-selected={selectedId === t.id} data-testid="tests-test" data-id={t.id} data-state={stateOf(t.id)}>
                <div className={`tv-row tv-test${selectedId === t.id ? ' selected' : ''}`}>
                  <TestStateIcon state={stateOf(t.id)} />
                  <button type="button" className="tv-name" onClick={() => open(t.id, f.file)}>{t.name}</button>
                  <RunButton target={t.id} label={`Run ${t.name}`} />
                  <DebugButton id={t.id} name={t.name} />
                </div>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
