/** The sandbox against the golden transcripts (tests/fixtures/fortisoar-api): each transcript's request, sent
 * with plain node:http, must get the answer its `expect` describes. Our client is not involved. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../../tests/helpers/test-clock';
import { loadJson, loadTranscript, mismatches, pythonSign, substitute } from '../services/publish/golden-kit';
import { SandboxAuth } from './auth';
import { HttpFailure } from './http-util';
import type { Sandbox } from './server';
import { USERS, copySample, multipartBody, rawRequest, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-golden-sandbox-');
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let pkg: Buffer;
const vars: Record<string, unknown> = { apiKey: USERS.apiKey, readonlyKey: USERS.readonlyKey };

beforeAll(async () => {
  intel = await startIntelStub();
  vars.intelUrl = intel.url;
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  copySample(path.join(tmp.dir, 'src'));
  await create({ gzip: true, file: path.join(tmp.dir, 'pkg.tgz'), cwd: path.join(tmp.dir, 'src'), portable: true }, ['sample-threat-intel']);
  pkg = readFileSync(path.join(tmp.dir, 'pkg.tgz'));
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

/** Sends a transcript's request to the sandbox and checks the answer against its `expect`. */
async function play(name: string, extra: Record<string, unknown> = {}) {
  const t = loadTranscript(name);
  const v = { ...vars, ...extra };
  const req = substitute(t.request, v);
  const headers: Record<string, string> = { host: new URL(sandbox.url).host };
  for (const [k, value] of Object.entries(req.headers ?? {})) if (!value.startsWith('<')) headers[k] = value;
  let body: Buffer | undefined;
  if (req.json !== undefined) {
    body = Buffer.from(JSON.stringify(req.json));
    headers['content-type'] = 'application/json';
  } else if (req.multipart) {
    const m = multipartBody(req.multipart.field, req.multipart.filename, req.multipart.contentType, pkg);
    body = m.body;
    headers['content-type'] = m.contentType;
  }
  const res = await rawRequest(sandbox.url, req.method, req.path, headers, body);
  expect(res.status, `${name}: ${res.text}`).toBe(t.expect.status);
  if (t.expect.json !== undefined) expect(mismatches(res.json, substitute(t.expect.json, v)), name).toEqual([]);
  return res.json as Record<string, unknown>;
}

/** The import job and the requirements install run in the background: once the sandbox has settled, a single
 * read of the transcript's request must show the state `done` expects. */
async function until(name: string, done: (body: Record<string, unknown>) => boolean, extra?: Record<string, unknown>) {
  await sandbox.settled();
  const t = loadTranscript(name);
  const req = substitute(t.request, { ...vars, ...extra });
  const res = await rawRequest(sandbox.url, req.method, req.path, { authorization: `Bearer ${String(vars.token)}`, ...(req.json ? { 'content-type': 'application/json' } : {}) }, req.json ? JSON.stringify(req.json) : undefined);
  if (!done(res.json as Record<string, unknown>)) throw new Error(`${name} did not reach the expected state once the background work ended: ${res.text}`);
}

