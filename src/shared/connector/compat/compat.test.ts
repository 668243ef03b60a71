import { describe, expect, it } from 'vitest';
import { defined } from '../../../../tests/helpers/defined';
import type { Field, InfoJson, Operation } from '../info-json';
import { announcesMajor, compareConnectors, parseVersion } from './index';

function base(): InfoJson {
  return {
    name: 'acme-intel',
    label: 'Acme Intel',
    version: '1.0.0',
    configuration: {
      fields: [
        { name: 'server', title: 'Server URL', type: 'text', required: true, value: 'https://acme.example' },
        {
          name: 'auth', title: 'Authentication', type: 'select', required: true, value: 'Token', options: ['Token', 'Basic'],
          onchange: {
            Token: [{ name: 'token', title: 'Token', type: 'password', required: true }],
            Basic: [{ name: 'username', title: 'User', type: 'text', required: true }],
          },
        },
        { name: 'verify_ssl', title: 'Verify SSL', type: 'checkbox', required: false, value: true },
        { name: 'port', title: 'Port', type: 'integer', required: false },
      ],
    },
    operations: [
      {
        operation: 'get_ip', title: 'Get IP Reputation', parameters: [
          { name: 'ip', title: 'IP', type: 'text', required: true },
          { name: 'limit', title: 'Limit', type: 'integer', required: false, value: 10 },
          { name: 'mode', title: 'Mode', type: 'select', required: false, options: ['fast', 'full'], value: 'fast' },
          { name: 'since', title: 'Since', type: 'datetime', required: false },
        ],
        output_schema: { ip: '', score: 0, tags: [{ name: '' }] },
      },
      { operation: 'block_ip', title: 'Block IP', parameters: [{ name: 'ip', title: 'IP', type: 'text', required: true }], output_schema: { status: '' } },
    ],
  };
}

const op = (info: InfoJson, name: string) => info.operations!.find((o) => o.operation === name) as Operation;
const param = (info: InfoJson, opName: string, p: string) => op(info, opName).parameters!.find((f) => f.name === p) as Field;
const cfg = (info: InfoJson, name: string) => info.configuration!.fields!.find((f) => f.name === name) as Field;

interface Case {
  readonly edit: (n: InfoJson) => void;
  readonly kind: string;
  readonly path: string;
  readonly breaking: boolean;
}

