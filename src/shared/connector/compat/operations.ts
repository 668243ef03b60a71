/** Operation-level comparison: added, removed, renamed (suggested), and output_schema keys. */
import type { InfoJson, Operation } from '../info-json';
import { compareFields } from './fields';
import type { DraftChange } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function operationsOf(info: InfoJson): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const op of Array.isArray(info.operations) ? info.operations : [])
    if (isRecord(op) && typeof op.operation === 'string' && !out.has(op.operation)) out.set(op.operation, op);
  return out;
}

const opTitle = (op: Operation): string => (typeof op.title === 'string' && op.title.trim() ? op.title.trim() : String(op.operation));
const describe = (op: Operation) => `action '${opTitle(op)}' (${String(op.operation)})`;

/** The signature a rename must keep: same title and the same parameter names with the same types. */
function signature(op: Operation): string {
  const params = (Array.isArray(op.parameters) ? op.parameters : [])
    .filter(isRecord)
    .map((p) => `${String(p.name)}:${String(p.type ?? 'text').toLowerCase()}`)
    .sort();
  return `${opTitle(op).toLowerCase()}|${params.join(',')}`;
}

/** Pairs each removed operation with at most one added operation of the same signature. */
function suggestRenames(removed: Operation[], added: Operation[]): Map<Operation, Operation> {
  const pairs = new Map<Operation, Operation>();
  const free = [...added];
  for (const r of removed) {
    if (typeof r.title !== 'string' || !r.title.trim()) continue;
    const i = free.findIndex((a) => signature(a) === signature(r));
    const [match] = i >= 0 ? free.splice(i, 1) : [];
    if (match) pairs.set(r, match);
  }
  return pairs;
}

/** Key paths of an output_schema, arrays as `key[]` (their first element stands for all of them). */
export function outputKeys(schema: unknown, base = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    if (schema.length > 0) outputKeys(schema[0], `${base}[]`, out);
    return out;
  }
  if (!isRecord(schema)) return out;
  for (const [k, v] of Object.entries(schema)) {
    const p = base ? `${base}/${k}` : k;
    out.add(p);
    outputKeys(v, p, out);
  }
  return out;
}

/** output_schema plus every conditional_output_schema branch: a key any branch returns is one playbooks may read. */
function allOutputKeys(op: Operation): Set<string> {
  const keys = outputKeys(op.output_schema);
  for (const c of Array.isArray(op.conditional_output_schema) ? op.conditional_output_schema : [])
    if (isRecord(c)) outputKeys(c.output_schema, '', keys);
  return keys;
}

const topmost = (keys: string[]): string[] =>
  keys.filter((k) => !keys.some((o) => o !== k && (k.startsWith(`${o}/`) || k.startsWith(`${o}[]`))));

const display = (k: string) => k.replace(/\//g, '.');

function compareOutputs(a: Operation, b: Operation, base: string): DraftChange[] {
  const before = allOutputKeys(a);
  const after = allOutputKeys(b);
  const who = describe(b);
  const gone = topmost([...before].filter((k) => !after.has(k)));
  const fresh = topmost([...after].filter((k) => !before.has(k)));
  return [
    ...gone.map((k): DraftChange => ({
      kind: 'output-key-removed', path: `${base}/output_schema/${k}`, breaking: true, level: 'major',
      message: `Output key '${display(k)}' of ${who} was removed: playbook steps that read it get nothing.`,
      note: `The output of the ${who} no longer contains '${display(k)}'.`,
    })),
    ...fresh.map((k): DraftChange => ({
      kind: 'output-key-added', path: `${base}/output_schema/${k}`, breaking: false, level: 'minor',
      message: `Output key '${display(k)}' was added to ${who}.`,
      note: `The output of the ${who} now contains '${display(k)}'.`,
    })),
  ];
}

function comparePair(a: Operation, b: Operation): DraftChange[] {
  const base = `operations/${String(a.operation)}`;
  const newBase = `operations/${String(b.operation)}`;
  const fields = compareFields('parameter', describe(b), a.parameters, b.parameters, `${base}/parameters`, `${newBase}/parameters`);
  return [...fields, ...compareOutputs(a, b, newBase)];
}

export function compareOperations(oldInfo: InfoJson, newInfo: InfoJson): DraftChange[] {
  const before = operationsOf(oldInfo);
  const after = operationsOf(newInfo);
  const removed = [...before.values()].filter((op) => !after.has(String(op.operation)));
  const added = [...after.values()].filter((op) => !before.has(String(op.operation)));
  const renames = suggestRenames(removed, added);
  const renamedTo = new Set(renames.values());
  const out: DraftChange[] = [];
  for (const [name, b] of after) {
    const a = before.get(name);
    if (a) out.push(...comparePair(a, b));
    else if (!renamedTo.has(b))
      out.push({ kind: 'operation-added', path: `operations/${name}`, breaking: false, level: 'minor',
        message: `Added ${describe(b)}.`, note: `Added the ${describe(b)}.` });
  }
  for (const a of removed) {
    const b = renames.get(a);
    if (b) out.push(renamed(a, b), ...comparePair(a, b));
    else
      out.push({ kind: 'operation-removed', path: `operations/${String(a.operation)}`, breaking: true, level: 'major',
        message: `Removed ${describe(a)}: playbooks that call it break.`, note: `Removed the ${describe(a)}; update playbooks that use it.` });
  }
  return out;
}

function renamed(a: Operation, b: Operation): DraftChange {
  return {
    kind: 'operation-renamed', path: `operations/${String(a.operation)}`, breaking: true, level: 'major',
    message: `Operation '${String(a.operation)}' looks renamed to '${String(b.operation)}' (same title '${opTitle(b)}' and parameters): playbooks call actions by operation name, so steps using '${String(a.operation)}' break. Keep the old name unless the break is intended.`,
    note: `Renamed the action '${opTitle(b)}' from \`${String(a.operation)}\` to \`${String(b.operation)}\`; update playbooks that use it.`,
  };
}

