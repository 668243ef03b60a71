/** "Test connection" step by step against the sandbox, and proxies from the environment through a CONNECT
 * proxy run by the test. */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFortiSoarClient } from '../services/publish/client';
import { PublishError } from '../services/publish/errors';
import { bypassesProxy, proxyFor } from '../services/publish/proxy';
import { testConnection } from '../services/publish/test-connection';
import type { Sandbox } from './server';
import { USERS, sandboxWithUsers, tempDir } from './test-kit';

const tmp = tempDir('cs-connection-');
let sandbox: Sandbox;
const password = { kind: 'password' as const, username: USERS.admin.name, password: USERS.admin.password };
const statuses = (t: Awaited<ReturnType<typeof testConnection>>) => t.steps.map((s) => `${s.step}:${s.status}`);

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

describe('test connection', () => {
  it('passes every step with good credentials of each kind', async () => {
    for (const credentials of [password, { kind: 'apiKey' as const, apiKey: USERS.apiKey }, { kind: 'hmac' as const, ...USERS.hmac }]) {
      const t = await testConnection({ url: sandbox.url, credentials, env: {} });
      expect(t.ok).toBe(true);
      expect(statuses(t)).toEqual(['dns:ok', 'tcp:ok', 'tls:skipped', 'auth:ok', 'permission:ok']);
    }
  });

  it('names DNS when the host does not exist', async () => {
    const t = await testConnection({ url: 'https://soar.invalid', credentials: password, env: {} });
    expect(t.failedStep).toBe('dns');
    expect(t.steps[0].message).toMatch(/Cannot find the server "soar.invalid" \(DNS: ENOTFOUND\)/);
    expect(statuses(t).slice(1)).toEqual(['tcp:skipped', 'tls:skipped', 'auth:skipped', 'permission:skipped']);
  });

  it('names TCP when nothing listens', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const t = await testConnection({ url: `http://127.0.0.1:${closed}`, credentials: password, env: {} });
    expect(t.failedStep).toBe('tcp');
    expect(t.steps[1]).toMatchObject({ status: 'failed', message: expect.stringMatching(/connection refused/), hint: expect.stringMatching(/port/) });
  });

  it('names authentication for a wrong password, with the hint apart', async () => {
    const t = await testConnection({ url: sandbox.url, credentials: { ...password, password: 'nope' }, env: {} });
    expect(t.failedStep).toBe('auth');
    expect(t.steps[3]).toMatchObject({ status: 'failed', message: 'The server refused the user name or password (HTTP 401).', hint: expect.stringMatching(/^Check both/) });
  });

  it('says a valid but restricted API key is restricted', async () => {
    const t = await testConnection({ url: sandbox.url, credentials: { kind: 'apiKey', apiKey: USERS.readonlyKey }, env: {} });
    expect(t.steps.find((s) => s.step === 'auth')?.message).toMatch(/restricted/);
  });
});

describe('proxies from the environment', () => {
  let proxy: http.Server;
  let proxyUrl: string;
  const tunnels: string[] = [];
  beforeAll(async () => {
    // A CONNECT proxy that sends every host to the sandbox: the client must not resolve the name itself.
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(req.url ?? '');
      if (req.headers['proxy-authorization'] !== `Basic ${Buffer.from('pu:pp').toString('base64')}`) return client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      const upstream = net.connect(sandbox.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://pu:pp@127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

  it('tunnels through HTTP_PROXY with its credentials', async () => {
    const client = createFortiSoarClient({ url: 'http://soar.invalid:8080', credentials: password, env: { HTTP_PROXY: proxyUrl } });
    expect((await client.listConnectors()).status).toBe('Success');
    expect(tunnels.at(-1)).toBe('soar.invalid:8080');
    const t = await testConnection({ url: 'http://soar.invalid:8080', credentials: password, env: { http_proxy: proxyUrl } });
    expect(t).toMatchObject({ ok: true, proxy: expect.stringMatching(/^127\.0\.0\.1:/) });
    expect(t.steps[0].status).toBe('skipped');
  });

  it('says when the proxy refuses', async () => {
    const client = createFortiSoarClient({ url: 'http://soar.invalid:8080', credentials: password, env: { HTTP_PROXY: proxyUrl.replace('pp@', 'bad@') } });
    const e = await client.login().then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(PublishError);
    expect((e as PublishError).message).toMatch(/proxy .* refused to connect to soar.invalid:8080 \(HTTP 407\)/);
  });

  it('goes direct for NO_PROXY hosts and loopback', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'internal.corp,.lab:8443' };
    expect(proxyFor(new URL('https://soar.example.com'), env)?.host).toBe('proxy.corp:3128');
    expect(proxyFor(new URL('https://soar.internal.corp'), env)).toBeUndefined();
    expect(proxyFor(new URL('https://a.lab:8443'), env)).toBeUndefined();
    expect(proxyFor(new URL('https://a.lab'), env)?.host).toBe('proxy.corp:3128');
    expect(proxyFor(new URL('http://soar.example.com'), env)).toBeUndefined();
    expect(bypassesProxy(new URL('https://127.0.0.1:9'), '')).toBe(true);
    expect(proxyFor(new URL('https://x.y'), { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' })).toBeUndefined();
  });
});
