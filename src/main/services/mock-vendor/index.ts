/** Mock vendor: serves an API description's operations on 127.0.0.1 so a connector generated from it (or any
 * template's connector) runs without the real vendor.
 *
 *   startMockVendor({ description?: ApiDescription, descriptionPath?: string, descriptionText?: string,
 *                     port?: number  // 0 or none: a free port
 *                   }): Promise<MockVendor>
 *   MockVendor = { url: string  // http://127.0.0.1:<port><base path of the description's first server>
 *                  port: number; seen: MockRequest[]; close(): Promise<void> }
 *
 * Answers: the success response's example, else a value generated from its schema, else 200 `{}` (204 stays
 * empty). Any credentials are accepted (headers, query keys, basic); an OAuth2 client-credentials token request
 * (POST to the description's token URL path, or any POST ending in /token) gets a token. Paths are matched with
 * or without the server's base path; a request no operation matches gets 404 with a JSON message naming it. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiDescription, ApiOperation } from '../../../shared/models/api-import';
import { loadDescription } from '../api-import/load';
import { sampleFromSchema } from '../api-import/schema';

export interface MockVendorOptions {
  readonly description?: ApiDescription;
  readonly descriptionPath?: string;
  readonly descriptionText?: string;
  readonly port?: number;
}

export interface MockRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The operation that answered, if any. */
  readonly operation?: string;
}

export interface MockVendor {
  readonly url: string;
  readonly port: number;
  readonly seen: MockRequest[];
  close(): Promise<void>;
}

interface Route {
  readonly op: ApiOperation;
  readonly pattern: RegExp;
  /** Literal segments first: /users/me wins over /users/{id}. */
  readonly params: number;
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

function routeOf(op: ApiOperation): Route {
  const parts = op.path.split(/(\{[^}]*\})/);
  const source = parts.map((p) => (/^\{.*\}$/.test(p) ? '[^/]+' : escape(p))).join('');
  return { op, pattern: new RegExp(`^${source.replace(/\/$/, '')}/?$`), params: parts.filter((p) => /^\{.*\}$/.test(p)).length };
}

function basePathOf(servers: readonly string[]): string {
  const first = servers[0];
  if (!first) return '';
  const url = first.includes('://') ? first : `https://${first}`;
  // A server entry that is no URL (a bare template such as {{host}}) gives no base path.
  return URL.canParse(url) ? new URL(url).pathname.replace(/\/$/, '') : '';
}

/** The answer for an operation: example, else generated from the schema, else {}. */
export function mockAnswer(op: ApiOperation): { status: number; body: unknown } {
  const r = op.response;
  const code = r && /^2\d\d$/.test(r.status) ? Number(r.status) : 200;
  if (code === 204 || op.method === 'HEAD') return { status: code, body: undefined };
  if (r?.example !== undefined) return { status: code, body: r.example };
  if (r?.schema) {
    const sample = sampleFromSchema(r.schema);
    if (sample !== null && sample !== undefined) return { status: code, body: sample };
  }
  return { status: code, body: {} };
}

async function describe(opts: MockVendorOptions): Promise<ApiDescription> {
  if (opts.description) return opts.description;
  if (opts.descriptionText !== undefined) return loadDescription({ text: opts.descriptionText });
  if (opts.descriptionPath) return loadDescription({ text: await readFile(opts.descriptionPath, 'utf8'), fileName: path.basename(opts.descriptionPath) });
  throw new Error('startMockVendor needs a description, its text or its path.');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

export async function startMockVendor(opts: MockVendorOptions): Promise<MockVendor> {
  const description = await describe(opts);
  const routes = description.operations.map(routeOf).sort((a, b) => a.params - b.params);
  const base = basePathOf(description.servers);
  const tokenPath = description.auth.type === 'oauth2' ? safePath(description.auth.tokenUrl) : undefined;
  const seen: MockRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const full = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const rel = base && full.startsWith(base) ? full.slice(base.length) || '/' : full;
    // The body is read and dropped: any request body is accepted.
    req.resume();
    req.on('end', () => {
      const candidates = [rel, full];
      const route = routes.find((r) => r.op.method === method && candidates.some((c) => r.pattern.test(c)));
      if (route) {
        const { status, body } = mockAnswer(route.op);
        seen.push({ method, path: full, status, operation: route.op.id });
        send(res, status, body);
        return;
      }
      if (method === 'POST' && (full === tokenPath || /\/(oauth2?\/)?token$/.test(full))) {
        seen.push({ method, path: full, status: 200, operation: 'oauth2_token' });
        send(res, 200, { access_token: 'mock-access-token', token_type: 'Bearer', expires_in: 3600 });
        return;
      }
      seen.push({ method, path: full, status: 404 });
      send(res, 404, { message: `The mock vendor has no ${method} ${rel} in ${description.title}: the description does not list it.` });
    });
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function safePath(url: string): string | undefined {
  return URL.canParse(url, 'http://127.0.0.1') ? new URL(url, 'http://127.0.0.1').pathname : undefined;
}
