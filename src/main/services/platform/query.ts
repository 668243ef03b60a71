/** FortiSOAR's query forms over a module's records (docs/platform-api.md, "Queries"): URL filters
 * `field=value` and `field$op=value` with `.` or `__` paths, `$search`, `$orderby`; the body of
 * `POST /api/query/<module>` (`logic`, nested `filters`, `sort`). Pure: the caller hands it the records and a
 * way to follow a relation's IRI. */
import { isObject, parseRecordIri, type Json, type JsonObject } from './records';

export type Lookup = (iri: string) => JsonObject | undefined;

export interface Filter {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
}
export interface FilterGroup {
  readonly logic: 'AND' | 'OR';
  readonly filters: ReadonlyArray<Filter | FilterGroup>;
}
export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
}

export class QueryError extends Error {}

export const OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'like', 'notlike', 'isnull', 'exists', 'contains'] as const;
const isOperator = (op: string): boolean => (OPERATORS as readonly string[]).includes(op);

/** Every value `path` reaches in the record: relations (IRIs of stored records, or embedded records) are followed,
 * lists fan out, and `<picklist>.itemValue` on a plain string is that string (a connector that posts
 * `"status": "Open"` is found by `status.itemValue=Open`). */
export function valuesAt(record: Json, path: string, lookup: Lookup): unknown[] {
  const parts = path.split(/\.|__/).filter((p) => p);
  let current: unknown[] = [record];
  for (const [i, part] of parts.entries()) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        const target = typeof item === 'string' && i > 0 ? lookup(item) ?? item : item;
        if (isObject(target)) {
          if (part in target) next.push(target[part]);
        } else if (typeof target === 'string' && part === 'itemValue') next.push(target);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]));
}

const scalar = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (isObject(v)) return typeof v['@id'] === 'string' ? v['@id'] : JSON.stringify(v);
  return String(v as string | number | boolean);
};
/** A record's IRI and its bare uuid compare equal ("for association IRIs, the UUID is extracted"). */
const idForm = (s: string): string => parseRecordIri(s)?.id ?? s;
const same = (a: unknown, b: unknown): boolean => {
  const x = scalar(a), y = scalar(b);
  return x !== undefined && y !== undefined && (x === y || idForm(x) === idForm(y));
};
const numberOf = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
function compare(a: unknown, b: unknown): number | undefined {
  const x = numberOf(a), y = numberOf(b);
  if (x !== undefined && y !== undefined) return x - y;
  const s = scalar(a), t = scalar(b);
  return s === undefined || t === undefined ? undefined : s < t ? -1 : s > t ? 1 : 0;
}
/** SQL LIKE, case-insensitive as FortiSOAR lowercases both sides: `%` any run, `_` one character. */
function likeRegex(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split('|').map((s) => s.trim()) : [v]);
const truthy = (v: unknown): boolean => v === true || v === 'true' || v === 'yes' || v === 1 || v === '1';
const lower = (v: unknown) => scalar(v)?.toLowerCase();

function matchesFilter(record: JsonObject, f: Filter, lookup: Lookup): boolean {
  const values = valuesAt(record, f.field, lookup);
  const present = values.filter((v) => v !== null && v !== undefined);
  switch (f.operator) {
    case 'eq':
      return f.value === null ? present.length === 0 : present.some((v) => same(v, f.value));
    case 'neq':
      return f.value === null ? present.length > 0 : !present.some((v) => same(v, f.value));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return present.some((v) => {
        const c = compare(v, f.value);
        if (c === undefined) return false;
        return f.operator === 'lt' ? c < 0 : f.operator === 'lte' ? c <= 0 : f.operator === 'gt' ? c > 0 : c >= 0;
      });
    case 'in': {
      const wanted = listOf(f.value).map(lower);
      return present.some((v) => wanted.includes(lower(v)) || wanted.includes(idForm(lower(v) ?? '')));
    }
    case 'nin': {
      // FortiSOAR's NOT IN keeps records whose field is empty, by design.
      const unwanted = listOf(f.value).map(lower);
      return !present.some((v) => unwanted.includes(lower(v)));
    }
    case 'like':
      return present.some((v) => likeRegex(String(f.value)).test(scalar(v) ?? ''));
    case 'notlike':
      return !present.some((v) => likeRegex(String(f.value)).test(scalar(v) ?? ''));
    case 'isnull':
      return truthy(f.value) ? present.length === 0 : present.length > 0;
    case 'exists':
    case 'contains':
      return present.some((v) =>
        typeof v === 'string' ? v.includes(String(f.value)) : isObject(v) ? typeof f.value === 'string' && f.value in v : same(v, f.value),
      ) || (Array.isArray(f.value) && f.value.every((w) => present.some((v) => same(v, w))));
    default:
      throw new QueryError(`Unknown operator "${f.operator}": use one of ${OPERATORS.join(', ')}.`);
  }
}

const isGroup = (f: Filter | FilterGroup): f is FilterGroup => 'filters' in f;

export function matches(record: JsonObject, group: FilterGroup, lookup: Lookup): boolean {
  const test = (f: Filter | FilterGroup) => (isGroup(f) ? matches(record, f, lookup) : matchesFilter(record, f, lookup));
  return group.logic === 'OR' ? group.filters.length === 0 || group.filters.some(test) : group.filters.every(test);
}

