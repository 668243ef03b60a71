import { describe, expect, it } from 'vitest';
import type { Field } from '../../../../shared/connector/info-json';
import { collect, fromRaw, rawFromSaved, shownFields, toRaw } from './form';

const fields: Field[] = [
  { name: 'server_url', title: 'Server URL', type: 'text', required: true, value: 'https://x.example', validation: { pattern: '^https?://', patternError: 'Start with http:// or https://.' } },
  { name: 'api_key', title: 'API Key', type: 'password', required: true },
  { name: 'verify_ssl', title: 'Verify SSL', type: 'checkbox', value: true },
  { name: 'limit', title: 'Limit', type: 'integer', value: 10 },
  { name: 'extra', title: 'Extra', type: 'json' },
  { name: 'internal', title: 'Internal', type: 'text', visible: false, value: 'fixed' },
  {
    name: 'auth', title: 'Auth', type: 'select', options: ['Token', 'Basic'], value: 'Token',
    onchange: { Token: [{ name: 'token', title: 'Token', type: 'text', required: true }], Basic: [{ name: 'user', title: 'User', type: 'text', required: true }] },
  },
];

describe('toRaw and fromRaw', () => {
  it('holds numbers and JSON as text while editing', () => {
    expect(toRaw(fields[3], 10)).toBe('10');
    expect(toRaw(fields[4], { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(toRaw(fields[2], undefined)).toBe(false);
    expect(toRaw({ type: 'multiselect' }, undefined)).toEqual([]);
  });
  it.each([
    [{ type: 'integer' }, '42', { value: 42 }],
    [{ type: 'integer' }, '4.2', { error: 'Enter a whole number.' }],
    [{ type: 'decimal' }, '4.5', { value: 4.5 }],
    [{ type: 'json' }, '[1]', { value: [1] }],
    [{ type: 'integer' }, '', { value: undefined }],
    [{ type: 'text' }, 'x', { value: 'x' }],
  ] as [Field, string, unknown][])('%j %j', (f, raw, out) => expect(fromRaw(f, raw)).toEqual(out));
});

describe('shownFields', () => {
  it('follows the onchange branch of the current value, else the default', () => {
    expect(shownFields(fields, {}).map((v) => v.field.name)).toEqual(['server_url', 'api_key', 'verify_ssl', 'limit', 'extra', 'auth', 'token']);
    expect(shownFields(fields, { auth: 'Basic' }).map((v) => v.field.name)).toContain('user');
  });
});

describe('collect', () => {
  it('reports required, pattern and parse errors by field name', () => {
    const { errors } = collect(fields, { server_url: 'ftp://x', limit: 'ten', extra: '{' });
    expect(errors).toEqual({
      server_url: 'Start with http:// or https://.',
      api_key: 'API Key is required.',
      limit: 'Enter a whole number.',
      extra: expect.stringMatching(/^Not valid JSON/),
      token: 'Token is required.',
    });
  });

  it('gives typed values of the shown fields plus defaults of never-shown ones', () => {
    const { values, errors } = collect(fields, { api_key: 's3cret', limit: '25', extra: '{"a":1}', auth: 'Basic', user: 'bob', token: 'ignored' });
    expect(errors).toEqual({});
    expect(values).toEqual({ server_url: 'https://x.example', api_key: 's3cret', verify_ssl: true, limit: 25, extra: { a: 1 }, internal: 'fixed', auth: 'Basic', user: 'bob' });
  });

  it('an empty password keeps a saved secret: not required, not sent', () => {
    const { values, errors } = collect(fields, { api_key: '', token: 't' }, { secretsSet: ['api_key'] });
    expect(errors).toEqual({});
    expect(values).not.toHaveProperty('api_key');
  });
});

describe('rawFromSaved', () => {
  it('fills the form from saved values, onchange fields included, passwords never', () => {
    expect(rawFromSaved(fields, { server_url: 'https://y', limit: 5, api_key: 'leak?', user: 'amy' })).toEqual({ server_url: 'https://y', limit: '5', user: 'amy' });
  });
});
