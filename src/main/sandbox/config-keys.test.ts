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

beforeAll(async () => {
  vendor = await startOAuthVendor();
  archive = await prepareArchive(fixture('token-refresh'));
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  client = createFortiSoarClient({ url: sandbox.url, credentials: { kind: 'apiKey', apiKey: USERS.apiKey }, env: {} });
});
afterAll(async () => {
  await sandbox?.close();
  await archive?.dispose();
  await vendor?.close();
  tmp.dispose();
});

describe('the configuration a connector receives from the sandbox', () => {
  it('carries config_id, name and status in the health check and in execute', async () => {
    const record = await client.installConnector(archive.bytes, 'token-refresh-1.0.0.tgz');
    await sandbox.settled();
    const config = { server_url: vendor.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret };
    const created = await client.createConfiguration({ connector: record.id, connector_name: 'token-refresh', connector_version: '1.0.0', name: 'oauth', default: true, config });

    expect(await client.healthCheck('token-refresh', '1.0.0', created.config_id)).toMatchObject({ status: 'Available', config_id: created.config_id });
    const run = await client.execute({ connector: 'token-refresh', version: '1.0.0', config: created.config_id, operation: 'set_expiry', params: { token_expires: '1' } });
    expect(run).toMatchObject({ status: 'Success', data: { saved: true } });
    // The keys are the server's, handed to the connector: the stored configuration holds only its fields.
    expect((await client.listConfigurations())[0]?.config).not.toHaveProperty('config_id');
  });
});