const cases = {
  'operation added': { edit: (n) => n.operations!.push({ operation: 'unblock_ip', title: 'Unblock IP', parameters: [] }), kind: 'operation-added', path: 'operations/unblock_ip', breaking: false },
  'operation removed': { edit: (n) => n.operations!.splice(1, 1), kind: 'operation-removed', path: 'operations/block_ip', breaking: true },
  'operation renamed': { edit: (n) => void (op(n, 'block_ip').operation = 'block_address'), kind: 'operation-renamed', path: 'operations/block_ip', breaking: true },
  'optional parameter added': { edit: (n) => op(n, 'block_ip').parameters!.push({ name: 'note', type: 'text', required: false }), kind: 'parameter-added', path: 'operations/block_ip/parameters/note', breaking: false },
  'required parameter with default added': { edit: (n) => op(n, 'block_ip').parameters!.push({ name: 'ttl', type: 'integer', required: true, value: 60 }), kind: 'parameter-added', path: 'operations/block_ip/parameters/ttl', breaking: false },
  'required parameter without default added': { edit: (n) => op(n, 'block_ip').parameters!.push({ name: 'ttl', type: 'integer', required: true }), kind: 'parameter-added', path: 'operations/block_ip/parameters/ttl', breaking: true },
  'parameter removed': { edit: (n) => op(n, 'get_ip').parameters!.splice(1, 1), kind: 'parameter-removed', path: 'operations/get_ip/parameters/limit', breaking: true },
  'parameter made required without default': { edit: (n) => void (param(n, 'get_ip', 'since').required = true), kind: 'parameter-made-required', path: 'operations/get_ip/parameters/since', breaking: true },
  'parameter made required with default': { edit: (n) => void (param(n, 'get_ip', 'limit').required = true), kind: 'parameter-made-required', path: 'operations/get_ip/parameters/limit', breaking: false },
  'parameter made optional': { edit: (n) => void (param(n, 'get_ip', 'ip').required = false), kind: 'parameter-made-optional', path: 'operations/get_ip/parameters/ip', breaking: false },
  'parameter type changed': { edit: (n) => void (param(n, 'get_ip', 'limit').type = 'text'), kind: 'parameter-type-changed', path: 'operations/get_ip/parameters/limit', breaking: true },
  'parameter default changed': { edit: (n) => void (param(n, 'get_ip', 'limit').value = 50), kind: 'parameter-default-changed', path: 'operations/get_ip/parameters/limit', breaking: false },
  'parameter options removed': { edit: (n) => void (param(n, 'get_ip', 'mode').options = ['fast']), kind: 'parameter-options-removed', path: 'operations/get_ip/parameters/mode', breaking: true },
  'parameter options added': { edit: (n) => void (param(n, 'get_ip', 'mode').options = ['fast', 'full', 'deep']), kind: 'parameter-options-added', path: 'operations/get_ip/parameters/mode', breaking: false },
  'optional config field added': { edit: (n) => n.configuration!.fields!.push({ name: 'proxy', type: 'text', required: false }), kind: 'config-field-added', path: 'configuration/fields/proxy', breaking: false },
  'required config field with default added': { edit: (n) => n.configuration!.fields!.push({ name: 'timeout', type: 'integer', required: true, value: 30 }), kind: 'config-field-added', path: 'configuration/fields/timeout', breaking: false },
  'required config field without default added': { edit: (n) => n.configuration!.fields!.push({ name: 'tenant', type: 'text', required: true }), kind: 'config-field-added', path: 'configuration/fields/tenant', breaking: true },
  'config field removed': { edit: (n) => n.configuration!.fields!.splice(2, 1), kind: 'config-field-removed', path: 'configuration/fields/verify_ssl', breaking: false },
  'config field type changed': { edit: (n) => void (cfg(n, 'server').type = 'url'), kind: 'config-field-type-changed', path: 'configuration/fields/server', breaking: true },
  'config field made required without default': { edit: (n) => void (cfg(n, 'port').required = true), kind: 'config-field-made-required', path: 'configuration/fields/port', breaking: true },
  'config field default changed': { edit: (n) => void (cfg(n, 'verify_ssl').value = false), kind: 'config-field-default-changed', path: 'configuration/fields/verify_ssl', breaking: false },
  'config field options removed': { edit: (n) => void (cfg(n, 'auth').options = ['Token']), kind: 'config-field-options-removed', path: 'configuration/fields/auth', breaking: true },
  'required field added inside an onchange branch': {
    edit: (n) => void defined(cfg(n, 'auth').onchange?.Basic, 'the Basic branch').push({ name: 'password', title: 'Password', type: 'password', required: true }),
    kind: 'config-field-added', path: 'configuration/fields/auth/onchange/Basic/password', breaking: true,
  },
  'field inside an onchange branch changes type': {
    edit: (n) => void (defined(cfg(n, 'auth').onchange?.Token?.[0], 'the Token branch\'s first field').type = 'text'),
    kind: 'config-field-type-changed', path: 'configuration/fields/auth/onchange/Token/token', breaking: true,
  },
  'output key removed': { edit: (n) => void (op(n, 'get_ip').output_schema = { ip: '', tags: [{ name: '' }] }), kind: 'output-key-removed', path: 'operations/get_ip/output_schema/score', breaking: true },
  'nested output key removed': { edit: (n) => void (op(n, 'get_ip').output_schema = { ip: '', score: 0, tags: [{}] }), kind: 'output-key-removed', path: 'operations/get_ip/output_schema/tags[]/name', breaking: true },
  'output key added': { edit: (n) => void ((op(n, 'block_ip').output_schema as Record<string, unknown>).id = ''), kind: 'output-key-added', path: 'operations/block_ip/output_schema/id', breaking: false },
} satisfies Record<string, Case>;

