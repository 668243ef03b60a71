import { useEffect } from 'react';
import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';
import { modelRegistry } from '../../editor/model-registry';
import { useTestsViewStore } from '../../store/tests-view/store';
import { testLines, type TestState } from '../../store/tests-view/tree';
import './tests-view.css';

type Editor = Monaco.editor.IStandaloneCodeEditor;

const HOVER: Record<TestState, string> = { idle: 'Not run yet', running: 'Running…', passed: 'Passed', failed: 'Failed', skipped: 'Skipped' };

/** Each test's last outcome beside its `def` line in the file on screen. Its own decorations collection, in the
 * line-decoration lane: the debugger's breakpoints own the glyph margin and their own collection. */
export function TestsEditorLayer({ editor, monaco, relPath }: { editor: Editor; monaco: MonacoApi; relPath: string | null }) {
  useEffect(() => {
    const marks = editor.createDecorationsCollection();
    const apply = () => {
      const model = editor.getModel();
      const s = useTestsViewStore.getState();
      const inFile = relPath && model && model === modelRegistry.get(relPath) ? s.tests.filter((t) => t.relPath === relPath) : [];
      if (!model || inFile.length === 0) return marks.clear();
      // Lines from the buffer as it is now, so the marks follow unsaved edits; the service's line is the fallback.
      const lines = testLines(model.getValue(), inFile.map((t) => t.name));
      marks.set(
        inFile.flatMap((t) => {
          const line = lines.get(t.name) ?? t.line;
          const state = s.states[t.id] ?? 'idle';
          return line ? [{ range: new monaco.Range(line, 1, line, 1), options: { linesDecorationsClassName: `tv-gutter tv-gutter-${state}`, linesDecorationsTooltip: `${t.name}: ${HOVER[state]}` } }] : [];
        }),
      );
    };
    apply();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = useTestsViewStore.subscribe((s, prev) => {
      if (s.tests !== prev.tests || s.states !== prev.states) apply();
    });
    const subs = [
      editor.onDidChangeModel(apply),
      editor.onDidChangeModelContent(() => {
        clearTimeout(timer);
        timer = setTimeout(apply, 300);
      }),
    ];
    return () => {
      clearTimeout(timer);
      stop();
      subs.forEach((d) => d.dispose());
      marks.clear();
    };
  }, [editor, monaco, relPath]);
  return null;
}
