/** Add, duplicate, delete and move for operations and fields, as the form's buttons and keys run them. */
import type { Field, Operation } from '../../../../shared/connector/info-json';
import { NEW_OPERATION, isMadeUpName } from '../../../../shared/connector/template-text';
import { addOperationCode, offerRemoveOperationCode, offerRenameOperationCode, renameOperationStub } from './code-sync';
import { pathToPointer, type JSONPath } from './document';
import { duplicateOf, newField, newOperation } from './edits';
import { isReadOnly, useConnectorStore } from './store';

const state = () => useConnectorStore.getState();
/** Code changes follow only edits that happen: nothing when the text is broken or the file read-only. */
const editable = () => state().info !== null && state().syntaxError === null && !isReadOnly(state().relPath);

function listAt(path: JSONPath): unknown[] {
  const node = path.reduce<unknown>((n, k) => (n !== null && typeof n === 'object' ? (n as Record<string, unknown>)[k as string] : undefined), state().info);
  return Array.isArray(node) ? node : [];
}

const operations = () => listAt(['operations']) as Operation[];

export function addOperation(): void {
  if (!editable()) return;
  const op = newOperation(operations());
  const index = operations().length;
  state().edit({ kind: 'insert', path: ['operations'], index, value: op });
  state().select(`/operations/${index}`);
  void addOperationCode(op.operation!);
}

export function duplicateOperation(index: number): void {
  if (!editable()) return;
  const copy = duplicateOf(operations()[index], operations(), 'operation');
  state().edit({ kind: 'insert', path: ['operations'], index: index + 1, value: copy });
  state().select(`/operations/${index + 1}`);
  if (copy.operation) void addOperationCode(copy.operation);
}

export function deleteOperation(index: number): void {
  if (!editable()) return;
  const name = operations()[index]?.operation;
  state().edit({ kind: 'remove', path: ['operations'], index });
  if (typeof name === 'string' && name && !operations().some((o) => o.operation === name)) void offerRemoveOperationCode(name);
}

/** Called when the name box loses focus, so the code follows one rename, not every keystroke. */
export function operationRenamed(from: string, to: string): void {
  if (!editable()) return;
  if (!from || !to || from === to || operations().some((o) => o.operation === from)) return;
  // A made-up name's code is the generated stub: it follows the name without a question; anything else asks.
  void (isMadeUpName(from, NEW_OPERATION.name) ? renameOperationStub(from, to) : offerRenameOperationCode(from, to));
}

export function addField(listPath: JSONPath, type = 'text'): void {
  const list = listAt(listPath) as Field[];
  state().edit({ kind: 'insert', path: listPath, index: list.length, value: newField(list, type) });
  state().select(`${pathToPointer(listPath)}/${list.length}`);
}

export function duplicateField(listPath: JSONPath, index: number): void {
  const list = listAt(listPath) as Field[];
  state().edit({ kind: 'insert', path: listPath, index: index + 1, value: duplicateOf(list[index], list, 'name') });
  state().select(`${pathToPointer(listPath)}/${index + 1}`);
}

/** Starts the fields shown for one choice of a select or checkbox, with a name no visible sibling uses. */
export function addBranch(fieldPath: JSONPath, key: string): void {
  const level = listAt(fieldPath.slice(0, -1)) as Field[];
  const taken = level.flatMap((f) => [f, ...Object.values(f?.onchange ?? {}).flat()]);
  const branch = [...fieldPath, 'onchange', key];
  state().set(branch, [newField(taken)]);
  state().select(`${pathToPointer(branch)}/0`);
}

export const deleteItem = (listPath: JSONPath, index: number) => state().edit({ kind: 'remove', path: listPath, index });

/** Moves an item; out-of-range targets do nothing, so Alt+Up on the first row is harmless. */
export function moveItem(listPath: JSONPath, from: number, to: number): boolean {
  if (to < 0 || to >= listAt(listPath).length || from === to) return false;
  state().edit({ kind: 'move', path: listPath, from, to });
  return true;
}
