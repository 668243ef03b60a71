/** pyright's diagnostics as Monaco markers (owner "pyright"), redone when a file's diagnostics change. */
import type * as Monaco from 'monaco-editor';
import type { LspDiagnostic } from '../../../../shared/ipc/contract';
import type { MonacoApi } from '../monaco-api';
import { projectRelPath } from './project-models';
import { usePyrightStore } from './pyright-store';

export const PYRIGHT_OWNER = 'pyright';

export function toMarker(m: MonacoApi, d: LspDiagnostic): Monaco.editor.IMarkerData {
  const severity = { error: m.MarkerSeverity.Error, warning: m.MarkerSeverity.Warning, info: m.MarkerSeverity.Info, hint: m.MarkerSeverity.Hint }[d.severity];
  const tags = [...(d.unnecessary ? [m.MarkerTag.Unnecessary] : []), ...(d.deprecated ? [m.MarkerTag.Deprecated] : [])];
  return {
    startLineNumber: d.line, startColumn: d.column, endLineNumber: d.endLine, endColumn: d.endColumn,
    severity, message: d.message, code: d.rule, source: 'pyright', ...(tags.length ? { tags } : {}),
  };
}

export function startPyrightMarkers(m: MonacoApi): () => void {
  const mark = (model: Monaco.editor.ITextModel, byFile: Readonly<Record<string, readonly LspDiagnostic[]>>) => {
    const rel = projectRelPath(model);
    if (rel === null || model.isDisposed()) return;
    m.editor.setModelMarkers(model, PYRIGHT_OWNER, (byFile[rel] ?? []).map((d) => toMarker(m, d)));
  };
  const unsubscribe = usePyrightStore.subscribe((s, prev) => {
    if (s.byFile === prev.byFile) return;
    for (const model of m.editor.getModels()) {
      const rel = projectRelPath(model);
      if (rel !== null && s.byFile[rel] !== prev.byFile[rel]) mark(model, s.byFile);
    }
  });
  const created = m.editor.onDidCreateModel((model) => mark(model, usePyrightStore.getState().byFile));
  for (const model of m.editor.getModels()) mark(model, usePyrightStore.getState().byFile);
  return () => {
    unsubscribe();
    created.dispose();
  };
}
