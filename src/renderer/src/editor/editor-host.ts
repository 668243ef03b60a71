/** The stores' EditorHost port (store/editor/host.ts) over this window's Monaco: the model registry for the
 * buffers, the editor instance for what is on screen. wire-window.ts attaches it at startup. */
import type { EditorHost } from '../store/editor/host';
import { editorInstance } from './editor-instance';
import { modelRegistry } from './model-registry';
import { loadMonaco } from './monaco-loader';

export const monacoEditorHost: EditorHost = {
  loadMonaco,
  openBuffer: async (relPath, text, language) => void modelRegistry.open(await loadMonaco(), relPath, text, language),
  model: (relPath) => modelRegistry.get(relPath),
  text: (relPath) => modelRegistry.getText(relPath),
  isDirty: (relPath) => modelRegistry.isDirty(relPath),
  markSaved: (relPath) => modelRegistry.markSaved(relPath),
  markUnsaved: (relPath) => modelRegistry.markUnsaved(relPath),
  replaceText: (relPath, text, asSaved) => modelRegistry.replaceText(relPath, text, asSaved),
  rename: (from, to, language) => modelRegistry.rename(from, to, language),
  dispose: (relPath) => modelRegistry.dispose(relPath),
  disposeAll: () => modelRegistry.disposeAll(),
  onBufferChange: (listener) => modelRegistry.setChangeListener(listener),
  shownEditor: () => editorInstance.get(),
  reveal: (relPath, line, column, focus) => editorInstance.reveal(relPath, line, column, focus),
};
