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

/** Feeds the problems store from Monaco's markers, at most once per animation frame during a burst. */
export function startEditorFindings(m: MonacoApi, connectorRel: () => string | null): () => void {
  let frame = 0;
  const publish = () => {
    frame = 0;
    const base = connectorRel();
    if (base === null) return;
    const markers = m.editor.getModelMarkers({}).map((x) => ({ ...x, severity: severityName(m, x.severity) }));
    useProblemsStore.getState().setEditor(editorFindings(markers, base));
  };
  const changed = m.editor.onDidChangeMarkers(() => {
    frame ||= requestAnimationFrame(publish);
  });
  publish();
  return () => {
    cancelAnimationFrame(frame);
    changed.dispose();
  };
}
