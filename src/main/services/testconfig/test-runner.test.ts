import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices, type Services } from '../index';
import { defined } from '../../../../tests/helpers/defined';

const SECRET = 'sk-test-9f8e7d6c5b4a';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

/** A stand-in for the vendor's API: answers the sample connector's endpoints when the API key matches. */
async function fixtureServer(): Promise<string> {
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${SECRET}`) return res.writeHead(401).end('{"error":"bad key"}');
    const body = req.url?.startsWith('/api/v1/ip/') ? { ip: req.url.split('/').pop(), score: 90, categories: ['scanner'], first_seen: '2026-01-01' } : { status: 'ok' };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setup(): Promise<{ s: Services; projectId: string; data: string }> {
  const data = await tmpDir('cs-data-');
  const s = await createServices({ userDataDir: data, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: await sampleWorkspace() });
  cleanups.push(() => s.dispose());
  const p = defined((await s.projects.list())[0], 'the sample project');
  return { s, projectId: p.id, data };
}

describe('test configurations and runs against the sample connector', () => {
  it('keeps the API key out of the stored configuration, checks health and runs an action', async () => {
    const { s, projectId, data } = await setup();
    const url = await fixtureServer();
    const { config, hook } = await s.testing.saveConfig(projectId, { name: 'local', values: { server_url: url, api_key: SECRET, verify_ssl: true } });
    expect(hook.status).toBe('Success');
    expect(config.secretsSet).toEqual(['api_key']);
    expect(config.values).not.toHaveProperty('api_key');
    for (const f of await readdir(path.join(data, 'test-configs'))) expect(await readFile(path.join(data, 'test-configs', f), 'utf8')).not.toContain(SECRET);

    expect(await s.testing.health(projectId, config.id)).toMatchObject({ status: 'Available' });
    const outputs: string[] = [];
    s.events.subscribe((name, payload) => name === 'runtime.output' && outputs.push((payload as { text: string }).text));
    const run = await s.testing.execute(projectId, { runId: 'r1', operation: 'get_ip_reputation', params: { ip: '1.2.3.4' }, configId: config.id });
    expect(run).toMatchObject({ status: 'Success', data: { ip: '1.2.3.4', score: 90 }, schema: { missing: ['last_seen'], extra: ['first_seen'] } });
    expect(outputs.join('\n')).toMatch(/Executing get_ip_reputation/);
  });

  it('reports a dead server as Disconnected with the reason, and a wrong key as a failed action', async () => {
    const { s, projectId } = await setup();
    const { config } = await s.testing.saveConfig(projectId, { name: 'dead', values: { server_url: 'http://127.0.0.1:9', api_key: 'x' } });
    const health = await s.testing.health(projectId, config.id);
    expect(health.status).toBe('Disconnected');
    expect(health.message).toMatch(/Cannot reach/);
    const url = await fixtureServer();
    await s.testing.saveConfig(projectId, { id: config.id, name: 'dead', values: { server_url: url } });
    const run = await s.testing.execute(projectId, { runId: 'r2', operation: 'get_ip_reputation', params: { ip: '1.1.1.1' }, configId: config.id });
    expect(run.status).toBe('Failed');
    expect(run.message).toMatch(/refused the API key/);
  });

  it('deletes a configuration and its secret', async () => {
    const { s, projectId } = await setup();
    const { config } = await s.testing.saveConfig(projectId, { name: 'tmp', values: { server_url: 'http://x', api_key: SECRET } });
    await s.testing.deleteConfig(projectId, config.id);
    expect(await s.testing.listConfigs(projectId)).toEqual([]);
    expect(await s.secrets.get(`testcfg:${projectId}:${config.id}:api_key`)).toBeUndefined();
  });
});
