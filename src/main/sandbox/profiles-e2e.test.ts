/** Server profiles and the publish history: settings on disk, secrets only in the secret store, checked by
 * reading every file the user data folder holds after real publishes. */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../services/secrets/file-secret-store';
import { createFortiSoarClient } from '../services/publish/client';
import { createPublishHistory } from '../services/publish/history';
import { createServerProfileStore } from '../services/publish/profiles';
import { publishConnector } from '../services/publish/publish-flow';
import type { Sandbox } from './server';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-profiles-');
const userData = path.join(tmp.dir, 'user');
const secrets = createFileSecretStore(userData);
const profiles = createServerProfileStore(userData, secrets);
const history = createPublishHistory(userData);
const sandboxLog: string[] = [];
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;

beforeAll(async () => {
  intel = await startIntelStub();
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'), { log: (l) => sandboxLog.push(l) });
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const forms = (s: string) => [s, Buffer.from(s).toString('base64'), encodeURIComponent(s), Buffer.from(`${USERS.admin.name}:${s}`).toString('base64')];

describe('server profiles', () => {
  it('validates input and keeps secrets out of profiles.json', async () => {
    await expect(profiles.save({ name: 'x', url: 'ftp://a', auth: 'apiKey' })).rejects.toThrow(/https:\/\//);
    await expect(profiles.save({ name: 'x', url: 'https://u:p@a', auth: 'apiKey' })).rejects.toThrow(/not in the URL/);
    await expect(profiles.save({ name: 'x', url: 'https://a', auth: 'password' })).rejects.toThrow(/user name/);
    await expect(profiles.save({ name: 'x', url: 'https://a', auth: 'apiKey', tls: { pinnedSha256: 'abc' } })).rejects.toThrow(/64 hexadecimal/);
    const p = await profiles.save({ name: 'Sandbox', url: `${sandbox.url}/some/path`, auth: 'password', username: USERS.admin.name, secret: USERS.admin.password });
    expect(p).toMatchObject({ url: sandbox.url, secretSet: true, tls: {} });
    await expect(profiles.save({ name: 'Sandbox', url: sandbox.url, auth: 'apiKey' })).rejects.toThrow(/exists already/);
    const pinned = await profiles.pinCertificate(p.id, 'ab'.repeat(32));
    expect(pinned.tls.pinnedSha256).toBe(Array(32).fill('AB').join(':'));
    expect((await profiles.pinCertificate(p.id, undefined)).tls.pinnedSha256).toBeUndefined();
    expect((await profiles.get(p.id)).secretSet).toBe(true);
  });

  it('publishes through each kind of profile, and nothing secret lands outside the secret store', async () => {
    const kinds = [
      (await profiles.list())[0],
      await profiles.save({ name: 'Key', url: sandbox.url, auth: 'apiKey', secret: USERS.apiKey }),
      await profiles.save({ name: 'Hmac', url: sandbox.url, auth: 'hmac', hmacPublicKey: USERS.hmac.publicKey, secret: USERS.hmac.privateKey }),
    ];
    let version = 0;
    for (const profile of kinds) {
      const folder = copySample(path.join(tmp.dir, `src-${profile.name}`));
      const info = path.join(folder, 'info.json');
      writeFileSync(info, readFileSync(info, 'utf8').replace('"version": "1.0.0"', `"version": "1.0.${version++}"`));
      const client = createFortiSoarClient({ ...(await profiles.clientOptions(profile.id)), env: {} });
      const outcome = await publishConnector(client, folder, {
        pollIntervalMs: 30,
        sleep: () => sandbox.settled(), // between polls: the sandbox's background work, not a real interval
        health: { create: { name: 'from-test-config', values: { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false } } },
        history: { store: history, projectKey: 'project-1', server: profile.name },
      });
      expect(outcome.result).toBe('success');
    }
    // A failed publish is recorded too, and its message is safe to keep.
    const bad = createFortiSoarClient({ url: sandbox.url, credentials: { kind: 'password', username: USERS.admin.name, password: `${USERS.admin.password}-wrong` }, env: {} });
    await expect(publishConnector(bad, copySample(path.join(tmp.dir, 'bad')), { history: { store: history, projectKey: 'project-1', server: sandbox.url } })).rejects.toThrow(/401/);
    const entries = await history.list('project-1');
    expect(entries.map((e) => e.result)).toEqual(['success', 'success', 'success', 'error:auth']);
    expect(entries[0]).toMatchObject({ server: 'Sandbox', connector: 'sample-threat-intel', version: '1.0.0', archiveSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const secretsList = [USERS.admin.password, USERS.apiKey, USERS.hmac.privateKey, INTEL_KEY];
    const store = new Set(['secrets.json', 'secret.key']);
    const files = filesUnder(userData).filter((f) => !store.has(path.basename(f)));
    expect(files.map((f) => path.relative(userData, f)).sort()).toEqual([path.join('publish', 'history', 'project-1.json'), path.join('publish', 'profiles.json')]);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const s of secretsList) for (const form of forms(s)) expect(text, `${f} holds a secret`).not.toContain(form);
    }
    const sandboxLines = sandboxLog.join('\n');
    for (const s of secretsList) expect(sandboxLines).not.toContain(s);
    for (const s of secretsList) expect(readFileSync(path.join(userData, 'secrets.json'), 'utf8')).not.toContain(s);
  });

  it('removing a profile removes its secret', async () => {
    const p = (await profiles.list()).find((x) => x.name === 'Key')!;
    await profiles.remove(p.id);
    await expect(profiles.clientOptions(p.id)).rejects.toThrow(/No server profile/);
    expect(await secrets.get(`publish:${p.id}:apiKey`)).toBeUndefined();
  });
});
