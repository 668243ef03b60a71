/** The Test Configuration and Test Actions forms, rendered from info.json fields. The form keeps "raw" values as
 * the controls hold them (text for numbers and JSON); collect() turns the visible ones into what the connector gets. */
import type { Field } from '../../../../shared/connector/info-json';
import { isPasswordField } from '../../../../shared/connector/secret-fields';
import { visibleFields, type FieldLike, type VisibleField } from '../../../../shared/form/visibility';

export type Values = Record<string, unknown>;

const TEXT_HELD = new Set(['integer', 'decimal', 'numeric', 'json', 'object']);
const NUMERIC = new Set(['integer', 'decimal', 'numeric']);

export const isFieldList = (v: unknown): v is Field[] => Array.isArray(v) && v.every((f) => f !== null && typeof f === 'object');

/** A value as its control holds it: numbers and JSON as text, everything else as it is. */
export function toRaw(field: Field, value: unknown): unknown {
  if (value === undefined || value === null) return field.type === 'multiselect' ? [] : field.type === 'checkbox' ? false : '';
  if (!TEXT_HELD.has(String(field.type))) return value;
  if (typeof value === 'string') return value;
  return NUMERIC.has(String(field.type)) ? String(value) : JSON.stringify(value, null, 2);
}

const rawOf = (f: Field, raw: Values) => (f.name !== undefined && f.name in raw ? raw[f.name] : toRaw(f, f.value));
const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The fields shown for the current values, following onchange branches (defaults decide until the user picks). */
export const shownFields = (fields: readonly Field[], raw: Values): VisibleField[] => visibleFields(fields as FieldLike[], raw);

type Parsed = { value: unknown } | { error: string };

export function fromRaw(field: Field, raw: unknown): Parsed {
  const type = String(field.type ?? 'text');
  if (typeof raw !== 'string' || !TEXT_HELD.has(type)) return { value: raw };
  if (raw.trim() === '') return { value: undefined };
  if (type === 'integer') return /^-?\d+$/.test(raw.trim()) ? { value: Number(raw) } : { error: 'Enter a whole number.' };
  if (NUMERIC.has(type)) return Number.isFinite(Number(raw)) ? { value: Number(raw) } : { error: 'Enter a number.' };
  try {
    return { value: JSON.parse(raw) };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}

export interface CollectOptions {
  /** Password fields that already have a stored secret: empty means "keep it". */
  readonly secretsSet?: readonly string[];
}

function checkOne(f: Field, raw: unknown, opts: CollectOptions): Parsed {
  const keepsSecret = isPasswordField(f) && opts.secretsSet?.includes(f.name ?? '');
  if (f.required && f.type !== 'checkbox' && isEmpty(raw) && !keepsSecret) return { error: `${f.title || f.name} is required.` };
  const parsed = fromRaw(f, raw);
  const pattern = f.validation?.pattern;
  if ('value' in parsed && pattern && typeof raw === 'string' && raw !== '' && !safeTest(pattern, raw))
    return { error: f.validation?.patternError || `Does not match the pattern ${pattern}.` };
  return parsed;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch (e) {
    // A pattern that is not a valid regular expression checks nothing (validation reports it in info.json).
    if (e instanceof SyntaxError) return true;
    throw e;
  }
}

/** Values of the fields on screen (plus defaults of fields never shown), and an error per field name. */
export function collect(fields: readonly Field[], raw: Values, opts: CollectOptions = {}): { values: Values; errors: Record<string, string> } {
  const values: Values = {};
  const errors: Record<string, string> = {};
  for (const f of fields) if (f.visible === false && f.name && f.value !== undefined) values[f.name] = f.value;
  for (const { field } of shownFields(fields, raw)) {
    const f = field as Field;
    if (!f.name) continue;
    const r = rawOf(f, raw);
    const parsed = checkOne(f, r, opts);
    if ('error' in parsed) errors[f.name] = parsed.error;
    else if (isPasswordField(f) && isEmpty(r)) continue;
    else if (parsed.value !== undefined) values[f.name] = parsed.value;
  }
  return { values, errors };
}

/** Raw form values of a saved configuration; secrets never come back, so password boxes start empty. */
export function rawFromSaved(fields: readonly Field[], saved: Values): Values {
  const out: Values = {};
  const walk = (list: readonly Field[]) => {
    for (const f of list) {
      if (f.name && f.name in saved && !isPasswordField(f)) out[f.name] = toRaw(f, saved[f.name]);
      for (const branch of Object.values(f.onchange ?? {})) if (isFieldList(branch)) walk(branch);
    }
  };
  walk(fields);
  return out;
}
