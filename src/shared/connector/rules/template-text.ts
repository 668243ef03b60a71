/** Text Connector Studio wrote for the user to replace: made-up names and titles, placeholder descriptions and the
 * Python stub's raise. The words come from ../template-text.ts, the one list the form writes them from. */
import { defineRule, type Rule } from '../rule';
import { NEW_FIELD, NEW_OPERATION, STUB_RAISE, TEMPLATE_TEXTS, isMadeUpName } from '../template-text';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const templateTextRules: Rule[] = [
  defineRule({
    id: 'template-text-left',
    severity: 'warning',
    family: 'operations',
    title: 'No template text is left in info.json',
    description: 'A new operation, field or parameter starts with made-up names and placeholder words; FortiSOAR users would see them as they are.',
    check(ctx, report) {
      for (const { op, pointer, name } of ctx.operations) {
        if (str(op.title) === NEW_OPERATION.title) report({ pointer: `${pointer}/title`, message: `The action is still titled '${NEW_OPERATION.title}': give it the title playbook authors will see.` });
        if (name !== undefined && isMadeUpName(name, NEW_OPERATION.name)) report({ pointer: `${pointer}/operation`, message: `The operation is still named '${name}': name it after what it does (its title gives one).` });
        if (TEMPLATE_TEXTS.includes(str(op.description).trim())) report({ pointer: `${pointer}/description`, message: `The description is still the placeholder '${str(op.description).trim()}': say what this action does.` });
      }
      for (const { field, pointer } of ctx.fields) {
        const name = str(field.name);
        if (str(field.title) === NEW_FIELD.title) report({ pointer: `${pointer}/title`, message: `A field is still titled '${NEW_FIELD.title}': give it the label users will see.` });
        if (isMadeUpName(name, NEW_FIELD.name)) report({ pointer: `${pointer}/name`, message: `A field is still named '${name}': name it after the value it holds.` });
        if (TEMPLATE_TEXTS.includes(str(field.description).trim())) report({ pointer: `${pointer}/description`, message: `The description of '${name || str(field.title)}' is still a placeholder: say what the value is for.` });
      }
    },
  }),
  defineRule({
    id: 'operation-stub-left',
    severity: 'warning',
    family: 'code',
    code: true,
    title: 'No operation is still the generated stub',
    description: 'Adding an operation writes a Python stub that raises NotImplementedError; an action that still does fails every run.',
    check({ snapshot }, report) {
      for (const [path, text] of Object.entries(snapshot.files)) {
        if (!path.endsWith('.py') || !text.includes('is not implemented yet')) continue;
        for (const m of text.matchAll(STUB_RAISE)) {
          const before = text.slice(0, m.index);
          const line = before.split('\n').length;
          const column = m.index! - before.lastIndexOf('\n');
          report({ path, line, column, message: `${path} still raises the generated stub's NotImplementedError for '${m[2]}': write the action's code.` });
        }
      }
    },
  }),
];
