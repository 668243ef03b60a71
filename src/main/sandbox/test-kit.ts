/** Test support for the sandbox and publish tests: temp folders, the sample connector, a stand-in for the
 * threat intelligence service the sample calls, a sandbox with known users, and raw HTTP. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox, type SandboxOptions } from './server';

export const SAMPLE_DIR = fileURLToPath(new URL('../../../resources/samples/connector-sample-threat-intel/sample-threat-intel', import.meta.url));

export const USERS = {
  admin: { name: 'csadmin', password: 'Sandbox-Pa55' },
  apiKey: '3f1c2a9e8b7d4c6f',
  readonlyKey: '9a8b7c6d5e4f3a2b',
  hmac: { publicKey: 'b7c1f2e3-public-key', privateKey: 'c0ffee-private-key-4242' },
};
export const INTEL_KEY = 'intel-key-123';

export function tempDir(prefix: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the sample connector that a test may change. */
export function copySample(into: string, name = 'sample-threat-intel'): string {
  const target = path.join(into, name);
  cpSync(SAMPLE_DIR, target, { recursive: true });
  return target;
}

/** The service the sample connector calls: status, IP and domain lookups behind a Bearer key. */
export async function startIntelStub(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${INTEL_KEY}`) return send(401, { error: 'bad key' });
    const url = new URL(req.url ?? '/', 'http://stub');
    const ip = /^\/api\/v1\/ip\/(.+)$/.exec(url.pathname)?.[1];
    if (url.pathname === '/api/v1/status') return send(200, { status: 'ok' });
    if (ip !== undefined) return send(200, { ip: decodeURIComponent(ip), reputation: 'clean' });
    send(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export function sandboxWithUsers(dataDir: string, extra: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({
    dataDir,
    users: [USERS.admin],
    apiKeys: [{ key: USERS.apiKey }, { key: USERS.readonlyKey, role: 'readonly' }],
    hmacKeys: [USERS.hmac],
    jobStepMs: 20,
    ...extra,
  });
}

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  readonly json: unknown;
}

/** One request with node:http, nothing of our client in the way. */
export function rawRequest(base: string, method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const req = http.request(`${base}${pathAndQuery}`, { method, headers: { ...headers, ...(data ? { 'Content-Length': String(data.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** A multipart/form-data body with one file part, built by hand. */
export function multipartBody(field: string, fileName: string, contentType: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = 'golden-boundary-7d3f';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
