/** Description rules: certification wants a description on the connector, every operation and every field. */
import { defineRule, type Rule } from '../rule';
import { fieldWhere, isLabel } from './where';

// No trim(): it copies long descriptions; most start with a visible character.
const has = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && (v.charCodeAt(0) > 32 || /\S/.test(v));

export const descriptionRules: Rule[] = [
  defineRule({
    id: 'operation-description',
    severity: 'warning',
    family: 'operations',
    title: 'Every operation has a description',
    description: 'Certification requires an operation description; playbook authors read it in the action picker.',
    check({ operations }, report) {
      for (const e of operations)
        if (!has(e.op.description))
          report({ pointer: `${e.pointer}/description`, message: `Operation '${e.name ?? e.index}' has no "description": say what the action does and returns.` });
    },
  }),
  defineRule({
    id: 'field-description',
    severity: 'warning',
    family: 'fields',
    title: 'Every field has a description',
    description: 'Certification requires a description on every configuration field and parameter.',
    check({ fields }, report) {
      for (const e of fields)
        if (!isLabel(e) && !has(e.field.description))
          report({ pointer: `${e.pointer}/description`, message: `${fieldWhere(e)} has no "description": explain what to enter.` });
    },
  }),
  defineRule({
    id: 'description-too-short',
    severity: 'info',
    family: 'connector',
    title: 'Descriptions say more than the title',
    description:
      'Certification CI warns about short descriptions. Its length heuristic (3x the name) misfires on full ' +
      'sentences, so this flags only descriptions of one or two words or ones that repeat the title.',
    check({ info, operations, fields }, report) {
      const check = (desc: unknown, title: unknown, pointer: string, what: string) => {
        if (!has(desc)) return;
        const why = shortness(desc, title);
        if (why) report({ pointer, message: `${what} description '${desc}' ${why}: say what it does or what to enter.` });
      };
      check(info.description, info.label, '/description', 'The connector');
      for (const e of operations) check(e.op.description, e.op.title, `${e.pointer}/description`, `Operation '${e.name}':`);
      for (const e of fields) check(e.field.description, e.field.title, `${e.pointer}/description`, `${fieldWhere(e)}:`);
    },
  }),
];

// Cheap length guards first: this runs on every description of large connectors.
const fewWords = (s: string) => s.length < 40 && s.trim().split(/\s+/).length < 3;
const norm = (s: string) => s.trim().replace(/[.\s]+$/, '').toLowerCase();

function shortness(desc: string, title: unknown): string | undefined {
  if (typeof title === 'string' && desc.length <= title.length + 3 && norm(desc) === norm(title)) return 'only repeats the title';
  return fewWords(desc) ? 'is one or two words' : undefined;
}
