import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';
import { useProblemsStore } from '../problems/store';
import { diffText } from './document';
import { boundModel } from './model-binding';
import { applyJsonEdit, describeFix, quickFixFor } from './quick-fix';
import { useConnectorStore } from './store';

let registered = false;

/** The Problems panel's quick fixes as Monaco code actions (the light bulb, Ctrl+.) on info.json markers. */
export function registerFixActions(m: MonacoApi) {
  if (registered) return;
  registered = true;
  m.languages.registerCodeActionProvider('json', {
    provideCodeActions(model, _range, context) {
      const info = useConnectorStore.getState().info;
      if (model !== boundModel() || !info || useConnectorStore.getState().syntaxError) return { actions: [], dispose: () => undefined };
      const text = model.getValue();
      const actions: Monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const finding = useProblemsStore.getState().merged.find((f) => f.rule === marker.code && f.message === marker.message);
        const edit = finding && quickFixFor(info, finding);
        const change = edit && diffText(text, applyJsonEdit(text, info, edit));
        if (!edit || !change) continue;
        const start = model.getPositionAt(change.start);
        const end = model.getPositionAt(change.end);
        actions.push({
          title: `Quick fix: ${describeFix(edit)}`,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [marker],
          edit: {
            edits: [{
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: { range: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }, text: change.text },
            }],
          },
        });
      }
      return { actions, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
}
