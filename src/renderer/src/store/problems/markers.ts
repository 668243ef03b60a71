import type * as Monaco from 'monaco-editor';
import type { Finding } from '../../../../shared/connector/findings';
import type { MonacoApi } from '../../editor/monaco-api';
import { MARKER_OWNER } from './marker-findings';
import { findingSpans, projectPath } from './merge';
import { useProblemsStore } from './store';

const PREFIX = '/project/';

const relOf = (model: Monaco.editor.ITextModel) => (model.uri.path.startsWith(PREFIX) ? model.uri.path.slice(PREFIX.length) : null);

function severity(m: MonacoApi, f: Finding): Monaco.MarkerSeverity {
  return f.severity === 'error' ? m.MarkerSeverity.Error : f.severity === 'warning' ? m.MarkerSeverity.Warning : m.MarkerSeverity.Info;
}

/** Each model's findings as markers; a model is redone only when its own findings or its text changed. */
export function startMarkers(m: MonacoApi, connectorRel: () => string | null): () => void {
  const done = new WeakMap<Monaco.editor.ITextModel, { findings: readonly Finding[]; version: number }>();

  const mark = (model: Monaco.editor.ITextModel, all: readonly Finding[]) => {
    const rel = relOf(model);
    const base = connectorRel();
    if (rel === null || base === null || model.isDisposed()) return;
    const mine = all.filter((f) => projectPath(base, f.path) === rel);
    const before = done.get(model);
    if (before && before.version === model.getVersionId() && sameList(before.findings, mine)) return;
    done.set(model, { findings: mine, version: model.getVersionId() });
    const spans = findingSpans(model.getValue(), mine);
    m.editor.setModelMarkers(model, MARKER_OWNER, mine.map((f, i) => ({ ...spans[i], severity: severity(m, f), message: f.message, code: f.rule, source: f.source })));
  };

  const markAll = () => {
    const { merged } = useProblemsStore.getState();
    for (const model of m.editor.getModels()) mark(model, merged);
  };

  const unsubscribe = useProblemsStore.subscribe((s, prev) => s.merged !== prev.merged && markAll());
  const created = m.editor.onDidCreateModel((model) => mark(model, useProblemsStore.getState().merged));
  markAll();
  return () => {
    unsubscribe();
    created.dispose();
    for (const model of m.editor.getModels()) m.editor.setModelMarkers(model, MARKER_OWNER, []);
  };
}

function sameList(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
