/** The client against the golden transcripts (tests/fixtures/fortisoar-api): every request it sends must be
 * the reference's, and it must read the reference's answers. No sandbox involved. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareArchive, type PreparedArchive } from './archive';
import { createFortiSoarClient, type Credentials } from './client';
import { PublishError } from './errors';
import { GOLDEN_DIR, loadTranscript, startReplayServer, type ReplayServer } from './golden-kit';

const SAMPLE = path.resolve(GOLDEN_DIR, '../../../resources/samples/connector-sample-threat-intel/sample-threat-intel');
const PASSWORD: Credentials = { kind: 'password', username: 'csadmin', password: 'Sandbox-Pa55' };
const used = new Set<string>();
let pkg: PreparedArchive;
let replay: ReplayServer | undefined;

beforeAll(async () => {
  pkg = await prepareArchive(SAMPLE);
});
afterAll(async () => {
  await pkg.dispose();
});

/** A client talking to a replay server of these transcripts, in this order. */
async function session(names: string[], credentials: Credentials = PASSWORD, vars: Record<string, unknown> = {}) {
  names.forEach((n) => used.add(n));
  await replay?.close();
  replay = await startReplayServer(names.map(loadTranscript), vars);
  return createFortiSoarClient({ url: replay.url, credentials, env: {} });
}

function played(count: number) {
  expect(replay!.problems).toEqual([]);
  expect(replay!.served()).toBe(count);
}

async function failure(p: Promise<unknown>): Promise<PublishError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PublishError);
  return e as PublishError;
}

afterAll(async () => replay?.close());

describe('client against the golden transcripts', () => {
  it('signs in with loginid/password, then sends the token as Bearer', async () => {
    const client = await session(['login', 'list']);
    const page = await client.listConnectors({ name: 'sample-threat-intel', page: 1, pageSize: 30 });
    expect(page.data[0]).toMatchObject({ id: 12, version: '1.0.0', configuration: [{ name: 'default', default: true }] });
    played(2);
  });

  it('translates a Hydra 401 at sign-in', async () => {
    const client = await session(['login-bad-password'], { ...PASSWORD, password: 'wrong-password' });
    const e = await failure(client.login());
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/refused the user name or password \(HTTP 401\)/);
    played(1);
  });

  it('signs in again once when the token has expired, and retries', async () => {
    const client = await session(['login', 'token-expired', 'login', 'list']);
    await client.login();
    expect((await client.listConnectors({ name: 'sample-threat-intel', page: 1, pageSize: 30 })).totalItems).toBe(1);
    played(4);
  });

  it('checks an API key: accepted, refused (401), restricted (403)', async () => {
    let client = await session(['apikey-check'], { kind: 'apiKey', apiKey: '3f1c2a9e8b7d4c6f' });
    expect((await client.checkCredentials()).status).toBe(200);
    played(1);
    client = await session(['apikey-bad'], { kind: 'apiKey', apiKey: 'not-a-key' });
    expect((await failure(client.checkCredentials())).kind).toBe('auth');
    played(1);
    client = await session(['apikey-restricted'], { kind: 'apiKey', apiKey: '9a8b7c6d5e4f3a2b' });
    expect((await client.checkCredentials()).status).toBe(403);
    played(1);
  });

  it('uploads the package as multipart "file" and reads the import job', async () => {
    const client = await session(['login', 'upload', 'import-job']);
    const progress: number[] = [];
    const record = await client.installConnector(pkg.bytes, 'sample-threat-intel.tgz', { onProgress: (sent) => progress.push(sent) });
    expect(record).toMatchObject({ id: 12, requirements_installed: 'In-Progress', importJob: { uuid: '7c9e6679-7425-40de-944b-e07fc1f90ae7' } });
    expect(progress.at(-1)).toBeGreaterThan(pkg.bytes.length);
    expect((await client.importJob(record.importJob!.uuid)).status).toBe('Import Complete');
    played(3);
  });

  it('adds &$replace=true only when replacing, and translates a conflict', async () => {
    let client = await session(['login', 'upload-conflict']);
    const e = await failure(client.installConnector(pkg.bytes, 'sample-threat-intel.tgz', { replace: false }));
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/Connector with same name is already active.*Replace/s);
    played(2);
    client = await session(['login', 'upload-replace']);
    expect((await client.installConnector(pkg.bytes, 'sample-threat-intel.tgz', { replace: true })).id).toBe(12);
    played(2);
  });

  it('reads details by name and version, and by id, with POST {}', async () => {
    const client = await session(['login', 'details', 'details-by-id']);
    expect((await client.connectorDetails('sample-threat-intel', '1.0.0')).config_schema?.fields).toHaveLength(3);
    expect((await client.connectorDetails(12)).requirements_installed).toBe('Completed');
    played(3);
  });

  it('creates a configuration', async () => {
    const client = await session(['login', 'config-create'], PASSWORD, { intelUrl: 'http://127.0.0.1:8443' });
    const config = await client.createConfiguration({
      connector: 12,
      connector_name: 'sample-threat-intel',
      connector_version: '1.0.0',
      name: 'default',
      default: true,
      config: { server_url: 'http://127.0.0.1:8443', api_key: 'intel-key-123', verify_ssl: false },
    });
    expect(config.config_id).toBe('5e4f1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f');
    played(2);
  });

  it('checks health, and explains a connector without configuration', async () => {
    let client = await session(['login', 'health']);
    expect(await client.healthCheck('sample-threat-intel', '1.0.0', '5e4f1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f')).toMatchObject({ status: 'Available' });
    played(2);
    client = await session(['login', 'health-no-config']);
    expect((await failure(client.healthCheck('sample-threat-intel', '1.0.0'))).message).toMatch(/has no configuration on the server/);
    played(2);
  });

  it('executes an action; an action error is a Failed result, a missing configuration an error', async () => {
    const run = { connector: 'sample-threat-intel', version: '1.0.0', config: '5e4f1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f', operation: 'get_ip_reputation' };
    let client = await session(['login', 'execute']);
    expect(await client.execute({ ...run, params: { ip: '8.8.8.8' } })).toMatchObject({ status: 'Success', data: { reputation: 'clean' } });
    played(2);
    client = await session(['login', 'execute-error']);
    expect(await client.execute({ ...run, params: { ip: '' } })).toMatchObject({ status: 'Failed', message: /An IP address is required/ });
    played(2);
    client = await session(['login', 'execute-missing-config']);
    const e = await failure(client.execute({ ...run, config: 'no-such-config', params: { ip: '8.8.8.8' } }));
    expect(e.details.serverMessage).toMatch(/^INTEGRATION-12/);
    played(2);
  });

  it('explains the trailing-slash 403 "Could not validate HMAC fingerprint"', async () => {
    const client = await session(['login', 'trailing-slash']);
    const e = await failure(client.request('GET', '/api/integration/connectors?name=sample-threat-intel'));
    expect(e.kind).toBe('hmac-trailing-slash');
    expect(e.message).toMatch(/does not end with "\/", whatever the credentials/);
    played(2);
  });

  it('uninstalls by id', async () => {
    const client = await session(['login', 'uninstall']);
    await client.uninstallConnector(12);
    played(2);
  });

  it('exercised every transcript', () => {
    const all = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json') && f !== 'hmac-example.json').map((f) => f.replace(/\.json$/, ''));
    // details-empty-body and config-duplicate describe server behaviour our client never provokes.
    expect(all.filter((n) => !used.has(n)).sort()).toEqual(['config-duplicate', 'details-empty-body']);
  });
});
