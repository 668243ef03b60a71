import type { Finding } from '../../../../shared/connector/findings';
import { editorInstance } from '../../editor/editor-instance';
import { modelRegistry } from '../../editor/model-registry';
import { connectorPaths } from '../../store/connector/project';
import { useConnectorStore } from '../../store/connector/store';
import { useEditorStore } from '../../store/editor/store';
import { findingSpans, projectPath } from '../../store/problems/merge';

/**
 * Shows where a finding is: an info.json finding with a pointer selects its field in the form (and its line in
 * the text when the text is showing); anything else opens the file at its line.
 */
export async function revealFinding(f: Finding) {
  const paths = connectorPaths();
  if (!paths) return;
  const rel = projectPath(paths.connectorRel, f.path);
  const connector = useConnectorStore.getState();
  const formCanShow = f.path === 'info.json' && f.pointer !== undefined && f.line === undefined;
  if (!formCanShow) {
    if (f.path === 'info.json' && connector.layout === 'form') connector.setLayout('split');
    await useEditorStore.getState().openFile(rel, { line: f.line ?? 1, column: f.column ?? 1 });
    return;
  }
  await useEditorStore.getState().openFile(rel);
  const { layout } = useConnectorStore.getState();
  if (layout !== 'json') useConnectorStore.getState().select(f.pointer!);
  const text = modelRegistry.getText(rel);
  if (text === null || layout === 'form') return;
  const [span] = findingSpans(text, [f]);
  editorInstance.reveal(rel, span.startLineNumber, span.startColumn, layout === 'json');
}
