/** Rules about which values can arrive: duplicate names, select options, onchange branches, apiOperation. */
import { defineRule, type Rule } from '../rule';
import type { FieldEntry, FieldLevel } from '../context';
import { isObject } from '../context';
import { joinPointer } from '../json-pointer';
import { fieldWhere } from './where';

const CHOICE_TYPES = new Set(['select', 'multiselect']);
const ONCHANGE_TYPES = new Set(['select', 'multiselect', 'checkbox']);
const RESERVED_CONFIG = new Set(['name', 'default']);

/** Option values as strings: options are strings in practice, `{value}` objects are tolerated. */
export function optionValues(options: unknown): Set<string> | undefined {
  if (!Array.isArray(options)) return undefined;
  const out = new Set<string>();
  for (const o of options) out.add(isObject(o) && 'value' in o ? String(o.value) : String(o));
  return out;
}

const defaultsOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);

export const choiceRules: Rule[] = [
  defineRule({
    id: 'reserved-config-name',
    severity: 'error',
    family: 'configuration',
    title: 'No configuration field is named name or default',
    description: 'The server import refuses configuration fields called "name" or "default" (they clash with the configuration record).',
    check({ fields }, report) {
      for (const e of fields)
        if (e.level.owner.kind === 'configuration' && typeof e.field.name === 'string' && RESERVED_CONFIG.has(e.field.name))
          report({ pointer: `${e.pointer}/name`, message: `Configuration field '${e.field.name}' uses a reserved name: rename it (e.g. '${e.field.name}_value') and update the code that reads it.` });
    },
  }),
  defineRule({
    id: 'duplicate-parameter-name',
    severity: 'error',
    family: 'fields',
    title: 'No two fields shown together share a name',
    description: 'Two same-level fields (or a field and an onchange field shown with it) with one name: only one value can ever arrive. The same name in different onchange branches is fine.',
    check({ levels }, report) {
      const names = new Map<FieldLevel, Map<string, FieldEntry>>();
      for (const level of levels) names.set(level, checkLevel(level, names, report));
    },
  }),
  defineRule({
    id: 'select-options-present',
    severity: 'warning',
    family: 'fields',
    title: 'Selects have options',
    description: 'A select or multiselect needs "options" (or an "apiOperation" that fills them), or nothing can be chosen.',
    check({ fields }, report) {
      for (const e of fields) {
        const f = e.field;
        if (!CHOICE_TYPES.has(e.type) || f.apiOperation !== undefined) continue;
        if (!Array.isArray(f.options) || f.options.length === 0)
          report({ pointer: `${e.pointer}/options`, message: `${fieldWhere(e)} is a ${f.type} without options: add "options": [...] or an "apiOperation".` });
      }
    },
  }),
  defineRule({
    id: 'select-default-in-options',
    severity: 'warning',
    family: 'fields',
    title: 'Select defaults are among the options',
    description: 'A default that is not an option shows an empty or invalid choice in the form.',
    check({ fields }, report) {
      for (const e of fields) {
        const f = e.field;
        if (!CHOICE_TYPES.has(e.type) || f.value === undefined || f.value === null || f.value === '') continue;
        const options = optionValues(f.options);
        if (!options) continue;
        for (const v of defaultsOf(f.value))
          if (!options.has(String(v)))
            report({ pointer: `${e.pointer}/value`, message: `${fieldWhere(e)} defaults to ${JSON.stringify(v)}, which is not one of its options: use one of ${[...options].map((o) => JSON.stringify(o)).join(', ')}.` });
      }
    },
  }),
  defineRule({
    id: 'onchange-keys',
    severity: 'warning',
    family: 'fields',
    title: 'onchange keys are option values ("true"/"false" on a checkbox)',
    description: 'A branch whose key is not a selectable value never shows, so its fields never arrive.',
    check({ fields }, report) {
      for (const e of fields) {
        const f = e.field;
        if (!isObject(f.onchange)) continue;
        const allowed = e.type === 'checkbox' ? new Set(['true', 'false']) : CHOICE_TYPES.has(e.type) ? optionValues(f.options) : undefined;
        if (!allowed) continue;
        for (const key of Object.keys(f.onchange))
          if (!allowed.has(key))
            report({ pointer: joinPointer(`${e.pointer}/onchange`, key), message: `${fieldWhere(e)} has an onchange branch '${key}' that can never be selected: use one of ${[...allowed].map((o) => `'${o}'`).join(', ')}.` });
      }
    },
  }),
  defineRule({
    id: 'onchange-unsupported-type',
    severity: 'warning',
    family: 'fields',
    title: 'onchange only on select, multiselect and checkbox',
    description: 'Other field types never switch onchange branches, so the branch fields never show.',
    check({ fields }, report) {
      for (const e of fields) {
        const f = e.field;
        if (isObject(f.onchange) && Object.keys(f.onchange).length > 0 && !ONCHANGE_TYPES.has(e.type))
          report({ pointer: `${e.pointer}/onchange`, message: `${fieldWhere(e)} is of type ${JSON.stringify(f.type)}, which has no onchange: make it a select or checkbox, or move the fields out.` });
      }
    },
  }),
  defineRule({
    id: 'api-operation-target',
    severity: 'error',
    family: 'fields',
    title: 'apiOperation names an existing operation',
    description: 'The form calls the named (usually hidden) operation to fill the options; a missing one always fails.',
    check({ fields, operationsByName }, report) {
      for (const e of fields) {
        const target = e.field.apiOperation;
        if (target === undefined || (typeof target === 'string' && operationsByName.has(target))) continue;
        report({ pointer: `${e.pointer}/apiOperation`, message: `${fieldWhere(e)} loads its options from ${JSON.stringify(target)}, which is not an operation: declare it with "visible": false or fix the name.` });
      }
    },
  }),
];

function checkLevel(level: FieldLevel, names: Map<FieldLevel, Map<string, FieldEntry>>, report: Parameters<Rule['check']>[1]): Map<string, FieldEntry> {
  const own = new Map<string, FieldEntry>();
  for (const e of level.fields) {
    const name = e.field.name;
    if (typeof name !== 'string' || name === '') continue;
    const clash = own.get(name) ?? inherited(level.parent, name, names);
    if (clash) report({ pointer: `${e.pointer}/name`, message: `${fieldWhere(e)} is shown together with another field of the same name (${clash.pointer}): only one value can arrive; rename one of them.` });
    else own.set(name, e);
  }
  return own;
}

function inherited(level: FieldLevel | undefined, name: string, names: Map<FieldLevel, Map<string, FieldEntry>>): FieldEntry | undefined {
  for (let l = level; l; l = l.parent) {
    const hit = names.get(l)?.get(name);
    if (hit) return hit;
  }
  return undefined;
}
