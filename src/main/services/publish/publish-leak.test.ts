/** No credential outside the secret store: a publish through the router with each authentication scheme
 * (password, API key, HMAC), with a remote health check whose configuration is created from a local test
 * configuration holding a password value. Every secret is a unique canary; after each publish no form of any of
 * them (plain, URL-encoded, base64, JSON-escaped) may be in the user data folder (settings, profiles, history,
 * logs, the kept archive), the project folder, its git objects, the progress events or the result. The
 * encrypted secret store is scanned too: it must not hold them in the clear either. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForms, gitObjects, makeCanary, scanFiles, secretForms, type Leak } from '../../../../tests/helpers/leak-scan';
import { dispatchJob } from '../../../../tests/helpers/jobs';
import { must, servicesOnSample } from '../../../../tests/helpers/services';
import type { ProfileAuth } from '../../../shared/models/publish';
import { unseal } from '../../sandbox/secrets-at-rest';
import { sandboxWithUsers, tempDir } from '../../sandbox/test-kit';
import type { Sandbox } from '../../sandbox/server';
import type { Services } from '../index';
import { dispatch } from '../router';

const SECRETS = { password: makeCanary(), apiKey: makeCanary(), hmacPrivate: makeCanary(), configPassword: makeCanary() };
const USER = 'leak-admin';
const HMAC_PUBLIC = 'leak-hmac-public';
const FORMS = new Map<string, string>();
for (const [name, secret] of Object.entries(SECRETS))
  for (const [value, form] of secretForms(secret, name === 'password' ? { basicUser: USER } : {})) FORMS.set(value, `${name} (${form})`);

const tmp = tempDir('cs-pub-leak-');
let sandbox: Sandbox;
let vendor: { url: string; close(): Promise<void> };
let s: Services;
let projectId: string;
let projectRoot: string;
let userDataDir: string;
let testConfigId: string;


/** The service the sample connector's health check calls: it answers only the configuration's password. */
async function startVendor(): Promise<typeof vendor> {
  const server = http.createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${SECRETS.configPassword}`;
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? { status: 'ok' } : { error: 'bad key' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

beforeAll(async () => {
  [sandbox, vendor] = await Promise.all([
    sandboxWithUsers(path.join(tmp.dir, 'sandbox'), {
      users: [{ name: USER, password: SECRETS.password }],
      apiKeys: [{ key: SECRETS.apiKey }],
      hmacKeys: [{ publicKey: HMAC_PUBLIC, privateKey: SECRETS.hmacPrivate }],
    }),
    startVendor(),
  ]);
  ({ services: s, projectId, projectRoot, userDataDir } = await servicesOnSample(tmp.dir));
  must(await dispatch(s, 'git.init', { projectId }));
  must(await dispatch(s, 'git.commitAll', { projectId, message: 'first' }));
  const saved = must(await dispatch(s, 'testConfig.save', { projectId, config: { name: 'Leak vendor', values: { server_url: vendor.url, api_key: SECRETS.configPassword, verify_ssl: false } } }));
  testConfigId = saved.config.id;
}, 60_000);
afterAll(async () => {
  await s?.dispose();
  await Promise.all([sandbox?.close(), vendor?.close()]);
  tmp.dispose();
});

const SCHEMES: Array<{ auth: ProfileAuth; secret: keyof typeof SECRETS }> = [
  { auth: 'password', secret: 'password' },
  { auth: 'apiKey', secret: 'apiKey' },
  { auth: 'hmac', secret: 'hmacPrivate' },
];

describe('no credential outside the secret store after a publish', () => {
  let publishes = 0;

  it.each(SCHEMES)('with a $auth profile', async ({ auth, secret }) => {
    const profile = must(
      await dispatch(s, 'publish.saveProfile', {
        profile: { name: `Leak ${auth}`, url: sandbox.url, auth, secret: SECRETS[secret], ...(auth === 'password' ? { username: USER } : {}), ...(auth === 'hmac' ? { hmacPublicKey: HMAC_PUBLIC } : {}) },
      }),
    );
    // Both go to every window and browser tab, not only to the one that asked.
    const events: unknown[] = [];
    const off = s.events.subscribe((name, p) => (name === 'publish.progress' || name === 'publish.done') && events.push(p));
    const out = must(
      (await dispatchJob(s, 'publish.run', { runId: `leak-${auth}`, projectId, profileId: profile.id, replace: true, health: { fromTestConfig: testConfigId }, tag: publishes === 0 })).done,
    );
    off();
    publishes++;
    // The configuration's password reached the server: only it makes the vendor answer, so the check passed.
    expect(out).toMatchObject({ result: 'success', health: { status: 'Available' } });

    // The uploaded archive is kept in the user data folder, named in the result and the history, hash and all.
    expect(out.archivePath?.startsWith(path.join(userDataDir, 'publish', 'archives'))).toBe(true);
    expect(createHash('sha256').update(await readFile(out.archivePath!)).digest('hex')).toBe(out.archiveSha256);
    const [latest] = must(await dispatch(s, 'publish.history', { projectId }));
    expect(latest).toMatchObject({ result: 'success', archivePath: out.archivePath, archiveSha256: out.archiveSha256 });

    const leaks: Leak[] = [...findForms('publish result', JSON.stringify(out), FORMS), ...findForms('progress and done events', JSON.stringify(events), FORMS)];
    // The user data folder (secret store, profiles, history, kept archives, logs) and the project with .git.
    const scanned = await scanFiles([userDataDir, projectRoot], FORMS);
    leaks.push(...scanned.leaks);
    expect(scanned.files).toContain(path.join(userDataDir, 'secrets.json'));
    expect(scanned.files).toContain(out.archivePath);
    expect(scanned.files.some((f) => f.startsWith(path.join(userDataDir, 'logs')) && f.endsWith('.log'))).toBe(true);
    expect(scanned.files.some((f) => f.startsWith(path.join(userDataDir, 'publish', 'history')))).toBe(true);
    const objects = gitObjects(projectRoot);
    expect(objects.count).toBeGreaterThan(0);
    leaks.push(...findForms('git objects', objects.content, FORMS));
    expect(leaks).toEqual([]);
    // The sandbox, as a server does, keeps the configuration's password, but only sealed: the scan finds no form
    // of it in its folder, and does find it once the sealed values are opened with the sandbox's key.
    const sandboxDir = path.join(tmp.dir, 'sandbox');
    expect((await scanFiles([sandboxDir], FORMS)).leaks).toEqual([]);
    const state = JSON.parse(await readFile(path.join(sandboxDir, 'state.json'), 'utf8')) as { configurations: Array<{ config_id: string; sealedSecrets: string }> };
    const key = await readFile(path.join(sandboxDir, 'state.key'));
    const opened = state.configurations.map((c) => unseal(key, c.sealedSecrets, c.config_id));
    expect(findForms('sandbox configurations, opened', JSON.stringify(opened), FORMS).map((l) => l.form)).toContain('configPassword (plain)');
  }, 90_000);

  it('tagged the first publish, and the tag holds no credential either', () => {
    expect(execFileSync('git', ['tag', '--list'], { cwd: projectRoot, encoding: 'utf8' }).trim()).toBe('v1.0.0');
    expect(findForms('git objects', gitObjects(projectRoot).content, FORMS)).toEqual([]);
  });
});
