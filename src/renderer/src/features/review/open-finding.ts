import type { Finding } from '../../../../shared/connector/findings';
import { modelRegistry } from '../../editor/model-registry';
import { useAppStore } from '../../store/app/store';
import { useEditorStore } from '../../store/editor/store';
import { useProjectsStore } from '../../store/projects/store';
import { positionOfPointer, projectPathOf } from '../../store/review/locate';
import { useDocsStore } from '../../store/review';

/** Opens the finding's file at its line; a JSON pointer is looked up in the text the editor just loaded. */
export async function openFinding(f: Finding): Promise<void> {
  const projectId = useAppStore.getState().projectId;
  const connectorRel = useProjectsStore.getState().projects.find((p) => p.id === projectId)?.connectorRel ?? '';
  const relPath = projectPathOf(connectorRel, f.path);
  const editor = useEditorStore.getState();
  useDocsStore.getState().hide();
  if (f.line !== undefined) return editor.openFile(relPath, { line: f.line, column: f.column });
  await editor.openFile(relPath);
  const text = f.pointer ? modelRegistry.getText(relPath) : null;
  const at = text !== null && f.pointer ? positionOfPointer(text, f.pointer) : null;
  if (at) await editor.openFile(relPath, at);
}
