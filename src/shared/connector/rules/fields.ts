/** Rules on single fields (configuration fields and operation parameters, at any onchange depth). */
import { defineRule, type Rule } from '../rule';
import { KNOWN_FIELD_TYPES } from '../info-json';
import { fieldWhere, isLabel } from './where';
import { nearest } from './text';

const FLAGS = ['required', 'editable', 'visible'] as const;
const TEXT_TYPES = new Set(['text', 'textarea']);
const KNOWN_LIST = [...KNOWN_FIELD_TYPES];
/** Fortinet's certification CI also accepts these as parameter types (legacy spellings). */
const CI_EXTRA_TYPES = new Set(['apiOperation']);

export const fieldRules: Rule[] = [
  defineRule({
    id: 'field-name-present',
    severity: 'error',
    family: 'fields',
    title: 'Every field has a name',
    description: 'A field without "name" can never deliver its value to the connector.',
    check({ fields }, report) {
      for (const e of fields)
        if (!isLabel(e) && (typeof e.field.name !== 'string' || e.field.name === ''))
          report({ pointer: `${e.pointer}/name`, message: `${fieldWhere(e)} has no "name": add the key the code reads, e.g. "ip_address".` });
    },
  }),
  defineRule({
    id: 'field-title-present',
    severity: 'warning',
    family: 'fields',
    title: 'Every field has a title',
    description: 'Certification requires a title (the form label) on every field.',
    check({ fields }, report) {
      for (const e of fields)
        if (!isLabel(e) && (typeof e.field.title !== 'string' || e.field.title.trim() === ''))
          report({ pointer: `${e.pointer}/title`, message: `${fieldWhere(e)} has no "title": add the label shown in the form.` });
    },
  }),
  defineRule({
    id: 'field-type-known',
    severity: 'warning',
    family: 'fields',
    title: 'Field type is known',
    description: 'The form renders only known types (text, select, integer, checkbox, password, json, ...).',
    check({ fields }, report) {
      for (const e of fields) {
        const t = e.field.type;
        if (typeof t === 'string' && (KNOWN_FIELD_TYPES.has(t) || CI_EXTRA_TYPES.has(t))) continue;
        const guess = typeof t === 'string' ? nearest(t, KNOWN_LIST) : undefined;
        report({
          pointer: `${e.pointer}/type`,
          message: `${fieldWhere(e)} has ${t === undefined ? 'no "type"' : `unknown type ${JSON.stringify(t)}`}: use text, textarea, select, multiselect, integer, checkbox, password, json, datetime, ...`,
          fix: guess ? `Change it to '${guess}'.` : undefined,
        });
      }
    },
  }),
  defineRule({
    id: 'field-flags-boolean',
    severity: 'warning',
    family: 'fields',
    title: 'required, editable and visible are JSON booleans',
    description: 'Every published field carries the three flags as true/false; a string "false" is truthy in the UI.',
    check({ fields }, report) {
      for (const e of fields) {
        const f = e.field;
        if (isLabel(e) || (typeof f.required === 'boolean' && typeof f.editable === 'boolean' && typeof f.visible === 'boolean')) continue;
        for (const flag of FLAGS) {
          const v = e.field[flag];
          if (typeof v === 'boolean') continue;
          const why = v === undefined ? 'is missing' : `is ${JSON.stringify(v)}`;
          report({ pointer: `${e.pointer}/${flag}`, message: `${fieldWhere(e)}: "${flag}" ${why}; set it to true or false without quotes.` });
        }
      }
    },
  }),
  defineRule({
    id: 'tooltip-not-empty',
    severity: 'info',
    family: 'fields',
    title: 'Tooltips are not empty',
    description: 'The Connectors Guide: a tooltip is never "" or null; leave the key out instead.',
    check({ fields }, report) {
      for (const e of fields) {
        if (!('tooltip' in e.field)) continue;
        const t = e.field.tooltip;
        if (t === null || (typeof t === 'string' && t.trim() === ''))
          report({ pointer: `${e.pointer}/tooltip`, message: `${fieldWhere(e)} has an empty tooltip: write one or remove the key.` });
      }
    },
  }),
  defineRule({
    id: 'validation-text-only',
    severity: 'warning',
    family: 'fields',
    title: 'validation is used only on text and textarea',
    description: 'The form applies "validation" patterns only to text and textarea fields; elsewhere it is ignored.',
    check({ fields }, report) {
      for (const e of fields)
        if (e.field.validation !== undefined && !TEXT_TYPES.has(e.type))
          report({ pointer: `${e.pointer}/validation`, message: `${fieldWhere(e)} is of type ${JSON.stringify(e.field.type)}, where "validation" is ignored: remove it or make the field text.` });
    },
  }),
  defineRule({
    id: 'validation-pattern',
    severity: 'warning',
    family: 'fields',
    title: 'validation.pattern is a valid regular expression',
    description: 'An invalid pattern makes the form reject or accept everything.',
    check({ fields }, report) {
      for (const e of fields) {
        const v = e.field.validation;
        if (v === null || typeof v !== 'object' || !('pattern' in v)) continue;
        const problem = regexProblem(v.pattern);
        if (problem) report({ pointer: `${e.pointer}/validation/pattern`, message: `${fieldWhere(e)}: the validation pattern ${problem}; fix the regular expression.` });
      }
    },
  }),
  defineRule({
    id: 'integer-default-type',
    severity: 'info',
    family: 'fields',
    title: 'Integer defaults are numbers',
    description: 'A quoted integer default works (the form coerces it) but reads as text; write 10, not "10".',
    check({ fields }, report) {
      for (const e of fields) {
        const v = e.field.value;
        if (e.type === 'integer' && typeof v === 'string' && v.trim() !== '')
          report({ pointer: `${e.pointer}/value`, message: `${fieldWhere(e)} is an integer with default ${JSON.stringify(v)}: write it without quotes.` });
      }
    },
  }),
  defineRule({
    id: 'checkbox-default-type',
    severity: 'info',
    family: 'fields',
    title: 'Checkbox defaults are booleans',
    description: 'A checkbox default should be true or false, not a string.',
    check({ fields }, report) {
      for (const e of fields) {
        const v = e.field.value;
        if (e.type === 'checkbox' && v !== undefined && v !== null && v !== '' && typeof v !== 'boolean')
          report({ pointer: `${e.pointer}/value`, message: `${fieldWhere(e)} is a checkbox with default ${JSON.stringify(v)}: use true or false without quotes.` });
      }
    },
  }),
];

function regexProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return 'is not a string';
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return `does not compile (${(e as Error).message})`;
  }
}
