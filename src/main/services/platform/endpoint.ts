/** The platform endpoint the Python workers call, as the server's integrations service calls its CRUD Hub: HTTP on
 * 127.0.0.1, an ephemeral port, and a secret token per connection (a worker gets CS_PLATFORM_URL and
 * CS_PLATFORM_TOKEN in its environment). The token picks the store, so one endpoint serves every project's store;
 * a request without a known token is refused. */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformRunRef } from '../../../shared/models/platform-data';
import { PlatformHttpError, handlePlatformRequest, hydraError, type PlatformReply } from './http-api';
import type { PlatformStore } from './store';

/** A worker's way in: its URL and token, and which call it is running (the records it creates name it). */
export interface PlatformConnection {
  readonly url: string;
  readonly token: string;
  readonly store: PlatformStore;
  beginCall(ref: PlatformRunRef): void;
  endCall(): void;
}

export interface PlatformEndpoint {
  readonly url: string;
  /** A new token for `store`. */
  connect(store: PlatformStore): PlatformConnection;
  close(): Promise<void>;
}

export interface PlatformEndpointOptions {
  /** Larger bodies (uploads) get 413. Default 256 MiB. */
  readonly maxBodyBytes?: number;
  /** Where a request that failed inside is reported. Default console.warn. */
  readonly warn?: (message: string) => void;
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.pause();
        reject(new TooLarge(`The body is over ${max} bytes, the most the platform endpoint accepts.`));
      } else chunks.push(c);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, reply: PlatformReply): void {
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.file) {
    const name = reply.file.filename.replace(/["\\\r\n]/g, '_');
    res.writeHead(reply.status, { 'Content-Type': reply.file.mimeType, 'Content-Length': reply.file.data.length, 'Content-Disposition': `attachment; filename="${name}"` }).end(reply.file.data);
    return;
  }
  if (reply.json === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const text = JSON.stringify(reply.json);
  res.writeHead(reply.status, { 'Content-Type': 'application/ld+json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

const fail = (res: ServerResponse, status: number, message: string) => send(res, { status, json: hydraError(status, message) });

export async function startPlatformEndpoint(o: PlatformEndpointOptions = {}): Promise<PlatformEndpoint> {
  const max = o.maxBodyBytes ?? 256 * 1024 * 1024;
  const warn = o.warn ?? console.warn;
  const clients = new Map<string, { store: PlatformStore; current?: PlatformRunRef }>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const client = token ? clients.get(token) : undefined;
    if (!client) {
      // Before reading the body: nothing of an unknown caller reaches a store.
      res.setHeader('Connection', 'close');
      return fail(res, 401, 'The simulated platform needs the worker\'s token (Authorization: Bearer $CS_PLATFORM_TOKEN).');
    }
    const body = await readBody(req, max);
    const url = new URL(req.url ?? '/', 'http://platform');
    const reply = await handlePlatformRequest(client.store, { method: req.method ?? 'GET', url, body, contentType: req.headers['content-type'] }, { by: client.current, studioRoutes: true });
    send(res, reply);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof PlatformHttpError) return fail(res, e.status, e.message);
      if (e instanceof TooLarge) {
        res.setHeader('Connection', 'close');
        return fail(res, 413, e.message);
      }
      warn(`The platform endpoint failed on ${req.method ?? ''} ${req.url ?? ''}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) fail(res, 500, `The simulated platform failed: ${(e as Error).message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    connect(store) {
      const token = randomBytes(32).toString('hex');
      const client: { store: PlatformStore; current?: PlatformRunRef } = { store };
      clients.set(token, client);
      return {
        url,
        token,
        store,
        beginCall: (ref) => void (client.current = ref),
        endCall: () => void (client.current = undefined),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
