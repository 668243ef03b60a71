/** The sandbox must not buffer what strangers send: credentials are checked from the headers before any
 * body is read, the login body is small, and only a few uploads are read at once. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/main/sandbox/server';
import { USERS, sandboxWithUsers, tempDir } from '../../src/main/sandbox/test-kit';
import { holdRequest, sendBodyUntilAnswered } from './sandbox-kit';

const MiB = 1024 * 1024;
const tmp = tempDir('cs-sec-preauth-');
let sandbox: Sandbox;
const upload = { method: 'POST', path: '/api/3/solutionpacks/install?$type=connector' };
const multipart = { 'Content-Type': 'multipart/form-data; boundary=x' };

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

describe('bodies sent without valid credentials are not read', () => {
  const total = 96 * MiB;

  it.each([
    ['no Authorization header', {}],
    ['a wrong API key', { Authorization: 'API-KEY not-a-key' }],
    ['a forged token', { Authorization: 'Bearer a.b.c' }],
    ['an unknown scheme', { Authorization: 'Basic Y3NhZG1pbjpTYW5kYm94LVBhNTU=' }],
    ['an HMAC header for an unknown public key', { Authorization: `CS ${Buffer.from('sha256;2020-01-01 00:00:00;nobody;00').toString('base64')}` }],
    ['an HMAC header with a stale time', { Authorization: `CS ${Buffer.from(`sha256;2020-01-01 00:00:00;${USERS.hmac.publicKey};00`).toString('base64')}` }],
  ])('%s: 401 before the body is sent', async (_what, auth) => {
    const r = await sendBodyUntilAnswered(sandbox.url, { ...upload, headers: { ...multipart, ...auth } }, total);
    expect(r.status).toBe(401);
    expect(r.bodyBytesSent).toBeLessThan(total);
  });

  it('a chunked body without credentials: 401 before it ends', async () => {
    const r = await sendBodyUntilAnswered(sandbox.url, { ...upload, headers: multipart }, total, true);
    expect(r.status).toBe(401);
    expect(r.bodyBytesSent).toBeLessThan(total);
  });

  it('a read-only key uploading: 403 before the body is sent', async () => {
    const r = await sendBodyUntilAnswered(sandbox.url, { ...upload, headers: { ...multipart, Authorization: `API-KEY ${USERS.readonlyKey}` } }, total);
    expect(r.status).toBe(403);
    expect(r.bodyBytesSent).toBeLessThan(total);
  });

  it('Expect: 100-continue without credentials gets 401 and never a 100 Continue', async () => {
    const held = holdRequest(sandbox.url, { ...upload, headers: multipart }, total);
    const answer = await held.firstAnswer;
    held.close();
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).not.toMatch(/100 Continue/);
  });
});

describe('the login body is capped', () => {
  const login = { method: 'POST', path: '/auth/authenticate', headers: { 'Content-Type': 'application/json' } };

  it('a declared 96 MiB login: 413 before the body is sent', async () => {
    const r = await sendBodyUntilAnswered(sandbox.url, login, 96 * MiB);
    expect(r.status).toBe(413);
    expect(r.bodyBytesSent).toBeLessThan(96 * MiB);
    expect(r.text).toMatch(/at most 65536 bytes/);
  });

  it('a chunked login that never ends: 413 after the first 64 KiB, not after all of it', async () => {
    const r = await sendBodyUntilAnswered(sandbox.url, login, 96 * MiB, true);
    expect(r.status).toBe(413);
    expect(r.bodyBytesSent).toBeLessThan(96 * MiB);
  });
});

describe('uploads read at once are limited', () => {
  const auth = { ...multipart, Authorization: `API-KEY ${USERS.apiKey}` };

  it('a third upload while two are being read gets 503 with a clear message; a slot frees when one ends', async () => {
    const first = holdRequest(sandbox.url, { ...upload, headers: auth }, 2 * MiB);
    const second = holdRequest(sandbox.url, { ...upload, headers: auth }, 2 * MiB);
    try {
      expect(await first.firstAnswer).toMatch(/^HTTP\/1\.1 100 Continue/);
      expect(await second.firstAnswer).toMatch(/^HTTP\/1\.1 100 Continue/);
      const third = await sendBodyUntilAnswered(sandbox.url, { ...upload, headers: auth }, 2 * MiB);
      expect(third.status).toBe(503);
      expect(third.text).toMatch(/Retry-After: \d+/i);
      expect(third.text).toMatch(/2 uploads are already being received/);

      // The first upload's (garbage) body arrives and is answered: its slot is free again.
      expect((await first.finish()).status).toBe(400);
      const fourth = holdRequest(sandbox.url, { ...upload, headers: auth }, 2 * MiB);
      expect(await fourth.firstAnswer).toMatch(/^HTTP\/1\.1 100 Continue/);
      fourth.close();
    } finally {
      first.close();
      second.close();
    }
  });
});
