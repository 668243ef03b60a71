/** Issue 14: the sandbox hands a connector its stored configuration as FortiSOAR does, with config_id, name and
 * status added. The token-refresh fixture reads config['config_id'], config['name'] and config['status'] in its
 * health check and config['config_id'] in execute: without them it fails with a KeyError. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH_CLIENT, startOAuthVendor, type OAuthVendor } from '../../../tests/helpers/oauth-vendor';
import { prepareArchive, type PreparedArchive } from '../services/publish/archive';
import { createFortiSoarClient, type FortiSoarClient } from '../services/publish/client';
import { fixture } from '../services/runtime/test-kit';
import type { Sandbox } from './server';
import { USERS, sandboxWithUsers, tempDir } from './test-kit';

const tmp = tempDir('cs-sandbox-config-keys-');
let vendor: OAuthVendor;
let archive: PreparedArchive;
let sandbox: Sandbox;
let client: FortiSoarClient;
let record: { id: number };

beforeAll(async () => {
  vendor = await startOAuthVendor();
  archive = await prepareArchive(fixture('token-refresh'));
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  client = createFortiSoarClient({ url: sandbox.url, credentials: { kind: 'apiKey', apiKey: USERS.apiKey }, env: {} });
  record = await client.installConnector(archive.bytes, 'token-refresh-1.0.0.tgz');
  await sandbox.settled();
});
afterAll(async () => {
  await sandbox?.close();
  await archive?.dispose();
  await vendor?.close();
  tmp.dispose();
});

describe('the configuration a connector receives from the sandbox', () => {
  it('carries config_id, name and status in the health check and in execute', async () => {
    const config = { server_url: vendor.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret };
    const created = await client.createConfiguration({ connector: record.id, connector_name: 'token-refresh', connector_version: '1.0.0', name: 'oauth', default: true, config });

    expect(await client.healthCheck('token-refresh', '1.0.0', created.config_id)).toMatchObject({ status: 'Available', config_id: created.config_id });
    const run = await client.execute({ connector: 'token-refresh', version: '1.0.0', config: created.config_id, operation: 'set_expiry', params: { token_expires: '1' } });
    expect(run).toMatchObject({ status: 'Success', data: { saved: true } });
    // The keys are the server's, handed to the connector: the stored configuration holds only its fields.
    expect((await client.listConfigurations())[0]?.config).not.toHaveProperty('config_id');
  });

  it('keeps what the connector saves with update_connnector_config, as the configuration store of a server does', async () => {
    const config = { server_url: vendor.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret };
    const created = await client.createConfiguration({ connector: record.id, connector_name: 'token-refresh', connector_version: '1.0.0', name: 'kept', default: false, config });
    const stored = async () => (await client.listConfigurations()).find((c) => c.config_id === created.config_id)?.config ?? {};

    // Before any health check there is no token, and the vendor refuses the action.
    expect(await client.execute({ connector: 'token-refresh', version: '1.0.0', config: created.config_id, operation: 'whoami', params: {} })).toMatchObject({ status: 'Failed', message: expect.stringMatching(/Unauthorized/) as unknown });
    expect(await client.healthCheck('token-refresh', '1.0.0', created.config_id)).toMatchObject({ status: 'Available' });
    expect(Number((await stored()).token_expires)).toBeGreaterThan(Date.now() / 1000);
    // The token the health check saved reaches the next action.
    expect(await client.execute({ connector: 'token-refresh', version: '1.0.0', config: created.config_id, operation: 'whoami', params: {} })).toMatchObject({ status: 'Success' });
    // An update saved during an action is kept too (the connector names its configuration by config_id).
    await client.execute({ connector: 'token-refresh', version: '1.0.0', config: created.config_id, operation: 'set_expiry', params: { token_expires: '1', config_id: created.config_id } });
    expect(await stored()).toMatchObject({ token_expires: '1', client_id: OAUTH_CLIENT.id });
    expect(await stored()).not.toHaveProperty('status');
  });
});
