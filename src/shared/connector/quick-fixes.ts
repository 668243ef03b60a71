/** Safe, mechanical fixes for some findings in info.json. Each takes the parsed info.json and the finding's
 * pointer and returns an edit (for jsonc-parser, keeping formatting) or the whole fixed document. A fix is
 * offered only when the result is certain to mean what the author meant; otherwise undefined. */
import { KNOWN_FIELD_TYPES, OPERATION_CATEGORIES } from './info-json';
import { getAtPointer, parsePointer, setAtPointer } from './json-pointer';
import { optionValues } from './rules/choices';
import { nearest, toTitleCase } from './rules/text';

export interface JsonEdit {
  readonly pointer: string;
  /** The new value; ignored when `remove`. */
  readonly value?: unknown;
  readonly remove?: boolean;
}

export type QuickFixEdit = (info: unknown, pointer: string) => JsonEdit | undefined;
export type QuickFix = (info: unknown, pointer: string) => unknown | undefined;

const set = (pointer: string, value: unknown): JsonEdit => ({ pointer, value });
const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));
const lastToken = (pointer: string) => parsePointer(pointer).pop() ?? '';

function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}

const FLAG_DEFAULTS: Record<string, boolean> = { required: false, editable: true, visible: true };

function matchOption(v: unknown, options: Set<string>): string | undefined {
  const want = String(v).trim().toLowerCase();
  const hits = [...options].filter((o) => o.trim().toLowerCase() === want);
  return hits.length === 1 ? hits[0] : undefined;
}

export const quickFixEdits: Readonly<Record<string, QuickFixEdit>> = {
  'field-flags-boolean': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    const b = v === undefined ? FLAG_DEFAULTS[lastToken(pointer)] : toBoolean(v);
    return b === undefined ? undefined : set(pointer, b);
  },
  'operation-flags-boolean': (info, pointer) => {
    const b = toBoolean(getAtPointer(info, pointer));
    return b === undefined ? undefined : set(pointer, b);
  },
  'checkbox-default-type': (info, pointer) => {
    const b = toBoolean(getAtPointer(info, pointer));
    return b === undefined ? undefined : set(pointer, b);
  },
  'integer-default-type': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    return typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? set(pointer, Number(v)) : undefined;
  },
  'tooltip-not-empty': (_info, pointer) => ({ pointer, remove: true }),
  'select-default-in-options': (info, pointer) => {
    const options = optionValues((getAtPointer(info, parentOf(pointer)) as { options?: unknown } | undefined)?.options);
    const v = getAtPointer(info, pointer);
    if (!options) return undefined;
    const values = Array.isArray(v) ? v : [v];
    const fixed = values.map((x) => (options.has(String(x)) ? String(x) : matchOption(x, options)));
    if (fixed.some((x) => x === undefined)) return undefined;
    return set(pointer, Array.isArray(v) ? fixed : fixed[0]);
  },
  'operation-category': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    if (v === undefined) return set(pointer, 'miscellaneous');
    const guess = typeof v === 'string' ? nearest(v, OPERATION_CATEGORIES) : undefined;
    return guess ? set(pointer, guess) : undefined;
  },
  'field-type-known': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    const guess = typeof v === 'string' ? nearest(v, [...KNOWN_FIELD_TYPES]) : undefined;
    return guess ? set(pointer, guess) : undefined;
  },
  'annotation-format': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    if (typeof v !== 'string') return undefined;
    const fixed = v.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    return fixed ? set(pointer, fixed) : undefined;
  },
  'action-title-case': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    return typeof v === 'string' ? set(pointer, toTitleCase(v)) : undefined;
  },
};

export function applyEdit(doc: unknown, edit: JsonEdit): unknown {
  return setAtPointer(doc, edit.pointer, edit.value, edit.remove === true);
}

/** ruleId -> (info.json value, pointer) -> the fixed info.json value, or undefined when no safe fix exists. */
export const quickFixes: Readonly<Record<string, QuickFix>> = Object.fromEntries(
  Object.entries(quickFixEdits).map(([id, edit]) => [
    id,
    (info: unknown, pointer: string) => {
      const e = edit(info, pointer);
      return e ? applyEdit(info, e) : undefined;
    },
  ]),
);
