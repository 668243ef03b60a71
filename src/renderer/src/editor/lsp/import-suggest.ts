/** Completion opens by itself where Python expects a name after a space, which no trigger character covers:
 * `from connectors.core.connector import `, `import `, and after a comma in an import list. */
import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../monaco-api';
import { isProjectPython } from './project-models';

const WANTS_A_NAME = /^\s*(?:from\s+[\w.]+\s+import\s+(?:\(?\s*(?:[\w]+\s*,\s*)*)|import\s+)$/;

/** The text before the cursor asks for a module or a name to import. */
export const wantsImportName = (before: string) => WANTS_A_NAME.test(before);

export function suggestAfterImport(m: MonacoApi): Monaco.IDisposable {
  const watch = (ed: Monaco.editor.ICodeEditor) =>
    ed.onDidChangeModelContent((e) => {
      const model = ed.getModel();
      const pos = ed.getPosition();
      // Only the user's own typing (one space, one change), not undo, paste or a format.
      if (!model || !pos || e.isUndoing || e.isRedoing || e.changes.length !== 1 || e.changes[0].text !== ' ' || !isProjectPython(model)) return;
      if (wantsImportName(model.getLineContent(pos.lineNumber).slice(0, pos.column - 1))) ed.trigger('import-suggest', 'editor.action.triggerSuggest', {});
    });
  return m.editor.onDidCreateEditor(watch);
}
