/** Names follow titles until edited by hand (operation, field, parameter): typing "Get IP Reputation" in a new
 * action's Title names it get_ip_reputation, and its annotation with it. Each keystroke is one undo step together. */
import type { Field, Operation } from '../../../../shared/connector/info-json';
import { NEW_FIELD, NEW_OPERATION, nameFollowsTitle, nameFromTitle } from '../../../../shared/connector/template-text';
import { pathToPointer, type JSONPath } from './document';
import { uniqueName } from './edits';
import { useConnectorStore } from './store';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The name a new title gives, unless the user named the item themselves (then null). Siblings keep names unique. */
export function followedName(name: string, oldTitle: string, newTitle: string, base: string, siblings: readonly string[]): string | null {
  if (!nameFollowsTitle(name, oldTitle, base)) return null;
  const next = nameFromTitle(newTitle);
  if (!next) return null;
  return uniqueName(next, siblings.filter((s) => s !== name));
}

/** Writes an operation's title, and its operation name and annotation while they still follow it. */
export function editOperationTitle(index: number, op: Operation, title: string, siblings: readonly string[]): void {
  const { set } = useConnectorStore.getState();
  const at = (k: string): JSONPath => ['operations', index, k];
  const group = pathToPointer(at('title'));
  set(at('title'), title, group);
  const name = str(op.operation);
  const next = followedName(name, str(op.title), title, NEW_OPERATION.name, siblings);
  if (next === null || next === name) return;
  set(at('operation'), next, group);
  // The annotation is the operation's name in FortiSOAR's RBAC: it goes along while it was the same.
  if (op.annotation === undefined || str(op.annotation) === name) set(at('annotation'), next, group);
}

/** Writes a field's or parameter's title, and its name while it still follows it. */
export function editFieldTitle(path: JSONPath, field: Field, title: string, siblings: readonly string[]): void {
  const { set } = useConnectorStore.getState();
  const group = pathToPointer([...path, 'title']);
  set([...path, 'title'], title, group);
  const name = str(field.name);
  const next = followedName(name, str(field.title), title, NEW_FIELD.name, siblings);
  if (next !== null && next !== name) set([...path, 'name'], next, group);
}
