import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices } from '../index';
import { defined } from '../../../../tests/helpers/defined';

const SECRET = 'sk-cassette-1a2b3c4d5e';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

async function vendor(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${SECRET}`) return res.writeHead(401).end('{"error":"bad key"}');
    const body = req.url?.startsWith('/api/v1/ip/') ? { ip: req.url.split('/').pop(), score: 90, categories: ['scanner'], first_seen: '2026-01-01' } : { status: 'ok' };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = () => new Promise<void>((r) => server.close(() => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

describe('Test Actions with a cassette', () => {
  it('records to <project root>/tests/cassettes/<operation>-<name>.json without the secret, replays offline, refuses bad names', async () => {
    const data = await tmpDir('cs-data-');
    const s = await createServices({ userDataDir: data, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: await sampleWorkspace() });
    cleanups.push(() => s.dispose());
    const p = defined((await s.projects.list())[0], 'the sample project');
    const root = await s.projects.rootOf(p.id);
    const server = await vendor();
    const { config } = await s.testing.saveConfig(p.id, { name: 'local', values: { server_url: server.url, api_key: SECRET, verify_ssl: true } });
    const req = { runId: 'r1', operation: 'get_ip_reputation', params: { ip: '1.2.3.4' }, configId: config.id };

    const live = await s.testing.execute(p.id, { ...req, cassette: { mode: 'record', name: 'ip' } });
    expect(live).toMatchObject({ status: 'Success', data: { ip: '1.2.3.4', score: 90 } });
    expect(await s.testing.health(p.id, config.id, { mode: 'record', name: 'health' })).toMatchObject({ status: 'Available' });
    const text = await readFile(path.join(root, 'tests', 'cassettes', 'get_ip_reputation-ip.json'), 'utf8');
    expect(await readFile(path.join(root, 'tests', 'cassettes', 'check_health-health.json'), 'utf8')).toContain('<scrubbed:api_key>');
    expect(text).toContain('<scrubbed:api_key>');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64').replace(/=+$/, ''));
    await server.close();

    const replayed = await s.testing.execute(p.id, { ...req, cassette: { mode: 'replay', name: 'ip' } });
    expect(replayed).toMatchObject({ status: 'Success', data: live.data });
    expect(await s.testing.health(p.id, config.id, { mode: 'replay', name: 'health' })).toMatchObject({ status: 'Available' });
    await expect(s.testing.execute(p.id, { ...req, cassette: { mode: 'replay', name: 'nothing' } })).rejects.toThrow(/no cassette "nothing" for get_ip_reputation .*tests\/cassettes\/get_ip_reputation-nothing\.json/i);
    // A cassette recorded for one operation is not another's: health has none named "ip".
    await expect(s.testing.health(p.id, config.id, { mode: 'replay', name: 'ip' })).rejects.toThrow(/check_health-ip\.json/);
    await expect(s.testing.execute(p.id, { ...req, cassette: { mode: 'record', name: '../../escape' } })).rejects.toThrow(/refused/);
  });
});
