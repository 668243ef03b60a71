/** Every method of the FortiSOAR client against a real sandbox over HTTP, once per authentication scheme
 * (user name and password, API key, HMAC key pair): list, details, upload and import job, configurations
 * (create, update, delete), health check, execute, replace, uninstall, and a refused credential. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../../tests/helpers/test-clock';
import { prepareArchive, type PreparedArchive } from '../services/publish/archive';
import { createFortiSoarClient, type Credentials, type FortiSoarClient } from '../services/publish/client';
import { PublishError } from '../services/publish/errors';
import type { Sandbox } from './server';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from './test-kit';

const NAME = 'sample-threat-intel';
const VERSION = '1.0.0';

const SCHEMES: Array<{ scheme: string; good: Credentials; bad: Credentials }> = [
  {
    scheme: 'password',
    good: { kind: 'password', username: USERS.admin.name, password: USERS.admin.password },
    bad: { kind: 'password', username: USERS.admin.name, password: 'not-the-password' },
  },
  { scheme: 'API key', good: { kind: 'apiKey', apiKey: USERS.apiKey }, bad: { kind: 'apiKey', apiKey: 'not-a-key' } },
  {
    scheme: 'HMAC',
    good: { kind: 'hmac', publicKey: USERS.hmac.publicKey, privateKey: USERS.hmac.privateKey },
    bad: { kind: 'hmac', publicKey: USERS.hmac.publicKey, privateKey: 'not-the-private-key' },
  },
];

const tmp = tempDir('cs-client-matrix-');
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let archive: PreparedArchive;

beforeAll(async () => {
  intel = await startIntelStub();
  archive = await prepareArchive(copySample(path.join(tmp.dir, 'src')));
});
afterAll(async () => {
  await archive?.dispose();
  await intel?.close();
  tmp.dispose();
});

async function failure(p: Promise<unknown>): Promise<PublishError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PublishError);
  return e as PublishError;
}

/** Reads once the sandbox's background work (the import job, the requirements install) has ended: the read
 * then shows the final state, with no polling. */
async function afterBackgroundWork<T>(sandbox: Sandbox, read: () => Promise<T>): Promise<T> {
  await sandbox.settled();
  return read();
}

