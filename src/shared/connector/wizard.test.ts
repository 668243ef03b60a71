import { describe, expect, it } from 'vitest';
import { defined } from '../../../tests/helpers/defined';
import { imageSize } from './image-header';
import { checkAnswers, decodeBase64, type WizardAnswers } from './wizard';

const field = (a: WizardAnswers, i: number) => defined(a.configuration[i], `configuration field ${i}`);
const action = (a: WizardAnswers, i: number) => defined(a.actions[i], `action ${i}`);

const base = (): WizardAnswers => ({
  name: 'acme-intel',
  label: 'Acme Intel',
  version: '1.0.0',
  description: 'Looks up indicators on Acme Intel.',
  publisher: 'Acme',
  category: 'Threat Intelligence',
  template: 'threat-intelligence',
  licence: 'MIT',
  configuration: [
    { name: 'server_url', title: 'Server URL', type: 'text', required: true, description: 'The URL.' },
    { name: 'verify_ssl', title: 'Verify SSL', type: 'checkbox', value: true, description: 'Verify TLS.' },
  ],
  actions: [
    {
      operation: 'get_ip',
      title: 'Get IP',
      description: 'Looks up an IP address.',
      category: 'investigation',
      parameters: [{ name: 'ip', title: 'IP', type: 'text', required: true, description: 'The address.' }],
      output_schema: { ip: '' },
      request: { method: 'GET', path: '/ip/{ip}' },
    },
  ],
});

type Edit = (a: WizardAnswers) => void;
const issuesFor = (edit: Edit, opts?: Parameters<typeof checkAnswers>[1]) => {
  const a = base();
  edit(a);
  return checkAnswers(a, opts).map((i) => `${i.severity} ${i.field}`);
};

describe('checkAnswers', () => {
  it('accepts the base answers', () => {
    expect(checkAnswers(base(), { templateIds: ['threat-intelligence'], storeNames: new Set(['virustotal']) })).toEqual([]);
  });

  it.each<[string, Edit, string]>([
    ['empty API identifier', (a) => (a.name = ''), 'error name'],
    ['identifier starting with a digit', (a) => (a.name = '1acme'), 'error name'],
    ['identifier with a dot', (a) => (a.name = 'acme.intel'), 'error name'],
    ['identifier with a space', (a) => (a.name = 'acme intel'), 'error name'],
    ['missing label', (a) => (a.label = '  '), 'error label'],
    ['version with two parts', (a) => (a.version = '1.0'), 'error version'],
    ['version with a suffix', (a) => (a.version = '1.0.0-beta'), 'error version'],
    ['0.x version (certification)', (a) => (a.version = '0.9.0'), 'warning version'],
    ['missing description', (a) => (a.description = ''), 'error description'],
    ['missing publisher', (a) => (a.publisher = ''), 'error publisher'],
    ['free-text category', (a) => (a.category = 'Cyber Stuff'), 'warning category'],
    ['unknown licence', (a) => ((a as { licence: string }).licence = 'GPL'), 'error licence'],
    ['config field named name', (a) => (field(a, 0).name = 'name'), 'error configuration/0/name'],
    ['config field named default', (a) => (field(a, 1).name = 'default'), 'error configuration/1/name'],
    ['duplicate config names', (a) => (field(a, 1).name = 'server_url'), 'error configuration/1/name'],
    ['unknown field type', (a) => (field(a, 0).type = 'texty'), 'error configuration/0/type'],
    ['sub-type on a non-text field', (a) => (field(a, 1).subtype = 'url'), 'error configuration/1/subtype'],
    ['select without options', (a) => (field(a, 0).type = 'select'), 'error configuration/0/options'],
    ['default outside the options', (a) => Object.assign(field(a, 0), { type: 'select', options: ['a'], value: 'b' }), 'error configuration/0/value'],
    ['a default on a password field', (a) => Object.assign(field(a, 0), { type: 'password', value: 'hunter2' }), 'error configuration/0/value'],
    ['duplicate operations', (a) => a.actions.push({ ...action(a, 0) }), 'error actions/1/operation'],
    ['operation with a hyphen', (a) => (action(a, 0).operation = 'get-ip'), 'error actions/0/operation'],
    ['operation clashing with the generated code', (a) => (action(a, 0).operation = 'check_health'), 'error actions/0/operation'],
    ['unknown operation category', (a) => (action(a, 0).category = 'query'), 'error actions/0/category'],
    ['missing output schema', (a) => (action(a, 0).output_schema = undefined), 'error actions/0/output_schema'],
    ['duplicate parameters', (a) => action(a, 0).parameters.push({ name: 'ip', title: 'IP 2', type: 'text' }), 'error actions/0/parameters/1/name'],
    ['a field without a description', (a) => delete defined(action(a, 0).parameters[0]).description, 'warning actions/0/parameters/0/description'],
    ['request naming an unknown parameter', (a) => (action(a, 0).request = { method: 'GET', path: '/ip/{address}' }), 'error actions/0/request'],
    ['request path without a leading slash', (a) => (action(a, 0).request = { method: 'GET', path: 'ip' }), 'error actions/0/request/path'],
    ['configuration not a list', (a) => ((a as { configuration: unknown }).configuration = 'x'), 'error configuration'],
    ['icon that is not an image', (a) => (a.icons = { small: btoa('hello') }), 'error icons/small'],
  ])('flags %s', (_, edit, expected) => {
    expect(issuesFor(edit)).toContain(expected);
  });

  it('warns, not errs, when the identifier is a store connector', () => {
    expect(issuesFor((a) => (a.name = 'VirusTotal'), { storeNames: new Set(['virustotal']) })).toEqual(['warning name']);
  });

  it('refuses an unknown template when the list is known', () => {
    expect(issuesFor((a) => (a.template = 'nope'), { templateIds: ['threat-intelligence'] })).toEqual(['error template']);
  });

  it('explains why name and default are reserved', () => {
    const a = base();
    field(a, 0).name = 'default';
    expect(checkAnswers(a)[0]?.message).toMatch(/reserved.*configuration.*import refuses/s);
  });

  it('tells the user an icon of another size will be scaled', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 64, 0, 0, 0, 64]);
    const b64 = btoa(String.fromCharCode(...png));
    expect(checkAnswers({ ...base(), icons: { small: b64 } })).toEqual([
      { field: 'icons/small', severity: 'info', message: 'The small logo is 64x64: it will be scaled to 32x32.' },
    ]);
  });
});

describe('imageSize', () => {
  it('reads a JPEG SOF0 header and rejects other bytes', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 80, 3, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 80, height: 50, format: 'jpeg' });
    expect(imageSize(Uint8Array.from([1, 2, 3]))).toBeUndefined();
    expect(decodeBase64('data:image/png;base64,AAEC')).toEqual(Uint8Array.from([0, 1, 2]));
    expect(decodeBase64('***')).toEqual(new Uint8Array(0));
  });
});
