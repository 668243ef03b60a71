import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../../../tests/helpers/tmp';
import { createServices } from '../services';
import { startBrowserHost } from './browser-host';

const hosts: { close(): Promise<void> }[] = [];
afterEach(async () => void (await Promise.all(hosts.splice(0).map((h) => h.close()))));

async function start() {
  const workspace = await sampleWorkspace();
  const userDataDir = await tmpDir('cs-data-');
  const rendererDir = await tmpDir('cs-renderer-');
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  const services = await createServices({ userDataDir, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 'test', mode: 'browser', workspaceOverride: workspace });
  const host = await startBrowserHost({ services, rendererDir });
  hosts.push({ close: async () => (services.dispose(), host.close()) });
  return { host, workspace };
}

async function login(host: Awaited<ReturnType<typeof start>>['host']) {
  const res = await fetch(host.url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const rpc = async (origin: string, channel: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${origin}/rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: async (): Promise<Json> => res.json() };
};

describe('browser host', () => {
  it('answers 401 without the token or its cookie', async () => {
    const { host } = await start();
    expect((await rpc(host.origin, 'projects.list', {})).status).toBe(401);
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(401);
  });

  it('exchanges the token for a cookie that authorises RPC', async () => {
    const { host } = await start();
    const cookie = await login(host);
    const res = await rpc(host.origin, 'projects.list', {}, { Cookie: cookie });
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.value.map((p: { name: string }) => p.name)).toEqual(['sample-threat-intel']);
  });

  it('refuses a foreign Origin and a foreign Host with 403, even with the cookie', async () => {
    const { host } = await start();
    const cookie = await login(host);
    expect((await rpc(host.origin, 'projects.list', {}, { Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(403);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/rpc/projects.list', method: 'POST', headers: { Host: 'evil.example:80', Cookie: cookie } }, (r) => resolve(r.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses ../ paths and touches nothing outside the workspace', async () => {
    const { host, workspace } = await start();
    const cookie = await login(host);
    const before = await readdir(workspace);
    const [project] = (await (await rpc(host.origin, 'projects.list', {}, { Cookie: cookie })).json()).value;
    for (const relPath of ['../../escape.txt', '../x', '/etc/passwd']) {
      const body = await (await rpc(host.origin, 'files.write', { projectId: project.id, relPath, text: 'pwned' }, { Cookie: cookie })).json();
      expect(body).toMatchObject({ ok: false, error: { code: 'OUTSIDE_WORKSPACE' } });
    }
    const read = await (await rpc(host.origin, 'files.read', { projectId: project.id, relPath: '../../../../etc/passwd' }, { Cookie: cookie })).json();
    expect(read.error.code).toBe('OUTSIDE_WORKSPACE');
    expect(await readdir(workspace)).toEqual(before);
    expect(existsSync(path.join(path.dirname(workspace), 'escape.txt'))).toBe(false);
  });

  it('validates requests and reports unknown channels', async () => {
    const { host } = await start();
    const cookie = await login(host);
    expect((await (await rpc(host.origin, 'files.read', { nope: 1 }, { Cookie: cookie })).json()).error.code).toBe('VALIDATION');
    expect((await rpc(host.origin, 'nope.nothing', {}, { Cookie: cookie })).status).toBe(404);
  });

  it('pushes file change events over the WebSocket, and refuses sockets without the cookie', async () => {
    const { host, workspace } = await start();
    const cookie = await login(host);
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/ws`);
    await expect(new Promise((resolve, reject) => { refused.on('open', resolve); refused.on('error', reject); })).rejects.toThrow(/403/);
    const [project] = (await (await rpc(host.origin, 'projects.list', {}, { Cookie: cookie })).json()).value;
    await rpc(host.origin, 'files.tree', { projectId: project.id }, { Cookie: cookie });
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { Cookie: cookie, Origin: host.origin } });
    const event = new Promise<{ name: string; payload: { relPaths: string[] } }>((resolve) =>
      ws.on('message', (d) => {
        const msg = JSON.parse(String(d));
        if (msg.type === 'event' && msg.name === 'files.changed') resolve(msg);
      }),
    );
    await new Promise((r) => ws.on('open', r));
    await mkdir(path.join(workspace, 'connector-sample-threat-intel', 'newdir'));
    await writeFile(path.join(workspace, 'connector-sample-threat-intel', 'newdir', 'ext.txt'), 'from outside');
    expect((await event).payload.relPaths.join(',')).toMatch(/newdir/);
    ws.close();
    expect(await readFile(path.join(workspace, 'connector-sample-threat-intel', 'newdir', 'ext.txt'), 'utf8')).toBe('from outside');
  });
});