/** `$search`: every word appears, case-insensitive, in some text or number of the record's own fields. */
export function matchesSearch(record: JsonObject, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter((w) => w);
  const text = Object.entries(record)
    .filter(([k, v]) => !k.startsWith('@') && (typeof v === 'string' || typeof v === 'number'))
    .map(([, v]) => String(v as string | number).toLowerCase())
    .join('\n');
  return words.every((w) => text.includes(w));
}

/** The body of `POST /api/query/<module>`, checked: `logic` AND/OR, `filters` (leaves and nested groups). */
export function parseQueryBody(body: unknown): { group: FilterGroup; sort: SortKey[]; select?: string[]; ignore?: string[] } {
  if (body === undefined || body === null) return { group: { logic: 'AND', filters: [] }, sort: [] };
  if (!isObject(body)) throw new QueryError('The query body must be a JSON object: {"logic": "AND", "filters": [...], "sort": [...]}.');
  const group = parseGroup(body, 'the query');
  const sortRaw = body.sort ?? [];
  if (!Array.isArray(sortRaw)) throw new QueryError('"sort" must be a list of {"field", "direction"}.');
  const sort = sortRaw.map((s, i) => {
    if (!isObject(s) || typeof s.field !== 'string') throw new QueryError(`sort[${i}] needs a "field".`);
    return { field: s.field, descending: String(s.direction ?? 'ASC').toUpperCase() === 'DESC' };
  });
  const names = (v: Json | undefined, key: string) => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new QueryError(`"${key}" must be a list of field names.`);
    return v as string[];
  };
  return { group, sort, select: names(body.__selectFields, '__selectFields'), ignore: names(body.__ignoreFields, '__ignoreFields') };
}

function parseGroup(o: JsonObject, where: string): FilterGroup {
  const logic = String(o.logic ?? 'AND').toUpperCase();
  if (logic !== 'AND' && logic !== 'OR') throw new QueryError(`${where}: "logic" must be AND or OR, not ${JSON.stringify(o.logic)}.`);
  const raw = o.filters ?? [];
  if (!Array.isArray(raw)) throw new QueryError(`${where}: "filters" must be a list.`);
  const filters = raw.map((f, i): Filter | FilterGroup => {
    const at = `${where}, filters[${i}]`;
    if (!isObject(f)) throw new QueryError(`${at} is not an object.`);
    if ('filters' in f) return parseGroup(f, at);
    if (typeof f.field !== 'string' || !f.field) throw new QueryError(`${at} needs a "field".`);
    const operator = String(f.operator ?? 'eq').toLowerCase();
    if (!isOperator(operator)) throw new QueryError(`${at}: unknown operator "${operator}"; use one of ${OPERATORS.join(', ')}.`);
    return { field: f.field, operator, value: f.value ?? null };
  });
  return { logic, filters };
}

/** The filters of a collection's query string: every parameter not starting with `$`, `field$op=value`. */
export function parseUrlFilters(params: URLSearchParams): FilterGroup {
  const filters: Filter[] = [];
  for (const [key, value] of params) {
    if (key.startsWith('$') || key.startsWith('__')) continue;
    const at = key.indexOf('$');
    const field = at === -1 ? key : key.slice(0, at);
    const operator = at === -1 ? 'eq' : key.slice(at + 1).toLowerCase();
    if (!field) throw new QueryError(`The filter "${key}" names no field.`);
    if (!isOperator(operator)) throw new QueryError(`The filter "${key}" uses an unknown operator "${operator}"; use one of ${OPERATORS.join(', ')}.`);
    filters.push({ field, operator, value });
  }
  return { logic: 'AND', filters };
}

/** `$orderby=-createDate,name`. */
export function parseOrderBy(value: string | null): SortKey[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s)
    .map((s) => (s.startsWith('-') ? { field: s.slice(1), descending: true } : { field: s.replace(/^\+/, ''), descending: false }));
}

/** Sorted by the keys, then newest modified first (FortiSOAR's default order), then by id for a stable page. */
export function sortRecords(records: JsonObject[], keys: readonly SortKey[], lookup: Lookup): JsonObject[] {
  const all: SortKey[] = [...keys, { field: 'modifyDate', descending: true }, { field: 'id', descending: true }];
  return [...records].sort((a, b) => {
    for (const k of all) {
      const c = compare(valuesAt(a, k.field, lookup)[0], valuesAt(b, k.field, lookup)[0]);
      const missingA = valuesAt(a, k.field, lookup)[0] === undefined, missingB = valuesAt(b, k.field, lookup)[0] === undefined;
      if (missingA !== missingB) return missingA ? 1 : -1;
      if (c !== undefined && c !== 0) return k.descending ? -c : c;
    }
    return 0;
  });
}

/** Only `fields` of each record (with its `@id` and `@type`), or all but `ignore`. */
export function project(record: JsonObject, select?: readonly string[], ignore?: readonly string[]): JsonObject {
  if (select?.length) return Object.fromEntries(Object.entries(record).filter(([k]) => k.startsWith('@') || select.includes(k)));
  if (ignore?.length) return Object.fromEntries(Object.entries(record).filter(([k]) => !ignore.includes(k)));
  return record;
}
