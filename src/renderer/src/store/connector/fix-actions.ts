import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';
import { useProblemsStore } from '../problems/store';
import { diffText } from './document';
import { boundModel } from './model-binding';
import { applyJsonEdit, fixOffersFor, type FixOffer } from './quick-fix';
import { useConnectorStore } from './store';

/** Ctrl+. lists the certain fix and a few of the closest values of a list; the Problems panel has them all. */
const CHOICES_IN_MENU = 5;

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
        const offers = finding ? fixOffersFor(info, finding) : [];
        const shown = [...offers.filter((o) => o.kind === 'fix'), ...offers.filter((o) => o.kind === 'choice').slice(0, CHOICES_IN_MENU)];
        shown.forEach((offer, i) => {
          const action = codeAction(model, text, info, offer, marker, i === 0);
          if (action) actions.push(action);
        });
      }
      return { actions, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
}

function codeAction(model: Monaco.editor.ITextModel, text: string, info: unknown, offer: FixOffer, marker: Monaco.editor.IMarkerData, preferred: boolean): Monaco.languages.CodeAction | undefined {
  const change = diffText(text, applyJsonEdit(text, info, offer.edit));
  if (!change) return undefined;
  const start = model.getPositionAt(change.start);
  const end = model.getPositionAt(change.end);
  return {
    title: offer.kind === 'fix' ? `Quick fix: ${offer.title}` : `Pick: ${offer.title}`,
    kind: 'quickfix',
    isPreferred: preferred && offer.kind === 'fix',
    diagnostics: [marker],
    edit: {
      edits: [{
        resource: model.uri,
        versionId: model.getVersionId(),
        textEdit: { range: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }, text: change.text },
      }],
    },
  };
}