describe('compatibility report: one change of each kind', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name} -> ${c.kind}, ${c.breaking ? 'breaking' : 'not breaking'}`, () => {
      const next = structuredClone(base());
      c.edit(next);
      const report = compareConnectors(base(), next);
      expect(report.changes.map(({ kind, path, breaking }) => ({ kind, path, breaking }))).toEqual([{ kind: c.kind, path: c.path, breaking: c.breaking }]);
      expect(report.changes[0]?.message.length).toBeGreaterThan(10);
      expect(report.breaking).toBe(c.breaking);
    });
  }
});

describe('compatibility report: versions and notes', () => {
  const withVersion = (edit: (n: InfoJson) => void, version: string) => {
    const n = structuredClone(base());
    edit(n);
    n.version = version;
    return compareConnectors(base(), n);
  };

  it('suggests major for breaking, minor for additions, patch otherwise', () => {
    expect(withVersion(cases['parameter removed'].edit, '1.1.0').suggestedVersion).toBe('2.0.0');
    expect(withVersion(cases['operation added'].edit, '1.0.1').suggestedVersion).toBe('1.1.0');
    expect(withVersion(cases['parameter default changed'].edit, '1.0.1').suggestedVersion).toBe('1.0.1');
    expect(withVersion(() => undefined, '1.0.0').suggestedVersion).toBe('1.0.1');
  });

  it('has exactly the DESIGN.md keys', () => {
    const r = withVersion(cases['parameter removed'].edit, '1.1.0');
    expect(Object.keys(r)).toEqual(['old', 'new', 'changes', 'breaking', 'suggestedVersion', 'releaseNotes']);
    expect(Object.keys(defined(r.changes[0], 'a change'))).toEqual(['kind', 'path', 'breaking', 'message']);
    expect(r).toMatchObject({ old: '1.0.0', new: '1.1.0', breaking: true });
  });

  it('drafts release notes under the version the release should carry', () => {
    const r = withVersion((n) => { cases['operation removed'].edit(n); cases['operation added'].edit(n); }, '1.1.0');
    expect(r.releaseNotes).toContain('## Acme Intel 2.0.0');
    expect(r.releaseNotes).toMatch(/#### Breaking Changes\n\n- Removed the action 'Block IP' \(block_ip\)/);
    expect(r.releaseNotes).toMatch(/#### What's New\n\n- Added the action 'Unblock IP' \(unblock_ip\)/);
    expect(withVersion(cases['operation added'].edit, '3.0.0').releaseNotes).toContain('## Acme Intel 3.0.0');
  });

  it('does not report fields under a removed parent field twice', () => {
    const r = withVersion((n) => n.configuration!.fields!.splice(1, 1), '1.0.1');
    expect(r.changes.map((c) => c.path)).toEqual(['configuration/fields/auth']);
  });

  it('ignores reordering of operations and fields', () => {
    const n = structuredClone(base());
    n.operations!.reverse();
    op(n, 'get_ip').parameters!.reverse();
    expect(compareConnectors(base(), n).changes).toEqual([]);
  });

  it('does not call it a rename when the parameters differ', () => {
    const r = withVersion((n) => { op(n, 'block_ip').operation = 'block_address'; op(n, 'block_ip' as string); param(n, 'block_address', 'ip').name = 'address'; }, '2.0.0');
    expect(r.changes.map((c) => c.kind).sort()).toEqual(['operation-added', 'operation-removed']);
  });

  it('parses versions leniently and knows a major bump', () => {
    expect(parseVersion('v2.1')).toEqual([2, 1, 0]);
    expect(parseVersion('abc')).toBeUndefined();
    expect(announcesMajor('1.4.2', '2.0.0')).toBe(true);
    expect(announcesMajor('1.4.2', '1.5.0')).toBe(false);
    expect(announcesMajor('1.4.2', undefined)).toBe(false);
  });
});
