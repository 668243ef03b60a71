/** The HMAC signature against worked examples computed by Python (hmac-example.py), and the header the
 * client really sends against one Python computes for the same request. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFortiSoarClient } from './client';
import { loadJson, pythonSign } from './golden-kit';
import { hmacAuthorization, hmacFingerprint, hmacTimestamp } from './hmac';

interface Worked {
  publicKey: string;
  privateKey: string;
  date: string;
  timestamp: string;
  examples: Array<{ method: string; fullUrl: string; body: string; fingerprint: string; authorization: string }>;
}
const worked = loadJson<Worked>('hmac-example.json');

describe('HMAC worked examples (reference algorithm, computed in Python)', () => {
  it('formats the timestamp as UTC %Y-%m-%d %H:%M:%S', () => {
    expect(hmacTimestamp(new Date(worked.date))).toBe(worked.timestamp);
  });

  it.each(worked.examples.map((e) => [e.method, e]))('%s: fingerprint and header match', (_m, e) => {
    const input = { method: e.method, fullUrl: e.fullUrl, body: e.body, publicKey: worked.publicKey, privateKey: worked.privateKey, date: new Date(worked.date) };
    expect(hmacFingerprint(input)).toBe(e.fingerprint);
    expect(hmacAuthorization(input)).toBe(e.authorization);
  });

  it('signs the public key for GET, whatever the body', () => {
    const get = worked.examples.find((e) => e.method === 'GET')!;
    const input = { method: 'GET', fullUrl: get.fullUrl, body: 'ignored', publicKey: worked.publicKey, privateKey: worked.privateKey, date: new Date(worked.date) };
    expect(hmacAuthorization(input)).toBe(get.authorization);
  });
});

describe('the client on the wire', () => {
  let server: http.Server;
  let url: string;
  const seen: Array<{ method: string; url: string; authorization: string; body: string; host: string }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization ?? '', body: Buffer.concat(chunks).toString('utf8'), host: req.headers.host! });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"operation":"x","status":"Success","message":"","data":{}}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends exactly the header Python computes for the URL, time and body it sent', async () => {
    const keys = { publicKey: 'pub-key-1', privateKey: 'priv-key-1' };
    const client = createFortiSoarClient({ url, credentials: { kind: 'hmac', ...keys }, env: {}, now: () => new Date('2026-05-01T12:34:56.789Z') });
    await client.execute({ connector: 'sample-threat-intel', version: '1.0.0', config: 'default', operation: 'get_ip_reputation', params: { ip: '8.8.8.8' } });
    await client.listConnectors({ name: 'sample-threat-intel' });
    expect(seen.map((s) => s.url)).toEqual(['/api/integration/execute/?format=json', '/api/integration/connectors/?name=sample-threat-intel']);
    for (const s of seen) expect(s.authorization).toBe(pythonSign(s.method, `http://${s.host}${s.url}`, s.body, keys.publicKey, keys.privateKey, '2026-05-01 12:34:56'));
  });
});
