/** Each Python model's last ruff diagnostics, for the fixes they carry: Ctrl+. and the Problems panel ask here.
 * Apart from the linter so the panel does not load the wasm module's glue with it. */
import type * as Monaco from 'monaco-editor';
import { ruffFixAt, type RuffFix, type RuffFixable } from './ruff-fixes';

const lastChecked = new WeakMap<Monaco.editor.ITextModel, { version: number; diagnostics: readonly RuffFixable[] }>();

export function rememberRuffCheck(model: Monaco.editor.ITextModel, diagnostics: readonly RuffFixable[]): void {
  lastChecked.set(model, { version: model.getVersionId(), diagnostics });
}

/** Ruff's fix for the finding it reported at `line`:`column` on this model, while the model is as ruff saw it. */
export function ruffFixFor(model: Monaco.editor.ITextModel, code: string, line: number, column: number): RuffFix | undefined {
  const checked = lastChecked.get(model);
  if (!checked || checked.version !== model.getVersionId()) return undefined;
  return ruffFixAt(checked.diagnostics, code, line, column);
}

/** Applies a ruff fix as one undoable edit. */
export function applyRuffFix(model: Monaco.editor.ITextModel, fix: RuffFix): void {
  model.pushStackElement();
  model.pushEditOperations([], fix.edits.map(({ text, ...range }) => ({ range, text })), () => null);
  model.pushStackElement();
}
