/** Operation-level rules: the list itself, names, categories, annotations, output schemas. */
import { defineRule, type Rule } from '../rule';
import { OPERATION_CATEGORIES } from '../info-json';
import type { OperationEntry } from '../context';
import { checkCondition } from '../expression';
import { nearest, titleCaseViolations } from './text';

const opLabel = (e: OperationEntry) => (e.name ? `Operation '${e.name}'` : `Operation #${e.index}`);
const OP_FLAGS = ['enabled', 'visible', 'is_config_required', 'open'] as const;

export const operationRules: Rule[] = [
  defineRule({
    id: 'operations-present',
    severity: 'error',
    family: 'operations',
    title: 'operations is a list',
    description: 'The server import requires an "operations" list.',
    check({ info }, report) {
      if (!Array.isArray(info.operations)) report({ pointer: '/operations', message: '"operations" is missing or not a list: add "operations": [] with one entry per action.' });
    },
  }),
  defineRule({
    id: 'operation-name-present',
    severity: 'error',
    family: 'operations',
    title: 'Each operation has a name',
    description: 'The server import refuses an operation without "operation".',
    check({ operations }, report) {
      for (const e of operations)
        if (e.name === undefined) report({ pointer: `${e.pointer}/operation`, message: `Operation #${e.index} has no "operation" name: add the identifier execute() receives, e.g. "get_ip_reputation".` });
    },
  }),
  defineRule({
    id: 'operation-title-present',
    severity: 'error',
    family: 'operations',
    title: 'Each operation has a title',
    description: 'The server import refuses an operation without "title".',
    check({ operations }, report) {
      for (const e of operations)
        if (typeof e.op.title !== 'string' || e.op.title.trim() === '')
          report({ pointer: `${e.pointer}/title`, message: `${opLabel(e)} has no "title": add the action name users see, e.g. "Get IP Reputation".` });
    },
  }),
  defineRule({
    id: 'operation-duplicate',
    severity: 'error',
    family: 'operations',
    title: 'Operation names are unique',
    description: 'The server import refuses two operations with the same "operation".',
    check({ operationsByName }, report) {
      for (const [name, [first, ...again]] of operationsByName) {
        if (!first) continue;
        for (const e of again)
          report({ pointer: `${e.pointer}/operation`, message: `Operation '${name}' is declared again (first at /operations/${first.index}): rename or remove one.` });
      }
    },
  }),
  defineRule({
    id: 'operation-category',
    severity: 'warning',
    family: 'operations',
    title: 'Operation category is investigation, containment, remediation or miscellaneous',
    description: 'Certification accepts only these four; the server treats a missing category as miscellaneous.',
    check({ operations }, report) {
      for (const e of operations) {
        const cat = e.op.category;
        if (typeof cat === 'string' && OPERATION_CATEGORIES.includes(cat)) continue;
        const guess = typeof cat === 'string' ? nearest(cat, OPERATION_CATEGORIES) : undefined;
        const why = cat === undefined ? 'has no "category"' : `has category ${JSON.stringify(cat)}`;
        report({
          pointer: `${e.pointer}/category`,
          message: `${opLabel(e)} ${why}: use one of ${OPERATION_CATEGORIES.join(', ')}.`,
          fix: guess ? `Change it to '${guess}'.` : undefined,
        });
      }
    },
  }),
  defineRule({
    id: 'annotation-present',
    severity: 'info',
    family: 'operations',
    title: 'Operation has an annotation',
    description: 'Annotations let playbooks find actions by capability (e.g. get_ip_reputation).',
    check({ operations }, report) {
      for (const e of operations)
        if (e.op.annotation === undefined) report({ pointer: `${e.pointer}/annotation`, message: `${opLabel(e)} has no "annotation": add a lower-case capability name such as "${e.name ?? 'get_records'}".` });
    },
  }),
  defineRule({
    id: 'annotation-format',
    severity: 'warning',
    family: 'operations',
    title: 'Annotation uses lower-case letters, digits and _',
    description: 'The Connectors Guide requires annotations to match [a-z0-9_]+.',
    check({ operations }, report) {
      for (const e of operations) {
        const a = e.op.annotation;
        if (a === undefined || (typeof a === 'string' && /^[a-z0-9_]+$/.test(a))) continue;
        report({ pointer: `${e.pointer}/annotation`, message: `${opLabel(e)} has annotation ${JSON.stringify(a)}: use only lower-case letters, digits and _.` });
      }
    },
  }),
  defineRule({
    id: 'annotation-category-conflict',
    severity: 'error',
    family: 'operations',
    title: 'An annotation belongs to one operation category',
    description: 'The server import refuses an annotation used with two categories (missing counts as miscellaneous).',
    check({ operations }, report) {
      const first = new Map<string, OperationEntry>();
      for (const e of operations) {
        const a = e.op.annotation;
        if (typeof a !== 'string') continue;
        const seen = first.get(a);
        if (!seen) first.set(a, e);
        else if (categoryOf(seen) !== categoryOf(e))
          report({
            pointer: `${e.pointer}/category`,
            message: `Annotation '${a}' is used with category '${categoryOf(seen)}' at ${seen.pointer} and '${categoryOf(e)}' here: give both the same category or use another annotation.`,
          });
      }
    },
  }),
  defineRule({
    id: 'action-title-case',
    severity: 'info',
    family: 'operations',
    title: 'Action titles are in Title Case',
    description: 'The Engine inspector wants action titles in Title Case (minor words like "to" may stay lower-case).',
    check({ operations }, report) {
      for (const e of operations) {
        const words = typeof e.op.title === 'string' ? titleCaseViolations(e.op.title) : [];
        if (words.length) report({ pointer: `${e.pointer}/title`, message: `Title '${e.op.title}' is not in Title Case (${words.join(', ')}): capitalise each major word.` });
      }
    },
  }),
  defineRule({
    id: 'output-schema-present',
    severity: 'warning',
    family: 'operations',
    title: 'Operations declare output schemas',
    description:
      'Without an output schema, playbook authors cannot pick fields of the result. The server installs and runs the operation all the same (certified published connectors lack some), so this is never an error here; the certification profile reports what Fortinet\'s CI makes of it.',
    check: ({ operations }, report) => checkOutputSchema(operations, report),
  }),
  defineRule({
    id: 'api-output-schema-target',
    severity: 'error',
    family: 'operations',
    title: 'api_output_schema names an existing operation',
    description: 'The UI calls the named operation to get the schema; a missing one always fails.',
    check({ operations, operationsByName }, report) {
      for (const e of operations) {
        const target = e.op.api_output_schema;
        if (target === undefined || (typeof target === 'string' && operationsByName.has(target))) continue;
        report({ pointer: `${e.pointer}/api_output_schema`, message: `${opLabel(e)} takes its schema from ${JSON.stringify(target)}, which is not an operation: declare it (usually with "visible": false) or fix the name.` });
      }
    },
  }),
  defineRule({
    id: 'conditional-output-condition',
    severity: 'warning',
    family: 'operations',
    title: 'conditional_output_schema conditions are {{ js expressions }}',
    description: 'Each condition must parse as a JavaScript expression in {{ }}, or its schema is never chosen.',
    check({ operations }, report) {
      for (const e of operations) {
        const list = e.op.conditional_output_schema;
        if (!Array.isArray(list)) continue;
        list.forEach((item, i) => {
          const res = checkCondition((item as { condition?: unknown } | null)?.condition);
          if (!res.ok) report({ pointer: `${e.pointer}/conditional_output_schema/${i}/condition`, message: `${opLabel(e)}: condition ${i} is invalid (${res.message}); write it like "{{this['type'] === 'File'}}".` });
        });
      }
    },
  }),
  defineRule({
    id: 'operation-flags-boolean',
    severity: 'warning',
    family: 'operations',
    title: 'Operation flags are JSON booleans',
    description: 'enabled, visible, is_config_required and open must be true or false, not strings.',
    check({ operations }, report) {
      for (const e of operations)
        for (const flag of OP_FLAGS)
          if (flag in e.op && typeof e.op[flag] !== 'boolean')
            report({ pointer: `${e.pointer}/${flag}`, message: `${opLabel(e)}: "${flag}" is ${JSON.stringify(e.op[flag])}; use true or false without quotes.` });
    },
  }),
];

const categoryOf = (e: OperationEntry): string => (typeof e.op.category === 'string' ? e.op.category : 'miscellaneous');

function checkOutputSchema(operations: readonly OperationEntry[], report: Parameters<Rule['check']>[1]): void {
  for (const e of operations) {
    const { op } = e;
    if (op.output_schema !== undefined || op.conditional_output_schema !== undefined || op.api_output_schema !== undefined) continue;
    report({ pointer: `${e.pointer}/output_schema`, message: `${opLabel(e)} has no output schema: add "output_schema" with the keys the action returns ({} when it returns nothing).` });
  }
}
