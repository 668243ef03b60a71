import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor';
import { editorInstance } from '../../editor/editor-instance';
import type { MonacoApi } from '../../editor/monaco-api';
import { loadMonaco } from '../../editor/monaco-loader';
import { modelRegistry } from '../../editor/model-registry';
import { useEditorStore } from '../../store/editor/store';
import { DebugEditorLayer } from '../debug/DebugEditorLayer';
import { TestsEditorLayer } from '../tests-view/TestsEditorLayer';
import type { Tab } from '../../store/editor/tabs';
import { settingsSelectors, useSettingsStore } from '../../store/settings/store';

const FONT = "'Cascadia Code', 'JetBrains Mono', 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";

/** Creates the one Monaco editor of the window and wires the cursor into the editor store (problem counts come
 * from the problems store, the same list the Problems panel shows). */
function useCodeEditor(host: React.RefObject<HTMLDivElement | null>) {
  const [ed, setEd] = useState<{ m: MonacoApi; e: Monaco.editor.IStandaloneCodeEditor } | null>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => undefined as void;
    void loadMonaco().then((m) => {
      if (disposed || !host.current) return;
      const e = m.editor.create(host.current, {
        model: null, automaticLayout: true, fontFamily: FONT, fontSize: useSettingsStore.getState().settings?.editorFontSize ?? 14,
        theme: useSettingsStore.getState().settings?.theme === 'light' ? 'vs' : 'vs-dark', minimap: { enabled: true, renderCharacters: false },
        scrollBeyondLastLine: false, renderWhitespace: 'selection', fixedOverflowWidgets: true, smoothScrolling: true,
        stickyScroll: { enabled: true }, bracketPairColorization: { enabled: true }, padding: { top: 6 },
      });
      const store = useEditorStore.getState();
      const subs = [
        e.onDidChangeCursorPosition((ev) => store.setCursor({ line: ev.position.lineNumber, column: ev.position.column })),
      ];
      editorInstance.set(e);
      setEd({ m, e });
      cleanup = () => {
        subs.forEach((s) => s.dispose());
        editorInstance.set(null);
        e.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [host]);
  return ed;
}

/** Shows the active text tab's model; view state (scroll, selection) is kept per file. */
export function MonacoView({ tab }: { tab: Tab | null }) {
  const host = useRef<HTMLDivElement>(null);
  const ed = useCodeEditor(host);
  const viewStates = useRef(new Map<string, Monaco.editor.ICodeEditorViewState | null>());
  const shown = useRef<string | null>(null);
  const theme = useSettingsStore(settingsSelectors.theme);
  const fontSize = useSettingsStore(settingsSelectors.fontSize);

  const relPath = tab?.relPath ?? null;
  useEffect(() => {
    if (!ed || relPath === null) return;
    if (shown.current) viewStates.current.set(shown.current, ed.e.saveViewState());
    const model = modelRegistry.get(relPath);
    if (ed.e.getModel() !== model) ed.e.setModel(model);
    const state = viewStates.current.get(relPath);
    if (state) ed.e.restoreViewState(state);
    shown.current = relPath;
    const pos = ed.e.getPosition();
    useEditorStore.getState().setCursor(pos ? { line: pos.lineNumber, column: pos.column } : null);
    editorInstance.applyPendingReveal(relPath);
  }, [ed, relPath]);

  const readOnly = tab?.readOnly ?? false;
  useEffect(() => {
    if (relPath) ed?.e.updateOptions({ readOnly, ariaLabel: `${relPath}${readOnly ? ' (read-only)' : ''}` });
  }, [ed, readOnly, relPath]);
  useEffect(() => ed?.m.editor.setTheme(theme === 'light' ? 'vs' : 'vs-dark'), [ed, theme]);
  useEffect(() => ed?.e.updateOptions({ fontSize }), [ed, fontSize]);

  return (
    <>
      <div ref={host} className="monaco-host" hidden={!tab} data-testid="monaco-editor" data-path={relPath ?? undefined}
        data-ready={ed && tab ? 'true' : 'false'} />
      {ed && <DebugEditorLayer editor={ed.e} monaco={ed.m} relPath={relPath} />}
      {ed && <TestsEditorLayer editor={ed.e} monaco={ed.m} relPath={relPath} />}
    </>
  );
}
