/** The publish service facade the UI channels call, end to end against the sandbox. */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPublishService } from '../services/publish/publish-service';
import type { PublishProgress } from '../services/publish/publish-flow';
import { createFileSecretStore } from '../services/secrets/file-secret-store';
import type { Sandbox } from './server';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const tmp = tempDir('cs-publish-service-');
const userDataDir = path.join(tmp.dir, 'user');
const service = createPublishService({ userDataDir, secrets: createFileSecretStore(userDataDir), env: {} });
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;

beforeAll(async () => {
  intel = await startIntelStub();
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

it('tests an unsaved profile, saves it, pre-flights, publishes with progress and records the history', async () => {
  const input = { name: 'Local sandbox', url: sandbox.url, auth: 'password' as const, username: USERS.admin.name, secret: USERS.admin.password };
  expect((await service.testConnection({ profile: input })).ok).toBe(true);
  const wrong = await service.testConnection({ profile: { ...input, secret: 'nope' } });
  expect(wrong).toMatchObject({ ok: false, failedStep: 'auth' });
  const profile = await service.saveProfile(input);
  expect(await service.listProfiles()).toEqual([profile]);
  expect((await service.testConnection({ profileId: profile.id })).ok).toBe(true);

  const source = copySample(tmp.dir);
  expect(await service.preflight(profile.id, source)).toMatchObject({ blocked: false, installed: [], connector: { name: 'sample-threat-intel' } });
  const progress: PublishProgress[] = [];
  const outcome = await service.publish(
    { profileId: profile.id, source, projectKey: 'p1', health: { create: { name: 'default', values: { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false } } } },
    (p) => progress.push(p),
  );
  expect(outcome).toMatchObject({ result: 'success', health: { status: 'Available' } });
  expect(progress.at(-1)).toMatchObject({ stage: 'done' });
  expect(await service.installedVersions(profile.id, 'sample-threat-intel')).toMatchObject([{ version: '1.0.0', configurations: [{ name: 'default' }] }]);
  expect(await service.history('p1')).toMatchObject([{ server: 'Local sandbox', version: '1.0.0', result: 'success' }]);
});
