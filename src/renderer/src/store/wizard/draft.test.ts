import { describe, expect, it } from 'vitest';
import type { WizardAction, WizardAnswers } from '../../../../shared/connector/wizard';
import {
  applyTemplate,
  draftIssues,
  EMPTY_DRAFT,
  errorsOn,
  identifierFrom,
  issuesAt,
  moveItem,
  newAction,
  newField,
  parseOptions,
  parseSchema,
  patchField,
  stepOf,
  toAnswers,
  type WizardDraft,
} from './draft';

const action = (operation: string): WizardAction => ({ operation, title: operation, description: `Does ${operation}.`, parameters: [], output_schema: {} });

const defaults: WizardAnswers = {
  name: 'x', label: 'Template Label', version: '1.0.0', description: 'Template description.', publisher: 'Community', category: 'Threat Intelligence',
  template: 'threat-intelligence', licence: 'MIT',
  configuration: [{ name: 'server_url', title: 'Server URL', type: 'text', description: 'The URL.' }],
  actions: [action('get_ip'), action('get_domain')],
};

const valid = (): WizardDraft => applyTemplate({ ...EMPTY_DRAFT, answers: { ...EMPTY_DRAFT.answers, name: 'acme', label: 'Acme' } }, defaults, new Set());

describe('identifierFrom', () => {
  it.each([
    ['Acme Threat Intel', 'acme-threat-intel'],
    ['  Foo -- Bar!! ', 'foo-bar'],
    ['3rd Party', '_3rd-party'],
    ['snake_case ok', 'snake_case-ok'],
    ['', ''],
  ])('%j -> %j', (label, id) => expect(identifierFrom(label)).toBe(id));
});

describe('applyTemplate', () => {
  it('takes the template fields, actions and untouched identity answers, keeping what the user typed', () => {
    const d = valid();
    expect(d.answers).toMatchObject({ name: 'acme', label: 'Acme', template: 'threat-intelligence', description: 'Template description.', category: 'Threat Intelligence' });
    expect(d.actions.map((a) => [a.action.operation, a.included, a.suggested])).toEqual([['get_ip', true, true], ['get_domain', true, true]]);
  });

  it('gives no connector name of its own: an untouched draft keeps an empty name, never "Connector" beside an empty identifier', () => {
    const d = applyTemplate(EMPTY_DRAFT, { ...defaults, label: 'Connector' }, new Set());
    expect(d.answers).toMatchObject({ label: '', name: '' });
  });

  it('keeps touched answers and custom actions when the template changes', () => {
    const custom = newAction(valid());
    const d: WizardDraft = { answers: { ...valid().answers, description: 'Mine.', category: 'My Own' }, actions: [...valid().actions, custom] };
    const next = applyTemplate(d, { ...defaults, template: 'blank', actions: [action('only')], description: 'Blank.' }, new Set(['description', 'category']));
    expect(next.answers).toMatchObject({ template: 'blank', description: 'Mine.', category: 'My Own' });
    expect(next.actions.map((a) => a.action.operation)).toEqual(['only', custom.action.operation]);
  });
});

describe('toAnswers and draftIssues', () => {
  it('leaves unticked actions out, and maps issue paths back to the draft list', () => {
    const d = valid();
    const broken: WizardDraft = {
      ...d,
      actions: [{ ...d.actions[0], included: false }, { ...d.actions[1], action: { ...d.actions[1].action, title: '' } }],
    };
    expect(toAnswers(broken).actions.map((a) => a.operation)).toEqual(['get_domain']);
    const issues = draftIssues(broken, {});
    expect(issues.find((i) => i.field.endsWith('/title'))?.field).toBe('actions/1/title');
  });

  it('reports reserved configuration names, store clashes and unknown templates', () => {
    const d = valid();
    const reserved: WizardDraft = { ...d, answers: { ...d.answers, name: 'virustotal', configuration: [{ ...d.answers.configuration[0], name: 'default' }] } };
    const issues = draftIssues(reserved, { storeNames: new Set(['virustotal']), templateIds: ['blank'] });
    expect(issuesAt(issues, 'configuration/0/name')[0].message).toContain('reserved');
    expect(issuesAt(issues, 'name')[0].severity).toBe('warning');
    expect(issuesAt(issues, 'template')[0].severity).toBe('error');
  });

  it('has no errors for a complete draft', () => {
    expect(draftIssues(valid(), { templateIds: ['threat-intelligence'] }).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('steps', () => {
  it.each([
    ['name', 'about'],
    ['icons/small', 'about'],
    ['configuration/2/type', 'configuration'],
    ['actions/0/parameters/1/name', 'actions'],
    ['licence', 'create'],
    ['helpOnline', 'create'],
  ] as const)('%s is on %s', (field, step) => expect(stepOf(field)).toBe(step));

  it('errorsOn counts only errors of the step', () => {
    const issues = [
      { field: 'name', severity: 'warning', message: '' },
      { field: 'label', severity: 'error', message: '' },
      { field: 'configuration/0/name', severity: 'error', message: '' },
    ] as const;
    expect(errorsOn(issues, 'about').map((i) => i.field)).toEqual(['label']);
  });

  it('issuesAt with nested does not confuse index 1 with 10', () => {
    const issues = [{ field: 'configuration/10/name', severity: 'error', message: '' }] as const;
    expect(issuesAt(issues, 'configuration/1', true)).toEqual([]);
    expect(issuesAt(issues, 'configuration/10', true)).toHaveLength(1);
  });
});

describe('fields', () => {
  it('newField picks a free name', () => expect(newField(['field_1', 'field_2']).name).toBe('field_3'));

  it('patchField drops the sub-type, options and default that no longer fit the type', () => {
    const f = { name: 'a', title: 'A', type: 'text', subtype: 'url', value: 'x' };
    expect(patchField(f, { type: 'select' })).toEqual({ name: 'a', title: 'A', type: 'select', options: [] });
    expect(patchField({ ...f, type: 'select', options: ['x'] }, { type: 'integer' })).toEqual({ name: 'a', title: 'A', type: 'integer' });
    expect(patchField(f, { title: 'B' })).toEqual({ ...f, title: 'B' });
  });

  it('parseOptions splits on lines and commas', () => expect(parseOptions('a, b\n\n c ,')).toEqual(['a', 'b', 'c']));
  it('moveItem stays inside the list', () => {
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 2, 3)).toEqual([1, 2, 3]);
  });
});

describe('parseSchema', () => {
  it.each([
    ['{"a": ""}', { value: { a: '' } }],
    ['', { value: {} }],
    ['[]', { value: [] }],
  ])('%j parses', (text, out) => expect(parseSchema(text)).toEqual(out));
  it('explains what is wrong', () => {
    expect(parseSchema('"text"')).toHaveProperty('error');
    expect((parseSchema('{"a":') as { error: string }).error).toMatch(/^Not valid JSON/);
  });
});
