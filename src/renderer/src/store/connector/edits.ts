/** What a form gesture does to the info.json text. Each returns the new text; the caller turns the difference
 * into one Monaco edit. All of them go through jsonc-parser (shared/form), so only the edited node changes. */
import type { Field, Operation } from '../../../../shared/connector/info-json';
import { NEW_FIELD, NEW_OPERATION } from '../../../../shared/connector/template-text';
import { moveInArray } from '../../../../shared/form/json-move';
import { insertAt, removeAt, setAt } from '../../../../shared/form/json-text';
import { pathToPointer, type JSONPath } from './document';

export type FormEdit =
  | { readonly kind: 'set'; readonly path: JSONPath; readonly value: unknown }
  | { readonly kind: 'insert'; readonly path: JSONPath; readonly index: number; readonly value: unknown }
  | { readonly kind: 'remove'; readonly path: JSONPath; readonly index: number }
  | { readonly kind: 'move'; readonly path: JSONPath; readonly from: number; readonly to: number };

const get = (doc: unknown, path: JSONPath): unknown =>
  path.reduce<unknown>((node, k) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[k as string] : undefined), doc);

/** `value` undefined removes the key: an emptied optional text box leaves no `"tooltip": ""` behind. */
export function applyFormEdit(text: string, doc: unknown, edit: FormEdit): string {
  switch (edit.kind) {
    case 'set':
      return edit.value === undefined ? (get(doc, edit.path) === undefined ? text : removeAt(text, edit.path)) : setAt(text, edit.path, edit.value);
    case 'insert': {
      const list = get(doc, edit.path);
      if (!Array.isArray(list)) return setAt(text, edit.path, [edit.value]);
      return insertAt(text, edit.path, Math.min(edit.index, list.length), edit.value);
    }
    case 'remove':
      return removeAt(text, [...edit.path, edit.index]);
    case 'move':
      return moveInArray(text, edit.path, edit.from, edit.to);
  }
}

/** A name not yet used: base, base_2, base_3... */
export function uniqueName(base: string, taken: Iterable<string | undefined>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function newOperation(existing: readonly Operation[]): Operation {
  const operation = uniqueName(NEW_OPERATION.name, existing.map((o) => o?.operation));
  // The description box shows "Describe what this action does." greyed until the user writes one.
  return {
    operation,
    title: NEW_OPERATION.title,
    description: '',
    category: 'investigation',
    annotation: operation,
    enabled: true,
    output_schema: {},
    parameters: [],
  };
}

export function newField(existing: readonly Field[], type = 'text'): Field {
  const name = uniqueName(NEW_FIELD.name, existing.map((f) => f?.name));
  const field: Field = { title: NEW_FIELD.title, name, type, description: '', required: false, editable: true, visible: true };
  if (type === 'select' || type === 'multiselect') field.options = ['Option 1'];
  return field;
}

/** A copy beside the original, renamed so the connector stays valid (names are unique per level). */
export function duplicateOf<T extends Operation | Field>(item: T, siblings: readonly T[], key: 'operation' | 'name'): T {
  const copy = JSON.parse(JSON.stringify(item)) as T;
  const name = typeof item[key] === 'string' ? (item[key] as string) : 'item';
  (copy as Record<string, unknown>)[key] = uniqueName(`${name}_copy`, siblings.map((s) => s?.[key] as string | undefined));
  if (typeof item.title === 'string') copy.title = `${item.title} (copy)`;
  if (key === 'operation' && typeof (item as Operation).annotation === 'string') (copy as Operation).annotation = (copy as Operation).operation;
  return copy;
}

/**
 * Keeps UI state keyed by pointer (expanded rows, the selection) on the same items after an array changes:
 * `mapIndex` says where old index i went (null: the item is gone).
 */
export function remapPointers(pointers: readonly string[], arrayPath: JSONPath, mapIndex: (i: number) => number | null): string[] {
  const prefix = `${pathToPointer(arrayPath)}/`;
  const out: string[] = [];
  for (const p of pointers) {
    if (!p.startsWith(prefix)) {
      out.push(p);
      continue;
    }
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    const index = Number(slash < 0 ? rest : rest.slice(0, slash));
    const to = Number.isInteger(index) ? mapIndex(index) : index;
    if (to !== null) out.push(`${prefix}${to}${slash < 0 ? '' : rest.slice(slash)}`);
  }
  return out;
}

/** Where old index i lands after each structural edit. */
export function indexMapFor(edit: FormEdit): ((i: number) => number | null) | null {
  switch (edit.kind) {
    case 'insert':
      return (i) => (i >= edit.index ? i + 1 : i);
    case 'remove':
      return (i) => (i === edit.index ? null : i > edit.index ? i - 1 : i);
    case 'move': {
      const { from, to } = edit;
      return (i) => (i === from ? to : from < to && i > from && i <= to ? i - 1 : from > to && i >= to && i < from ? i + 1 : i);
    }
    case 'set':
      return null;
  }
}

/** Every item that must be open for `pointer` to show: its operation, then each field on the way down. */
export function ancestorsToExpand(pointer: string): string[] {
  const out: string[] = [];
  const step = /^(\/operations\/\d+|\/configuration\/fields\/\d+|\/parameters\/\d+|\/onchange\/[^/]+\/\d+)/;
  let rest = pointer;
  let base = '';
  for (let m = step.exec(rest); m; m = step.exec(rest)) {
    base += m[1];
    rest = rest.slice(m[1].length);
    out.push(base);
  }
  return out;
}
