/** Issue 14, configuration lifecycle as the server does it: every configuration the connector receives carries
 * config_id (stable), name and status; an update saved during a health check is kept as one saved during an
 * action (secrets to the secret store), so an OAuth connector's next action has its token. */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOAuthVendor, OAUTH_CLIENT, type OAuthVendor } from '../../../../tests/helpers/oauth-vendor';
import { FIXTURES_DIR, tmpDir } from '../../../../tests/helpers/tmp';
import { createEventBus } from '../events';
import { makeKit, type Kit } from '../runtime/test-kit';
import { createFileSecretStore } from '../secrets/file-secret-store';
import { createTestConfigStore } from './test-config-store';
import { createTestRunner } from './test-runner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

async function setup(connectorDir?: string) {
  const kit: Kit = makeKit();
  const vendor: OAuthVendor = await startOAuthVendor();
  cleanups.push(() => kit.dispose(), () => vendor.close());
  const userData = await tmpDir('cs-lifecycle-');
  const secrets = createFileSecretStore(userData, { keychain: null });
  const configs = createTestConfigStore(userData, secrets);
  const dir = connectorDir ?? kit.copy('token-refresh');
  const runner = createTestRunner({ runtime: () => kit.runtime, connectorDirOf: async () => dir, configs, events: createEventBus(), timeoutMs: () => 30_000 });
  const storeFile = path.join(userData, 'test-configs', 'p1.json');
  const values = { server_url: vendor.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret };
  return { runner, vendor, storeFile, values };
}

/** What the fixture's check_health logged about the configuration it received. */
const receivedBy = (logs: Array<{ message: string }>) => /health check of configuration (\S+) \((.+), status (\d)\)/.exec(logs.map((l) => l.message).join('\n'))?.slice(1);