describe('sandbox against the golden transcripts', () => {
  it('authenticates: login, a Hydra 401, API keys good, bad and restricted', async () => {
    vars.token = (await play('login')).token;
    await play('login-bad-password');
    await play('apikey-check');
    await play('apikey-bad');
    await play('apikey-restricted');
  });

  it('installs a package and runs its import job to completion', async () => {
    const record = await play('upload');
    vars.connectorId = record.id;
    vars.jobUuid = (record.importJob as { uuid: string }).uuid;
    await until('import-job', (j) => j.status === 'Import Complete');
    await play('import-job');
    await until('details', (d) => d.requirements_installed !== 'In-Progress');
  });

  it('answers details by name and version and by id, and 415 without a body', async () => {
    await play('details');
    await play('details-by-id');
    await play('details-empty-body');
  });

  it('has no health without a configuration, then keeps one, masked, and refuses its duplicate', async () => {
    await play('health-no-config');
    vars.configId = (await play('config-create')).config_id;
    await play('config-duplicate');
    await play('list');
  });

  it('checks health and runs actions through the simulated runtime', async () => {
    await play('health');
    await play('execute');
    await play('execute-error');
    await play('execute-missing-config');
  });

  it('answers 403 "Could not validate HMAC fingerprint" for an integration path without a trailing slash', async () => {
    await play('trailing-slash');
    await play('trailing-slash', { token: 'not-even-a-token' });
  });

  it('refuses the same version without replace, accepts it with replace and keeps the id', async () => {
    await play('upload-conflict');
    await play('upload-replace');
  });

  it('accepts requests signed by Python from the reference, and refuses a changed body', async () => {
    const list = `/api/integration/connectors/?name=sample-threat-intel`;
    const host = new URL(sandbox.url).host;
    const get = pythonSign('GET', `${sandbox.url}${list}`, '', USERS.hmac.publicKey, USERS.hmac.privateKey);
    expect((await rawRequest(sandbox.url, 'GET', list, { host, authorization: get })).status).toBe(200);
    const body = JSON.stringify({ connector: 'sample-threat-intel', version: '1.0.0', config: String(vars.configId), operation: 'get_ip_reputation', params: { ip: '1.1.1.1' }, audit: null, audit_info: null });
    const exec = '/api/integration/execute/?format=json';
    const post = pythonSign('POST', `${sandbox.url}${exec}`, body, USERS.hmac.publicKey, USERS.hmac.privateKey);
    const ok = await rawRequest(sandbox.url, 'POST', exec, { host, authorization: post, 'content-type': 'application/json' }, body);
    expect(ok.json).toMatchObject({ status: 'Success', data: { ip: '1.1.1.1' } });
    const tampered = await rawRequest(sandbox.url, 'POST', exec, { host, authorization: post, 'content-type': 'application/json' }, body.replace('1.1.1.1', '6.6.6.6'));
    expect(tampered.status).toBe(401);
  });

  it('expires tokens: 401 after their lifetime', async () => {
    // The sandbox reads this clock, so the lifetime passes without waiting for it.
    const clock = testClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    const short = await sandboxWithUsers(path.join(tmp.dir, 'short'), { tokenTtlMs: 1000, now: clock.now });
    try {
      const login = await rawRequest(short.url, 'POST', '/auth/authenticate', { 'content-type': 'application/json' }, JSON.stringify({ credentials: { loginid: USERS.admin.name, password: USERS.admin.password } }));
      const token = (login.json as { token: string }).token;
      const t = substitute(loadTranscript('token-expired').request, { token });
      clock.advance(999);
      expect((await rawRequest(short.url, t.method, t.path, t.headers)).status).toBe(200);
      clock.advance(1);
      const res = await rawRequest(short.url, t.method, t.path, t.headers);
      expect(res.status).toBe(loadTranscript('token-expired').expect.status);
      expect(res.text).toContain('Expired JWT Token');
    } finally {
      await short.close();
    }
  });

  it('uninstalls: 204, then the version is gone', async () => {
    await play('uninstall');
    const list = await rawRequest(sandbox.url, 'GET', '/api/integration/connectors/?name=sample-threat-intel', { authorization: `Bearer ${String(vars.token)}` });
    expect(list.json).toMatchObject({ totalItems: 0, data: [] });
  });
});

describe('the sandbox HMAC verifier and the worked examples', () => {
  const worked = loadJson<{ publicKey: string; privateKey: string; date: string; examples: Array<{ method: string; fullUrl: string; body: string; authorization: string }> }>('hmac-example.json');
  const auth = new SandboxAuth({ hmacKeys: [{ publicKey: worked.publicKey, privateKey: worked.privateKey }], now: () => new Date(worked.date) });
  const check = (e: (typeof worked.examples)[number], change: Partial<{ fullUrl: string; body: string }> = {}) =>
    auth.authenticate({ method: e.method, fullUrl: change.fullUrl ?? e.fullUrl, authorization: e.authorization, body: Buffer.from(change.body ?? e.body) }, 'message');

  it.each(worked.examples.map((e) => [e.method, e]))('accepts the %s example', (_m, e) => {
    expect(check(e)).toMatchObject({ scheme: 'hmac', role: 'admin' });
  });

  it('refuses a changed URL (a port, a missing slash) or body with 401', () => {
    const [post, get] = worked.examples;
    for (const attempt of [() => check(post, { body: `${post.body} ` }), () => check(get, { fullUrl: get.fullUrl.replace('connectors/', 'connectors') }), () => check(post, { fullUrl: post.fullUrl.replace(':8443', '') })]) {
      expect(attempt).toThrow(HttpFailure);
      expect(() => attempt()).toThrow(/fingerprint does not match/);
    }
  });

  it('refuses a signature older than the allowed clock skew', () => {
    const late = new SandboxAuth({ hmacKeys: [{ publicKey: worked.publicKey, privateKey: worked.privateKey }], now: () => new Date(Date.parse(worked.date) + 10 * 60_000) });
    const e = worked.examples[0];
    expect(() => late.authenticate({ method: e.method, fullUrl: e.fullUrl, authorization: e.authorization, body: Buffer.from(e.body) }, 'message')).toThrow(/too far from the server time/);
  });
});
