/** Safe, mechanical fixes for some findings in info.json. Each takes the parsed info.json and the finding's
 * pointer and returns an edit (for jsonc-parser, keeping formatting) or the whole fixed document. A fix is
 * offered only when the result is certain to mean what the author meant; otherwise undefined. */
import { CONNECTOR_CATEGORIES, KNOWN_FIELD_TYPES, OPERATION_CATEGORIES } from './info-json';
import { getAtPointer, parsePointer, setAtPointer } from './json-pointer';
import { schemaFromOutput } from './output-schema';
import { optionValues } from './rules/choices';
import { CI_VERSION } from './rules/connector';
import { byCloseness, nearest, toTitleCase } from './rules/text';

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

/** "1.0" -> "1.0.0", "v2" -> "2.0.0", "01.02.3" -> "1.2.3"; undefined for anything that is not one to three
 * numbers (a missing version, "latest", "1.2.3.4"): which version was meant is not certain then. */
export function normalVersion(v: unknown): string | undefined {
  const s = typeof v === 'number' && Number.isFinite(v) && v >= 0 ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  const m = s === undefined ? null : /^[vV]?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?$/.exec(s);
  if (!m) return undefined;
  return [m[1], m[2] ?? '0', m[3] ?? '0'].map((n) => String(Number(n))).join('.');
}

/** The one category `v` certainly means: the same words (any case, "&" for "and") or a typo of one. */
function certainCategory(v: unknown, list: readonly string[]): string | undefined {
  if (typeof v !== 'string') return undefined;
  const words = (x: string) => x.trim().toLowerCase().replace(/\s*&\s*/g, ' and ').replace(/\s+/g, ' ');
  return list.find((c) => words(c) === words(v)) ?? nearest(v, list);
}

/** Every name of the fields of the configuration or operation that holds `pointer`, at every onchange depth. */
function namesAround(info: unknown, pointer: string): Set<string> {
  const root = /^\/(?:configuration\/fields|operations\/\d+\/parameters)/.exec(pointer)?.[0];
  const names = new Set<string>();
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const f of list) {
      if (f === null || typeof f !== 'object') continue;
      const { name, onchange } = f as { name?: unknown; onchange?: unknown };
      if (typeof name === 'string') names.add(name);
      if (onchange !== null && typeof onchange === 'object') Object.values(onchange).forEach(walk);
    }
  };
  if (root) walk(getAtPointer(info, root));
  return names;
}

export const quickFixEdits: Readonly<Record<string, QuickFixEdit>> = {
  'version-format': (info, pointer) => {
    const fixed = normalVersion(getAtPointer(info, pointer));
    return fixed === undefined ? undefined : set(pointer, fixed);
  },
  'version-certification': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    const fixed = normalVersion(v);
    return fixed !== undefined && fixed !== v && CI_VERSION.test(fixed) ? set(pointer, fixed) : undefined;
  },
  'connector-category': (info, pointer) => {
    const v = getAtPointer(info, pointer);
    const fixed = certainCategory(v, CONNECTOR_CATEGORIES);
    return fixed === undefined || fixed === v ? undefined : set(pointer, fixed);
  },
  'duplicate-parameter-name': (info, pointer) => {
    const name = getAtPointer(info, pointer);
    if (typeof name !== 'string' || name === '') return undefined;
    const taken = namesAround(info, pointer);
    let n = 2;
    while (taken.has(`${name}_${n}`)) n++;
    return set(pointer, `${name}_${n}`);
  },
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

/** Rules whose fix is right for info.json but leaves work elsewhere (the code reads a renamed parameter by its
 * old name): offered in the editor, never applied by `validate --fix`. */
export const MANUAL_FIX_RULES: ReadonlySet<string> = new Set(['duplicate-parameter-name']);

/** A fix `validate --fix` may apply on its own. */
export const isSafeFix = (rule: string): boolean => rule in quickFixEdits && !MANUAL_FIX_RULES.has(rule);

/** "Pick one" fixes: when no value is certain, every value of the list, the closest first (the editor shows a
 * few in Ctrl+. and all of them in the Problems panel). */
export const quickFixChoices: Readonly<Record<string, (info: unknown, pointer: string) => JsonEdit[]>> = {
  'connector-category': (info, pointer) => choices(info, pointer, CONNECTOR_CATEGORIES),
  'operation-category': (info, pointer) => choices(info, pointer, OPERATION_CATEGORIES),
};

function choices(info: unknown, pointer: string, list: readonly string[]): JsonEdit[] {
  const v = getAtPointer(info, pointer);
  return byCloseness(typeof v === 'string' ? v : '', list)
    .filter((c) => c !== v)
    .map((c) => set(pointer, c));
}

/** A finding about an operation's output_schema (missing or empty, whichever rule says so) is fixed by the
 * schema of a real output of that operation, when there is one (the editor has the last run's). */
export const OUTPUT_SCHEMA_POINTER = /^\/operations\/(\d+)\/output_schema$/;

export function outputSchemaEdit(pointer: string, data: unknown): JsonEdit | undefined {
  return OUTPUT_SCHEMA_POINTER.test(pointer) ? set(pointer, schemaFromOutput(data)) : undefined;
}

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
