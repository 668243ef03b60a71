/** Everything a rule needs, computed once per run so each rule is a single linear pass. */
import type { Field, InfoJson, Operation } from './info-json';
import { escapeToken, joinPointer } from './json-pointer';
import type { ConnectorSnapshot } from './snapshot';
import { readPlaybooks, type PlaybooksInfo } from './playbooks';
import { readDispatch, type DispatchResult } from './python/dispatch';

export interface OperationEntry {
  readonly op: Operation;
  readonly index: number;
  readonly pointer: string;
  /** `operation` when it is a non-empty string. */
  readonly name: string | undefined;
}

/** One list of fields shown together: the configuration, an operation's parameters or an onchange branch. */
export interface FieldLevel {
  readonly pointer: string;
  readonly fields: FieldEntry[];
  /** The level holding the field whose onchange branch this is: both are visible at once. */
  readonly parent: FieldLevel | undefined;
  readonly owner: FieldOwner;
}

export type FieldOwner = { readonly kind: 'configuration' } | { readonly kind: 'operation'; readonly entry: OperationEntry };

export interface FieldEntry {
  readonly field: Field;
  /** `field.type` when it is a string, else ''. Read once here: rules loop over fields many times, and
   * property loads on JSON.parse objects of many shapes are slow. */
  readonly type: string;
  readonly pointer: string;
  readonly level: FieldLevel;
  /** The select/checkbox whose onchange holds this field, and under which key (for the form: which choice
   * shows it). */
  readonly parentField: FieldEntry | undefined;
  readonly branchKey: string | undefined;
}

export interface RuleContext {
  readonly snapshot: ConnectorSnapshot;
  readonly info: InfoJson;
  readonly operations: readonly OperationEntry[];
  readonly operationsByName: ReadonlyMap<string, readonly OperationEntry[]>;
  readonly levels: readonly FieldLevel[];
  readonly fields: readonly FieldEntry[];
  /** Parsed lazily: only the playbook rules pay for it. */
  playbooks(): PlaybooksInfo;
  /** Parsed lazily: only code rules (never with metadataOnly). */
  dispatch(): DispatchResult;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function buildContext(snapshot: ConnectorSnapshot, info: InfoJson): RuleContext {
  const operations = collectOperations(info);
  const levels: FieldLevel[] = [];
  const fields: FieldEntry[] = [];
  const walk = (list: unknown, pointer: string, owner: FieldOwner, parent?: FieldLevel, parentField?: FieldEntry, key?: string) => {
    if (!Array.isArray(list)) return;
    const level: FieldLevel = { pointer, fields: [], parent, owner };
    levels.push(level);
    for (let i = 0; i < list.length; i++) {
      const field = list[i];
      if (!isObject(field)) continue;
      const type = typeof field.type === 'string' ? field.type : '';
      const entry: FieldEntry = { field: field as Field, type, pointer: joinPointer(pointer, i), level, parentField, branchKey: key };
      level.fields.push(entry);
      fields.push(entry);
      const onchange = field.onchange;
      if (!isObject(onchange)) continue;
      for (const k of Object.keys(onchange)) walk(onchange[k], `${entry.pointer}/onchange/${escapeToken(k)}`, owner, level, entry, k);
    }
  };
  const config = info.configuration;
  if (isObject(config)) walk(config.fields, '/configuration/fields', { kind: 'configuration' });
  for (const entry of operations) walk(entry.op.parameters, `${entry.pointer}/parameters`, { kind: 'operation', entry });

  return {
    snapshot,
    info,
    operations,
    operationsByName: indexByName(operations),
    levels,
    fields,
    playbooks: memo(() => readPlaybooks(snapshot.files)),
    dispatch: memo(() => readDispatch(snapshot.files)),
  };
}

function collectOperations(info: InfoJson): OperationEntry[] {
  const list = info.operations;
  if (!Array.isArray(list)) return [];
  const out: OperationEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const op = list[i];
    if (!isObject(op)) continue;
    const name = typeof op.operation === 'string' && op.operation !== '' ? op.operation : undefined;
    out.push({ op: op as Operation, index: i, pointer: `/operations/${i}`, name });
  }
  return out;
}

function indexByName(operations: readonly OperationEntry[]): Map<string, OperationEntry[]> {
  const map = new Map<string, OperationEntry[]>();
  for (const entry of operations) {
    if (entry.name === undefined) continue;
    const list = map.get(entry.name);
    if (list) list.push(entry);
    else map.set(entry.name, [entry]);
  }
  return map;
}

function memo<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

export { isObject };
