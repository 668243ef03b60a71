import type * as Monaco from 'monaco-editor';
import { editorHost } from '../editor/host';
import { diffText } from './document';

/**
 * The info.json Monaco model is the document: the form writes into it as edit operations (so Ctrl+Z in the
 * editor and in the form walk the same history) and reads back whatever changed it.
 */
interface Binding {
  readonly model: Monaco.editor.ITextModel;
  readonly relPath: string;
  readonly subs: Monaco.IDisposable[];
}

let bound: Binding | null = null;
/** Consecutive edits of one form control become one undo step; a new control (or a blur) starts another. */
let openGroup: string | null = null;

export function bindModel(model: Monaco.editor.ITextModel, relPath: string, onText: (text: string, at: number) => void, onGone: () => void) {
  unbindModel();
  const subs = [
    model.onDidChangeContent(() => onText(model.getValue(), performance.now())),
    model.onWillDispose(() => {
      if (bound?.model === model) {
        unbindModel();
        onGone();
      }
    }),
  ];
  bound = { model, relPath, subs };
  onText(model.getValue(), performance.now());
}

export function unbindModel() {
  bound?.subs.forEach((s) => s.dispose());
  bound = null;
  openGroup = null;
}

export const boundModel = () => bound?.model ?? null;

/** Writes `next` as the smallest single edit; `group` merges it with the previous edit of the same control. */
export function applyText(model: Monaco.editor.ITextModel, next: string, group?: string) {
  const edit = diffText(model.getValue(), next);
  if (!edit) return;
  if (group === undefined || group !== openGroup) model.pushStackElement();
  const start = model.getPositionAt(edit.start);
  const end = model.getPositionAt(edit.end);
  const range = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
  model.pushEditOperations([], [{ range, text: edit.text, forceMoveMarkers: true }], () => null);
  if (group === undefined) model.pushStackElement();
  openGroup = group ?? null;
  // A form edit shows in the text beside it: scroll there if it is out of sight (the cursor stays put).
  const shown = editorHost().shownEditor();
  if (shown?.getModel() === model) shown.revealLineInCenterIfOutsideViewport(start.lineNumber, 1);
}

export function endGroup() {
  if (openGroup !== null) bound?.model.pushStackElement();
  openGroup = null;
}
