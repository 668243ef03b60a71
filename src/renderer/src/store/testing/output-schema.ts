/** "Write output_schema from this output": the run's real data becomes the operation's output_schema, written into
 * info.json the way the form editor writes (one jsonc edit in the info.json model, so Ctrl+Z takes it back) and
 * saved like any edit of that file. */
import { schemaFromOutput } from '../../../../shared/connector/output-schema';
import { parseJsonOrUndefined } from '../../../../shared/parse-json';
import { toastError, toastInfo, toastSuccess } from '../app/store';
import { applyFormEdit } from '../connector/edits';
import { applyText } from '../connector/model-binding';
import { editorHost } from '../editor/host';
import { useEditorStore } from '../editor/store';
import { findTab } from '../editor/tabs';
import { infoPathOf, useTestingStore } from './store';

export type WriteOutcome = 'saved' | 'unsaved' | 'failed';

/** The new info.json text with `operation`'s output_schema set to `schema`, or why it cannot be. */
export function withOutputSchema(text: string, operation: string, schema: unknown): { text: string } | { error: string } {
  const doc = parseJsonOrUndefined(text);
  if (doc === undefined) return { error: 'info.json is not valid JSON: fix it first.' };
  const ops = (doc as { operations?: unknown } | null)?.operations;
  const index = Array.isArray(ops) ? ops.findIndex((o) => (o as { operation?: unknown } | null)?.operation === operation) : -1;
  if (index < 0) return { error: `info.json has no operation "${operation}" any more.` };
  return { text: applyFormEdit(text, doc, { kind: 'set', path: ['operations', index, 'output_schema'], value: schema }) };
}

export async function writeOutputSchema(operation: string, data: unknown): Promise<WriteOutcome> {
  const projectId = useTestingStore.getState().projectId;
  if (!projectId) return 'failed';
  const relPath = infoPathOf(projectId);
  const editor = useEditorStore.getState();
  try {
    // Through the editor's model, as a form edit: undoable, and the open form and text follow at once.
    if (!findTab(editor, relPath)) await editor.openFile(relPath);
    const tab = findTab(useEditorStore.getState(), relPath);
    const model = editorHost().model(relPath);
    if (!tab || !model) return 'failed';
    if (tab.readOnly) {
      toastInfo('info.json is read-only here.');
      return 'failed';
    }
    const next = withOutputSchema(model.getValue(), operation, schemaFromOutput(data));
    if ('error' in next) {
      toastError(new Error(next.error));
      return 'failed';
    }
    const hadOtherEdits = tab.dirty;
    applyText(model, next.text);
    if (hadOtherEdits) {
      toastInfo(`output_schema of ${operation} is written into info.json, which has other unsaved changes: save it to use the new schema.`);
      return 'unsaved';
    }
    if (!(await useEditorStore.getState().save(relPath))) return 'failed';
    await useTestingStore.getState().loadInfo();
    toastSuccess(`output_schema of ${operation} written from this output; Undo in info.json takes it back.`);
    return 'saved';
  } catch (e) {
    toastError(e);
    return 'failed';
  }
}