describe.each(SCHEMES)('the client against the sandbox with $scheme', ({ good, bad }) => {
  let sandbox: Sandbox;
  let client: FortiSoarClient;
  // One clock for the sandbox and the client: an identical HMAC request (deleting twice) waits for the next second
  // on it, not for real.
  const clock = testClock();
  let id: number;
  let configId: string;
  const goodValues = { server_url: '', api_key: INTEL_KEY, verify_ssl: false };

  beforeAll(async () => {
    // One server per scheme: each starts empty, so every step sees only what this scheme did.
    sandbox = await sandboxWithUsers(path.join(tmp.dir, `data-${good.kind}`), { now: clock.now });
    client = createFortiSoarClient({ url: sandbox.url, credentials: good, env: {}, now: clock.now, sleep: clock.sleep });
    goodValues.server_url = intel.url;
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('signs in (a token for a password, nothing to exchange otherwise) and reads users', async () => {
    expect(client.authKind).toBe(good.kind);
    expect(client.baseUrl).toBe(sandbox.url);
    await client.login();
    const people = await client.checkCredentials();
    expect(people.status).toBe(200);
  });

  it('refuses a wrong credential with a translated 401', async () => {
    const wrong = createFortiSoarClient({ url: sandbox.url, credentials: bad, env: {} });
    const e = await failure(wrong.checkCredentials());
    expect(e.kind).toBe('auth');
    expect(e.details.status).toBe(401);
  });

  it('lists no connector before the upload', async () => {
    expect(await client.listConnectors({ name: NAME, pageSize: 100 })).toMatchObject({ totalItems: 0, data: [] });
  });

  it('uploads with progress, and the import job and requirements install complete', async () => {
    const sent: Array<[number, number]> = [];
    const record = await client.installConnector(archive.bytes, `${NAME}-${VERSION}.tgz`, { onProgress: (s, t) => sent.push([s, t]) });
    expect(record).toMatchObject({ name: NAME, version: VERSION, importJob: { uuid: expect.any(String) } });
    expect(sent.at(-1)?.[0]).toBe(sent.at(-1)?.[1]);
    id = record.id;
    const job = await afterBackgroundWork(sandbox, () => client.importJob(record.importJob!.uuid));
    expect(job.status).toBe('Import Complete');
    const details = await afterBackgroundWork(sandbox, () => client.connectorDetails(id));
    expect(details).toMatchObject({ id, name: NAME, version: VERSION, requirements_installed: 'Completed' });
  });

  it('finds it in the list and in the details by id, by name and by name and version', async () => {
    const page = await client.listConnectors({ name: NAME, page: 1, pageSize: 100 });
    expect(page).toMatchObject({ totalItems: 1, data: [{ id, name: NAME, version: VERSION }] });
    expect((await client.listConnectors()).data.map((c) => c.id)).toContain(id);
    expect(await client.connectorDetails(NAME, VERSION)).toMatchObject({ id, operations: expect.arrayContaining([expect.objectContaining({ operation: 'get_ip_reputation' })]) });
    expect(await client.connectorDetails(NAME)).toMatchObject({ id });
  });

  it('says a health check needs a configuration when there is none', async () => {
    const e = await failure(client.healthCheck(NAME, VERSION));
    expect(e.details).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('creates a configuration, lists it with the password masked, and passes the health check with it', async () => {
    const created = await client.createConfiguration({ connector: id, connector_name: NAME, connector_version: VERSION, name: 'matrix', default: true, config: goodValues });
    expect(created).toMatchObject({ name: 'matrix', connector: id, default: true });
    configId = created.config_id;
    const listed = (await client.listConfigurations()).find((c) => c.config_id === configId);
    expect(listed).toMatchObject({ name: 'matrix', config: { server_url: intel.url } });
    expect(JSON.stringify(listed)).not.toContain(INTEL_KEY);
    expect(await client.healthCheck(NAME, VERSION, configId)).toMatchObject({ status: 'Available', config_id: configId });
    expect(await client.healthCheck(NAME, VERSION)).toMatchObject({ status: 'Available' });
  });

  it('runs an action through the configuration', async () => {
    const r = await client.execute({ connector: NAME, version: VERSION, config: configId, operation: 'get_ip_reputation', params: { ip: '192.0.2.1' } });
    expect(r).toMatchObject({ status: 'Success', data: { ip: '192.0.2.1', reputation: 'clean' } });
  });

  it('updates the configuration: a new name and a wrong key turn health and actions into failures', async () => {
    const updated = await client.updateConfiguration(configId, {
      connector: id, connector_name: NAME, connector_version: VERSION, name: 'matrix-renamed', config_id: configId, default: true, config: { ...goodValues, api_key: 'wrong-key' },
    });
    expect(updated).toMatchObject({ config_id: configId, name: 'matrix-renamed' });
    expect((await client.listConfigurations()).filter((c) => c.config_id === configId).map((c) => c.name)).toEqual(['matrix-renamed']);
    const health = await client.healthCheck(NAME, VERSION, configId);
    expect(health.status).toBe('Disconnected');
    // The action's own failure (CS-INTEGRATION-5) is a Failed result, not a throw.
    const failed = await client.execute({ connector: NAME, version: VERSION, config: 'matrix-renamed', operation: 'get_ip_reputation', params: { ip: '192.0.2.1' } });
    expect(failed).toMatchObject({ status: 'Failed', message: expect.stringMatching(/^CS-INTEGRATION-5/) });
    // Updated back: available again.
    await client.updateConfiguration(configId, { connector: id, connector_name: NAME, connector_version: VERSION, name: 'matrix-renamed', config_id: configId, default: true, config: goodValues });
    expect((await client.healthCheck(NAME, VERSION, configId)).status).toBe('Available');
  });

  it('refuses the same version again without $replace, and replaces it with', async () => {
    const e = await failure(client.installConnector(archive.bytes, `${NAME}-${VERSION}.tgz`));
    expect(e.kind).toBe('conflict');
    const record = await client.installConnector(archive.bytes, `${NAME}-${VERSION}.tgz`, { replace: true });
    expect(record).toMatchObject({ name: NAME, version: VERSION });
    const job = await afterBackgroundWork(sandbox, () => client.importJob(record.importJob!.uuid));
    expect(job.status).toBe('Import Complete');
    id = record.id;
    expect((await client.listConnectors({ name: NAME })).totalItems).toBe(1);
  });

  it('deletes the configuration', async () => {
    await client.deleteConfiguration(configId);
    expect((await client.listConfigurations()).map((c) => c.config_id)).not.toContain(configId);
    const e = await failure(client.deleteConfiguration(configId));
    expect(e.details).toMatchObject({ kind: 'not-found', status: 404 });
    // Only an HMAC client signs anew in the next second, and it waited for it on the clock.
    expect(clock.slept.length > 0).toBe(good.kind === 'hmac');
  });

  it('uninstalls the version, and the details then say it is not installed', async () => {
    await client.uninstallConnector(id);
    expect(await client.listConnectors({ name: NAME })).toMatchObject({ totalItems: 0 });
    const e = await failure(client.connectorDetails(id));
    expect(e.details).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('hands back an accepted error status from a raw request instead of throwing', async () => {
    const r = await client.request('GET', '/api/integration/connectors/healthcheck/nothing/1.0.0/', { accept: [404] });
    expect(r.status).toBe(404);
  });
});