describe('the configuration lifecycle of a test configuration', () => {
  it('keeps a token a health check saves, so the next action is authorized; secrets go to the secret store', async () => {
    const { runner, vendor, storeFile, values } = await setup();
    const { config } = await runner.saveConfig('p1', { name: 'oauth', values });

    const before = await runner.execute('p1', { runId: 'r0', operation: 'whoami', params: {}, configId: config.id });
    expect(before).toMatchObject({ status: 'Failed' });
    expect(before.message).toContain('Unauthorized');

    const health = await runner.health('p1', config.id);
    expect(health).toMatchObject({ status: 'Available', configSaved: { fields: ['access_token', 'token_expires'], target: 'oauth' } });
    expect(vendor.issued).toHaveLength(1);
    const token = vendor.issued[0]!;
    // The update carries the token in clear: it stays in the services, the UI gets the field names only.
    expect(health).not.toHaveProperty('configUpdates');
    expect(JSON.stringify(health)).not.toContain(token);

    const [saved] = await runner.listConfigs('p1');
    expect(saved!.secretsSet).toEqual(['access_token', 'client_secret']);
    expect(Number(saved!.values.token_expires)).toBeGreaterThan(Date.now() / 1000);
    const onDisk = await readFile(storeFile, 'utf8');
    expect(onDisk).not.toContain(token);
    expect(onDisk).not.toContain(OAUTH_CLIENT.secret);

    const after = await runner.execute('p1', { runId: 'r1', operation: 'whoami', params: {}, configId: config.id });
    expect(after).toMatchObject({ status: 'Success', data: { user: 'ada@example.test' } });
    // The saved token is still valid: the second health check fetches none and saves nothing.
    const again = await runner.health('p1', config.id);
    expect(again.status).toBe('Available');
    expect(again).not.toHaveProperty('configSaved');
    expect(vendor.issued).toHaveLength(1);
  });

  it('hands the connector the same config_id on every call, with the name and status the server adds', async () => {
    const { runner, values } = await setup();
    const { config } = await runner.saveConfig('p1', { name: 'first', values });
    expect(config.configId).toMatch(UUID);
    expect(config.configId).not.toBe(config.id);
    const one = receivedBy((await runner.health('p1', config.id)).logs);
    const two = receivedBy((await runner.health('p1', config.id)).logs);
    expect(one).toEqual([config.configId, 'first', '1']);
    expect(two).toEqual(one);
    // Renaming the configuration keeps its id, as on the server.
    await runner.saveConfig('p1', { id: config.id, name: 'renamed', values: {} });
    expect(receivedBy((await runner.health('p1', config.id)).logs)).toEqual([config.configId, 'renamed', '1']);
  });

  it('gives a configuration saved before config_id existed one on first use, and saves it', async () => {
    const { runner, storeFile, values } = await setup();
    const { config } = await runner.saveConfig('p1', { name: 'old', values });
    const stored = JSON.parse(await readFile(storeFile, 'utf8')) as Array<Record<string, unknown>>;
    await writeFile(storeFile, JSON.stringify(stored.map(({ configId: _dropped, ...rest }) => rest)));
    expect(await readFile(storeFile, 'utf8')).not.toContain('configId');

    const first = receivedBy((await runner.health('p1', config.id)).logs);
    expect(first?.[0]).toMatch(UUID);
    const migrated = JSON.parse(await readFile(storeFile, 'utf8')) as Array<{ configId: string }>;
    expect(migrated[0]!.configId).toBe(first?.[0]);
    expect(receivedBy((await runner.health('p1', config.id)).logs)?.[0]).toBe(first?.[0]);
  });

  it('saves an update into the configuration whose config_id the connector names, else the one it ran with', async () => {
    const { runner, values } = await setup();
    const { config: a } = await runner.saveConfig('p1', { name: 'a', values });
    const { config: b } = await runner.saveConfig('p1', { name: 'b', values });

    const other = await runner.execute('p1', { runId: 'r1', operation: 'set_expiry', params: { config_id: b.configId, token_expires: '111' }, configId: a.id });
    expect(other).toMatchObject({ status: 'Success', configSaved: { fields: ['token_expires'], target: 'b' } });
    const own = await runner.execute('p1', { runId: 'r2', operation: 'set_expiry', params: { token_expires: '222' }, configId: a.id });
    expect(own).toMatchObject({ status: 'Success', configSaved: { fields: ['token_expires'], target: 'a' } });

    const byName = Object.fromEntries((await runner.listConfigs('p1')).map((c) => [c.name, c.values.token_expires]));
    expect(byName).toEqual({ a: '222', b: '111' });
  });

  it('passes config_id and name (no status) to the configuration hooks, as the server does', async () => {
    const { runner, values } = await setup();
    const { config, hook } = await runner.saveConfig('p1', { name: 'hooked', values });
    expect(hook.data).toEqual({ config_id: config.configId, name: 'hooked', status: null });
    const { hook: update } = await runner.saveConfig('p1', { id: config.id, name: 'renamed', values: {} });
    expect(update.data).toEqual({ old: { config_id: config.configId, name: 'hooked' }, new: { config_id: config.configId, name: 'renamed' } });
  });

  it('runs the real zscaler-internet-access: its token refresh reads config[\'config_id\'] (KeyError before) and is kept', async () => {
    // Zscaler's OneAPI token endpoint and one ZIA endpoint. Every token it hands out has already expired, so each
    // later call takes the connector's refresh path (zscaler_authorizations.py validate_token), which saves the new
    // token with update_connnector_config(..., connector_config['config_id']).
    const tokens: string[] = [];
    const zscaler = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const json = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
        if (req.method === 'POST' && req.url === '/oauth2/v1/token') {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          if (form.get('client_secret') !== OAUTH_CLIENT.secret) return json(401, { error: 'invalid_client' });
          tokens.push(`zs-${tokens.length + 1}-${Date.now()}`);
          return json(200, { access_token: tokens.at(-1), token_type: 'Bearer', expires_in: -60 });
        }
        if (req.url === '/zia/api/v1/v1/timeWindows' && req.headers.authorization === `Bearer ${tokens.at(-1)}`) return json(200, [{ id: 1, name: 'Work hours' }]);
        return json(401, { message: 'unauthorized' });
      });
    });
    await new Promise<void>((r) => zscaler.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => zscaler.close(r)));
    const url = `http://127.0.0.1:${(zscaler.address() as AddressInfo).port}`;

    const { runner } = await setup(path.join(FIXTURES_DIR, 'runnable', 'zscaler-internet-access'));
    const values = { server_url: url, token_url: `${url}/oauth2/v1/token`, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret, verify_ssl: false };
    const { config } = await runner.saveConfig('p1', { name: 'zia', values });

    const first = await runner.health('p1', config.id);
    expect(first).toMatchObject({ status: 'Available', configSaved: { fields: ['access_token', 'expires_in'], target: 'zia' } });
    // The saved token is expired: this check refreshes it through connector_config['config_id'].
    const second = await runner.health('p1', config.id);
    expect(second.message).not.toContain('config_id');
    expect(second).toMatchObject({ status: 'Available', configSaved: { fields: ['access_token', 'expires_in'] } });
    expect(tokens).toHaveLength(2);
    const [saved] = await runner.listConfigs('p1');
    expect(saved!.secretsSet).toContain('access_token');
    expect(JSON.stringify(saved)).not.toContain(tokens[1]!);

    const run = await runner.execute('p1', { runId: 'z1', operation: 'get_time_windows', params: {}, configId: config.id });
    expect(run).toMatchObject({ status: 'Success', data: [{ id: 1, name: 'Work hours' }], configSaved: { fields: ['access_token', 'expires_in'] } });
  });
});
