/** Turns an action's data into a table: a list of objects becomes rows (columns = the union of their keys, in
 * first-seen order), one object becomes key/value rows, anything else one value per row. Pure: unit-tested. */

export interface TableModel {
  /** Header of the first column: "#" for list indexes, "Key" for an object's keys. */
  readonly labelHeader: string;
  readonly labels: readonly string[];
  readonly columns: readonly string[];
  /** rows[i][c] is the value of columns[c]; `undefined` means the object has no such key. */
  readonly rows: readonly (readonly unknown[])[];
  /** Column widths in `ch`, label column first, from the header and a sample of the cells. */
  readonly widths: readonly number[];
}

type Plain = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Union of keys in first-seen order (a Set keeps insertion order). */
export function unionKeys(items: readonly Plain[]): string[] {
  const keys = new Set<string>();
  for (const item of items) for (const k of Object.keys(item)) keys.add(k);
  return [...keys];
}

function shape(data: unknown): Omit<TableModel, 'widths'> {
  if (Array.isArray(data)) {
    const labels = data.map((_, i) => String(i));
    if (data.length > 0 && data.every(isPlainObject)) {
      const columns = unionKeys(data);
      return { labelHeader: '#', labels, columns, rows: data.map((o) => columns.map((c) => (Object.hasOwn(o, c) ? o[c] : undefined))) };
    }
    return { labelHeader: '#', labels, columns: ['Value'], rows: data.map((v: unknown) => [v]) };
  }
  if (isPlainObject(data)) {
    const entries = Object.entries(data);
    return { labelHeader: 'Key', labels: entries.map(([k]) => k), columns: ['Value'], rows: entries.map(([, v]) => [v]) };
  }
  return { labelHeader: '', labels: [''], columns: ['Value'], rows: [[data]] };
}

/** What a cell shows: text for scalars, a count for lists and objects (those expand in place). */
export function cellText(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.length} ${v.length === 1 ? 'item' : 'items'}]`;
  if (typeof v === 'object') {
    const n = Object.keys(v).length;
    return n === 0 ? '{}' : `{${n} ${n === 1 ? 'key' : 'keys'}}`;
  }
  return String(v);
}

/** A non-empty list or object: the cell gets an expand button. */
export const isNested = (v: unknown): boolean => v !== null && typeof v === 'object' && cellText(v).length > 2;

const SAMPLE = 200;
const clampWidth = (n: number) => Math.min(40, Math.max(6, n + 2));

function widthsOf(t: Omit<TableModel, 'widths'>): number[] {
  const rows = t.rows.slice(0, SAMPLE);
  const label = Math.max(t.labelHeader.length, ...t.labels.slice(0, SAMPLE).map((l) => l.length));
  // Nested cells carry an expand button: two more characters.
  const col = (c: number) => Math.max(t.columns[c].length, ...rows.map((r) => cellText(r[c]).length + (isNested(r[c]) ? 2 : 0)));
  // A lone value column (key/value, plain lists) may grow wide: it is the only thing to read.
  return [clampWidth(label), ...t.columns.map((_, c) => (t.columns.length === 1 ? Math.max(24, clampWidth(col(c))) : clampWidth(col(c))))];
}

export function tableOf(data: unknown): TableModel {
  const t = shape(data);
  return { ...t, widths: widthsOf(t) };
}
