/** "Generate sample playbooks": adds one inactive, tagged playbook per visible action to playbooks.json,
 * skipping actions that already have a playbook of the same name. Existing text is never rewritten: the
 * array is located with jsonc-parser and new items are inserted after its last element, indented like their
 * siblings (jsonc-parser's own `modify` re-formats the surrounding array, which would touch user playbooks). */
import { applyEdits, findNodeAtLocation, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';
import type { InfoJson, Operation } from '../../../shared/connector/info-json';
import { ServiceError } from '../errors';
import { collectionsOf, listPlaybooks } from '../../../shared/connector/playbooks';
import { collectionName, samplePlaybook, sampleCollection, type NewId } from './sample';

export interface GenerateResult {
  /** The new playbooks.json text (the input, or a new empty export for a missing file, when nothing was added). */
  readonly text: string;
  /** Operations that got a sample playbook. */
  readonly added: string[];
  /** Operations skipped because a playbook of the same name exists. */
  readonly skipped: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const norm = (s: string) => s.trim().toLowerCase();

export function visibleActions(info: InfoJson): Operation[] {
  const ops = Array.isArray(info.operations) ? info.operations : [];
  return ops.filter((o): o is Operation => isObject(o) && o.visible !== false && typeof o.operation === 'string' && o.operation !== '' && typeof o.title === 'string' && o.title.trim() !== '');
}

/** The whitespace before `offset` on its line, or undefined when other text precedes it (compact JSON). */
function lineIndent(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

function unitOf(text: string): string {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  return indent === undefined ? '  ' : indent.startsWith('\t') ? '\t' : indent;
}

/** Edits that append `values` to the array `node`, formatted like the document around it. */
function appendEdits(text: string, node: Node, values: readonly unknown[]): Edit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = unitOf(text);
  const kids = node.children ?? [];
  const last = kids[kids.length - 1];
  const itemIndent = last ? lineIndent(text, last.offset) : (lineIndent(text, node.offset) ?? '') + unit;
  const compact = itemIndent === undefined || !text.includes('\n');
  const render = (v: unknown) => (compact ? JSON.stringify(v) : JSON.stringify(v, null, unit).split('\n').join(eol + itemIndent));
  const items = values.map(render);
  if (last) {
    const sep = compact ? ',' : `,${eol}${itemIndent}`;
    return [{ offset: last.offset + last.length, length: 0, content: sep + items.join(sep) }];
  }
  const inner = { offset: node.offset + 1, length: node.length - 2 };
  if (compact) return [{ ...inner, content: items.join(',') }];
  const closeIndent = lineIndent(text, node.offset) ?? '';
  return [{ ...inner, content: `${eol}${itemIndent}${items.join(`,${eol}${itemIndent}`)}${eol}${closeIndent}` }];
}

function parse(text: string): { root: Node; doc: unknown } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0) throw new ServiceError('VALIDATION', 'playbooks/playbooks.json is not valid JSON: fix or re-export it before generating samples.');
  return { root, doc: JSON.parse(text) };
}

/** The collection samples go into: the one named like ours, else the first "Sample - ..." one. */
function targetCollection(doc: unknown, info: InfoJson): number {
  const list = collectionsOf(doc);
  const ok = (c: unknown): c is Record<string, unknown> => isObject(c) && Array.isArray(c.workflows);
  const exact = list.findIndex((c) => ok(c) && c.name === collectionName(info));
  return exact >= 0 ? exact : list.findIndex((c) => ok(c) && typeof c.name === 'string' && c.name.startsWith('Sample - '));
}

export function addSamplePlaybooks(text: string | undefined, info: InfoJson, newId: NewId): GenerateResult {
  const base = text === undefined || text.trim() === '' ? `${JSON.stringify({ type: 'workflow_collections', data: [] }, null, 2)}\n` : text;
  const { root, doc } = parse(base);
  const listed = listPlaybooks(base);
  const existing = new Set(listed.state === 'ok' ? listed.playbooks.map((p) => norm(p.name)) : []);
  const actions = visibleActions(info);
  const todo = actions.filter((op) => !existing.has(norm(op.title!)));
  const skipped = actions.filter((op) => !todo.includes(op)).map((op) => op.operation!);
  const added = todo.map((op) => op.operation!);
  if (todo.length === 0) return { text: base, added, skipped };

  const dataPath = Array.isArray(doc) ? [] : ['data'];
  const target = targetCollection(doc, info);
  if (target >= 0) {
    const collection = collectionsOf(doc)[target] as Record<string, unknown>;
    const id = typeof collection.uuid === 'string' ? collection.uuid : newId();
    const workflows = findNodeAtLocation(root, [...dataPath, target, 'workflows'])!;
    return { text: applyEdits(base, appendEdits(base, workflows, todo.map((op) => samplePlaybook(info, op, id, newId)))), added, skipped };
  }
  const data = findNodeAtLocation(root, dataPath);
  if (!data || data.type !== 'array') throw new ServiceError('VALIDATION', 'playbooks/playbooks.json has no "data" list of collections: re-export it.');
  const id = newId();
  const collection = { ...sampleCollection(info, id), workflows: todo.map((op) => samplePlaybook(info, op, id, newId)) };
  return { text: applyEdits(base, appendEdits(base, data, [collection])), added, skipped };
}
