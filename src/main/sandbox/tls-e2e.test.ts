/** TLS against a sandbox serving a self-signed certificate made by openssl: refused by default, accepted
 * when pinned by its SHA-256 (as openssl prints it) or trusted as a CA, refused with a wrong pin. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFortiSoarClient } from '../services/publish/client';
import { peekCertificate, type TlsSettings } from '../services/publish/connection';
import { PublishError } from '../services/publish/errors';
import { publishConnector } from '../services/publish/publish-flow';
import { testConnection } from '../services/publish/test-connection';
import type { Sandbox } from './server';
import { USERS, copySample, sandboxWithUsers, tempDir } from './test-kit';

const tmp = tempDir('cs-tls-');
let sandbox: Sandbox;
let url: string;
let certPem: string;
let opensslFingerprint: string;
const credentials = { kind: 'password' as const, username: USERS.admin.name, password: USERS.admin.password };

beforeAll(async () => {
  const key = path.join(tmp.dir, 'key.pem');
  const cert = path.join(tmp.dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  certPem = readFileSync(cert, 'utf8');
  // "sha256 Fingerprint=AB:CD:..." computed by openssl, not by Node.
  opensslFingerprint = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1];
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'), { tls: { cert: certPem, key: readFileSync(key, 'utf8') } });
  url = `https://localhost:${sandbox.port}`;
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

const client = (tls?: TlsSettings) => createFortiSoarClient({ url, credentials, tls, env: {} });

async function failure(p: Promise<unknown>): Promise<PublishError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PublishError);
  return e as PublishError;
}

describe('a self-signed server certificate', () => {
  it('is refused by default, with its fingerprint and what to do', async () => {
    const e = await failure(client().login());
    expect(e.kind).toBe('tls');
    expect(e.details.fingerprint).toBe(opensslFingerprint);
    expect(e.message).toMatch(/not trusted \(TLS: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)\. Its SHA-256 fingerprint is [0-9A-F:]{95}\..*accept it in the profile/s);
  });

  it('test connection stops at TLS and shows the certificate to accept', async () => {
    const t = await testConnection({ url, credentials, env: {} });
    expect(t.ok).toBe(false);
    expect(t.failedStep).toBe('tls');
    expect(t.steps.map((s) => `${s.step}:${s.status}`)).toEqual(['dns:ok', 'tcp:ok', 'tls:failed', 'auth:skipped', 'permission:skipped']);
    expect(t.certificate).toMatchObject({ sha256: opensslFingerprint, subject: 'CN=localhost', selfSigned: true });
  });

  it('can be inspected before it is accepted', async () => {
    const peek = await peekCertificate(new URL(url), { env: {} });
    expect(peek).toMatchObject({ trusted: false, certificate: { sha256: opensslFingerprint } });
  });

  it('is accepted when pinned by its SHA-256, in any spelling, and publishing works', async () => {
    expect(await client({ pinnedSha256: opensslFingerprint.replace(/:/g, '').toLowerCase() }).checkCredentials()).toMatchObject({ status: 200 });
    const t = await testConnection({ url, credentials, env: {}, tls: { pinnedSha256: opensslFingerprint } });
    expect(t).toMatchObject({ ok: true });
    const folder = copySample(path.join(tmp.dir, 'src'));
    const outcome = await publishConnector(client({ pinnedSha256: opensslFingerprint }), folder, { pollIntervalMs: 30, sleep: () => sandbox.settled() });
    expect(outcome.result).toBe('success');
  });

  it('is refused when the pin is another certificate, saying both fingerprints', async () => {
    const wrong = 'AA:'.repeat(31) + 'AA';
    const e = await failure(client({ pinnedSha256: wrong }).login());
    expect(e.kind).toBe('tls-fingerprint');
    expect(e.message).toContain(`it is ${opensslFingerprint}, the profile accepts ${wrong}`);
    expect(e.message).toMatch(/confirm the new fingerprint with the administrator/);
  });

  it('is accepted through a custom CA bundle that holds it', async () => {
    expect((await client({ ca: certPem }).checkCredentials()).status).toBe(200);
  });

  it('is still checked against the host name when trusted through a CA', async () => {
    const key = path.join(tmp.dir, 'other-key.pem');
    const cert = path.join(tmp.dir, 'other-cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=other.example', '-addext', 'subjectAltName=DNS:other.example'], { stdio: 'ignore' });
    const other = await sandboxWithUsers(path.join(tmp.dir, 'other'), { tls: { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') } });
    try {
      const c = createFortiSoarClient({ url: `https://localhost:${other.port}`, credentials, tls: { ca: readFileSync(cert, 'utf8') }, env: {} });
      const e = await failure(c.login());
      expect(e.kind).toBe('tls');
      expect(e.message).toMatch(/certificate is not for "localhost"/);
    } finally {
      await other.close();
    }
  });
});
