import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, type Page } from '@playwright/test';
import { repoRoot } from '../../host';

export const ADMIN = { name: 'admin', password: 'secret' };
export const HMAC = { publicKey: 'e2e-public-key', privateKey: 'e2e-private-key-0042' };

export interface RunningSandbox {
  readonly url: string;
  stop(): Promise<void>;
}

/** `connector-studio sandbox --port 0 --json`: the FortiSOAR-compatible server, as a user would start it. */
export async function startSandbox(dataDir: string, extraArgs: string[] = []): Promise<RunningSandbox> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'out/cli/index.js'), 'sandbox', '--port', '0', '--data', dataDir, '--user', `${ADMIN.name}:${ADMIN.password}`, '--hmac', `${HMAC.publicKey}:${HMAC.privateKey}`, '--json', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The sandbox did not start in 20 s. ${stderr.join('')}`)), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string };
        if (parsed.url) {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch {
        // Not the JSON line.
      }
    });
    child.once('exit', (code) => reject(new Error(`The sandbox exited with ${code}. ${stderr.join('')}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const INTEL_KEY = 'e2e-intel-key';

/** The threat intelligence service the sample connector calls in its health check. */
export async function startIntelStub(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${INTEL_KEY}`;
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? { status: 'ok' } : { error: 'bad key' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Setup only: a local test configuration, saved through the same channel the Test view uses. */
export async function saveTestConfig(page: Page, name: string, values: Record<string, unknown>): Promise<void> {
  const projectId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  const r = await page.evaluate(
    async (body) => (await fetch('/rpc/testConfig.save', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json(),
    { projectId, config: { name, values } },
  );
  expect(r).toMatchObject({ ok: true });
}
