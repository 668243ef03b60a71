/** What changed between a recording's data and a re-run's: the values (by JSON path) and the shape (the keys and
 * value types, every list element folded into `[]`), for Re-record's preview. */
import type { DataChange, SchemaChange } from '../../../shared/models/connector-tests';

export const MAX_CHANGES = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyPath = (base: string, key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);

/** Value differences, depth first, at most `limit`. */
export function dataChanges(before: unknown, after: unknown, limit = MAX_CHANGES): { changes: DataChange[]; truncated: boolean } {
  const changes: DataChange[] = [];
  let truncated = false;
  const push = (c: DataChange) => {
    if (changes.length < limit) changes.push(c);
    else truncated = true;
  };
  const walk = (a: unknown, b: unknown, at: string) => {
    if (truncated) return;
    if (isObject(a) && isObject(b)) {
      for (const k of Object.keys(a)) if (!(k in b)) push({ path: keyPath(at, k), kind: 'removed', before: a[k] });
      for (const k of Object.keys(b)) {
        if (k in a) walk(a[k], b[k], keyPath(at, k));
        else push({ path: keyPath(at, k), kind: 'added', after: b[k] });
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (i >= b.length) push({ path: `${at}[${i}]`, kind: 'removed', before: a[i] });
        else if (i >= a.length) push({ path: `${at}[${i}]`, kind: 'added', after: b[i] });
        else walk(a[i], b[i], `${at}[${i}]`);
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) push({ path: at, kind: 'changed', before: a, after: b });
  };
  walk(before, after, '$');
  return { changes, truncated };
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);

/** Each path of the data's shape with the types seen there. */
export function shapeOf(value: unknown): Map<string, Set<string>> {
  const shape = new Map<string, Set<string>>();
  const walk = (v: unknown, at: string) => {
    const types = shape.get(at) ?? new Set<string>();
    types.add(typeOf(v));
    shape.set(at, types);
    if (isObject(v)) for (const [k, child] of Object.entries(v)) walk(child, keyPath(at, k));
    else if (Array.isArray(v)) for (const child of v) walk(child, `${at}[]`);
  };
  walk(value, '$');
  return shape;
}

const typesText = (s: Set<string>) => [...s].sort().join(' | ');

/** Shape differences: paths that appeared or went away, and paths whose types changed. A path whose types only
 * gained or lost `null` still counts: a field that became nullable breaks a playbook that reads it. */
export function schemaChanges(before: unknown, after: unknown, limit = MAX_CHANGES): { changes: SchemaChange[]; truncated: boolean } {
  const a = shapeOf(before);
  const b = shapeOf(after);
  const changes: SchemaChange[] = [];
  for (const [at, types] of a) {
    const now = b.get(at);
    if (!now) changes.push({ path: at, kind: 'removed', before: typesText(types) });
    else if (typesText(now) !== typesText(types)) changes.push({ path: at, kind: 'typeChanged', before: typesText(types), after: typesText(now) });
  }
  for (const [at, types] of b) if (!a.has(at)) changes.push({ path: at, kind: 'added', after: typesText(types) });
  // A parent that went away takes its children with it: name the parent only.
  const gone = (c: SchemaChange) => changes.some((p) => p !== c && p.kind === c.kind && c.kind !== 'typeChanged' && (c.path.startsWith(`${p.path}.`) || c.path.startsWith(`${p.path}[`)));
  const kept = changes.filter((c) => !gone(c));
  return { changes: kept.slice(0, limit), truncated: kept.length > limit };
}
