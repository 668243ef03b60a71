import { describe, expect, it } from 'vitest';
import type { InstalledVersion, PreflightResult } from '../../../../shared/models/publish';
import { ApiError } from '../../api/api-error';
import { presentError } from './errors';
import { DEFAULT_OPTIONS, healthRequest, publishBlocker, resultLabel, serverConfigurations, versionsToDelete } from './options';
import { formOf, formProblems, inputOf } from './profile-form';

const installed = (version: string, configs = 0): InstalledVersion => ({
  id: Number(version.replace(/\D/g, '')),
  version,
  configurations: Array.from({ length: configs }, (_, i) => ({ id: i, config_id: `c${i}`, name: `Config ${i}`, default: i === 0 })),
});
const pre = (o: Partial<PreflightResult> = {}): PreflightResult => ({
  connector: { name: 'x', version: '1.1.0' },
  archive: { fileName: 'x.tgz', bytes: 10, sha256: 'ab' },
  validation: { connector: 'x', version: '1.1.0', findings: [], summary: { errors: 0, warnings: 0, infos: 0 } },
  importProblems: [],
  blocked: false,
  installed: [],
  ...o,
});

describe('publishBlocker', () => {
  it.each([
    ['no pre-flight yet', null, DEFAULT_OPTIONS, 'Run the pre-flight checks first.'],
    ['errors block', pre({ blocked: true }), DEFAULT_OPTIONS, 'Fix the errors the pre-flight found first.'],
    ['same version needs Replace', pre({ sameVersion: installed('1.1.0') }), DEFAULT_OPTIONS, '1.1.0 is installed on the server: choose Replace, or bump the version.'],
    ['Replace chosen', pre({ sameVersion: installed('1.1.0') }), { ...DEFAULT_OPTIONS, replace: true }, null],
    ['a new version', pre({ installed: [installed('1.0.0')] }), DEFAULT_OPTIONS, null],
  ])('%s', (_n, p, o, expected) => expect(publishBlocker(p, o)).toBe(expected));
});

describe('options', () => {
  it('lists the versions "Delete all existing versions" removes, never the one being published', () => {
    const p = pre({ installed: [installed('1.1.0'), installed('1.0.0'), installed('0.9.0')], sameVersion: installed('1.1.0') });
    expect(versionsToDelete(p, DEFAULT_OPTIONS)).toEqual([]);
    expect(versionsToDelete(p, { ...DEFAULT_OPTIONS, deleteOtherVersions: true }).map((v) => v.version)).toEqual(['1.0.0', '0.9.0']);
  });
  it('offers server configurations of this version, else of the newest installed (they move on install), and maps the health choice', () => {
    expect(serverConfigurations(pre({ installed: [installed('1.0.0', 2)] })).map((c) => c.name)).toEqual(['Config 0', 'Config 1']);
    expect(serverConfigurations(pre({ installed: [] }))).toEqual([]);
    expect(serverConfigurations(pre({ sameVersion: installed('1.1.0', 2) })).map((c) => c.name)).toEqual(['Config 0', 'Config 1']);
    expect(healthRequest({ kind: 'none' })).toBeUndefined();
    expect(healthRequest({ kind: 'server', config: 'c1' })).toEqual({ config: 'c1' });
    expect(healthRequest({ kind: 'local', testConfigId: 't1' })).toEqual({ fromTestConfig: 't1' });
  });
  it.each([
    ['success', 'Installed'],
    ['health-failed', 'Health check failed'],
    ['error:auth', 'Failed: auth'],
    ['weird', 'Failed'],
  ])('result %s reads %s', (r, label) => expect(resultLabel(r)).toBe(label));
});

describe('presentError', () => {
  it('separates the hint the service appended to its message', () => {
    const hint = 'Check both in the server profile.';
    const e = new ApiError('publish.run', { code: 'FORBIDDEN', message: `The server refused the user name or password (HTTP 401). ${hint}`, details: { kind: 'auth', hint, status: 401 } });
    expect(presentError(e)).toEqual({ message: 'The server refused the user name or password (HTTP 401).', hint, kind: 'auth', status: 401 });
    expect(presentError(new Error('plain'))).toEqual({ message: 'plain' });
  });
});

describe('profile form', () => {
  it('asks for what the chosen authentication needs', () => {
    const f = { ...formOf(), name: 'Lab', url: 'https://soar.lab' };
    expect(Object.keys(formProblems(f)).sort()).toEqual(['secret', 'username']);
    expect(formProblems({ ...f, auth: 'hmac', secret: 'k' })).toEqual({ hmacPublicKey: 'The public key is needed.' });
    expect(formProblems({ ...f, url: 'ftp://x', username: 'u', secret: 's' })).toEqual({ url: 'Use https:// (or http:// for a local sandbox).' });
    expect(formProblems({ ...f, username: 'u', secret: 's', pinnedSha256: 'AB:CD' }).pinnedSha256).toMatch(/64/);
  });
  it('keeps a stored secret on edit and sends only the chosen kind’s fields', () => {
    const stored = { id: 'p1', name: 'Lab', url: 'https://soar.lab', auth: 'apiKey' as const, tls: {}, secretSet: true };
    const f = formOf(stored);
    expect(formProblems(f)).toEqual({});
    expect(inputOf({ ...f, username: 'ignored' })).toEqual({ id: 'p1', name: 'Lab', url: 'https://soar.lab', auth: 'apiKey', tls: {} });
    expect(inputOf({ ...f, secret: 'new-key', timeoutSec: '30', caFile: ' /ca.pem ' })).toMatchObject({ secret: 'new-key', timeoutSec: 30, tls: { caFile: '/ca.pem' } });
  });
  it('asks for a new secret when the authentication kind changes, as the service drops the stored one', () => {
    const f = formOf({ id: 'p1', name: 'Lab', url: 'https://soar.lab', auth: 'apiKey', tls: {}, secretSet: true });
    expect(formProblems({ ...f, auth: 'password', username: 'csadmin' })).toEqual({ secret: 'The password is needed.' });
    expect(formProblems({ ...f, auth: 'password', username: 'csadmin', secret: 'pw' })).toEqual({});
    expect(formProblems({ ...f, timeoutSec: 'soon' })).toEqual({ timeoutSec: '1 to 3600 seconds.' });
  });
});
