/** Go to definition: a project file opens in its tab through the editor store; a definition outside the project
 * (a framework stub, typeshed, a library) opens read-only in a tab named `<stubs>/...`, with a notice. */
import type * as Monaco from 'monaco-editor';
import { useEditorStore } from '../../store/editor/store';
import { findTab, openTab, type Tab } from '../../store/editor/tabs';
import { editorInstance } from '../editor-instance';
import type { MonacoApi } from '../monaco-api';
import { modelRegistry } from '../model-registry';
import { STUB_PREFIX } from './project-models';

const NOTICE = 'Read-only: a type stub or library file outside the project. The FortiSOAR framework stubs ship with Connector Studio and describe what each function does on the server.';

/** The stub's model exists before Monaco navigates to it (peek needs it); it lives as long as its tab, or until
 * the next definition creates it again. */
export function stubUri(m: MonacoApi, relPath: string, text: string): Monaco.Uri {
  const tabPath = STUB_PREFIX + relPath;
  const model = modelRegistry.get(tabPath) ?? modelRegistry.open(m, tabPath, text, 'python');
  return model.uri;
}

function openStubTab(tabPath: string, line: number, column: number) {
  const state = useEditorStore.getState();
  if (!findTab(state, tabPath)) {
    const tab: Tab = { relPath: tabPath, kind: 'text', language: 'python', etag: null, dirty: false, readOnly: true, backup: 'none', notice: NOTICE };
    // The store's openFile reads from the project; a stub is not there, so its tab is added directly.
    useEditorStore.setState(openTab(state, tab), false);
  } else state.activate(tabPath);
  editorInstance.reveal(tabPath, line, column);
}

const positionOf = (p?: Monaco.IRange | Monaco.IPosition) =>
  !p ? { line: 1, column: 1 } : 'lineNumber' in p ? { line: p.lineNumber, column: p.column } : { line: p.startLineNumber, column: p.startColumn };

/** Monaco asks this when a definition is in another model than the one shown. */
export function registerDefinitionOpener(m: MonacoApi): Monaco.IDisposable {
  return m.editor.registerEditorOpener({
    openCodeEditor: (_source, resource, selectionOrPosition) => {
      if (resource.scheme !== 'file' || !resource.path.startsWith('/project/')) return false;
      const relPath = resource.path.slice('/project/'.length);
      const { line, column } = positionOf(selectionOrPosition);
      if (relPath.startsWith(STUB_PREFIX)) openStubTab(relPath, line, column);
      else void useEditorStore.getState().openFile(relPath, { line, column });
      return true;
    },
  });
}
