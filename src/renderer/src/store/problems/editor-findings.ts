/** The editor's own checkers (ruff, the security rules, pyright) mark open files as the user types; the Problems
 * panel lists those markers beside the connector's findings, the way an IDE's Problems view does. */
import type * as Monaco from 'monaco-editor';
import type { MonacoApi } from '../../editor/monaco-api';
import { editorFindings, type EditorMarker } from './marker-findings';
import { useProblemsStore } from './store';

function severityName(m: MonacoApi, s: Monaco.MarkerSeverity): EditorMarker['severity'] {
  if (s === m.MarkerSeverity.Error) return 'error';
  if (s === m.MarkerSeverity.Warning) return 'warning';
  return s === m.MarkerSeverity.Info ? 'info' : 'hint';
}

/** Monaco keeps a file's markers after its model is gone (for file: URIs), so a closed file would go on counting
 * its ruff and pyright problems: every owner's markers leave with the model. */
function clearMarkersOf(m: MonacoApi, model: Monaco.editor.ITextModel): void {
  const owners = new Set(m.editor.getModelMarkers({ resource: model.uri }).map((x) => x.owner));
  for (const owner of owners) m.editor.setModelMarkers(model, owner, []);
}

/** Feeds the problems store from Monaco's markers, at most once per animation frame during a burst. */
export function startEditorFindings(m: MonacoApi, connectorRel: () => string | null): () => void {
  let frame = 0;
  const publish = () => {
    frame = 0;
    const base = connectorRel();
    if (base === null) return;
    const open = new Set(m.editor.getModels().map((model) => model.uri.path));
    const markers = m.editor.getModelMarkers({}).map((x) => ({ ...x, severity: severityName(m, x.severity) }));
    useProblemsStore.getState().setEditor(editorFindings(markers, base, (path) => open.has(path)));
  };
  const changed = m.editor.onDidChangeMarkers(() => {
    frame ||= requestAnimationFrame(publish);
  });
  const disposing = m.editor.onWillDisposeModel((model) => {
    clearMarkersOf(m, model);
    frame ||= requestAnimationFrame(publish);
  });
  publish();
  return () => {
    cancelAnimationFrame(frame);
    changed.dispose();
    disposing.dispose();
  };
}
