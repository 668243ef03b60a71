/** A fake vendor for the runnable corpus: one route table answered over HTTP and HTTPS on 127.0.0.1, and as an
 * HTTPS proxy for connectors whose vendor host is fixed in their code (api.gitguardian.com, app.sekoia.io, ...):
 * a CONNECT to any host is answered here, never forwarded, so nothing leaves the machine. */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { testCertificate } from './tls';

export interface VendorRequest {
  readonly method: string;
  /** Path and query, as the connector sent it. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The Host the connector asked for (the CONNECT target when it came through the proxy). */
  readonly host: string;
}

export interface VendorReply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Record<string, string>;
}

export interface Route {
  readonly method: string;
  /** Matched against the path without its query: a string is an exact path, a RegExp a pattern. */
  readonly path: string | RegExp;
  readonly reply: VendorReply | ((req: VendorRequest) => VendorReply);
}

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly host: string;
  readonly status: number;
  /** False when no route answered (404 "no route"): the route table lacks what the connector called. */
  readonly routed: boolean;
}

export interface FakeVendor {
  /** http://127.0.0.1:<port> */
  readonly httpUrl: string;
  /** https://127.0.0.1:<port>, a self-signed certificate (the test configurations set verify_ssl false). */
  readonly httpsUrl: string;
  /** The HTTPS_PROXY value that sends every HTTPS host here. */
  readonly proxyUrl: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

function matches(route: Route, method: string, path: string): boolean {
  if (route.method !== '*' && route.method.toUpperCase() !== method) return false;
  return typeof route.path === 'string' ? route.path === path : route.path.test(path);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startFakeVendor(routes: readonly Route[]): Promise<FakeVendor> {
  const seen: SeenRequest[] = [];
  const tunnelHost = new WeakMap<Socket, string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://vendor.invalid');
    const host = tunnelHost.get(req.socket) ?? req.headers.host ?? '';
    const body = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const route = routes.find((r) => matches(r, method, url.pathname));
    const request: VendorRequest = { method, url: req.url ?? '/', path: url.pathname, query: url.searchParams, headers: req.headers, body, host };
    let reply: VendorReply;
    try {
      reply = route ? (typeof route.reply === 'function' ? route.reply(request) : route.reply) : { status: 404, json: { error: `no route for ${method} ${url.pathname}` } };
    } catch (e) {
      reply = { status: 500, json: { error: `the fake vendor's route failed: ${(e as Error).message}` } };
    }
    const status = reply.status ?? 200;
    seen.push({ method, url: request.url, host, status, routed: Boolean(route) });
    const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
    const type = reply.text !== undefined ? 'text/plain' : 'application/json';
    res.writeHead(status, { 'content-type': type, ...reply.headers }).end(text);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: '', status: 500, routed: false });
      res.writeHead(500).end(String(e));
    });
  };
  const cert = await testCertificate();
  const http = createHttpServer(onRequest);
  const https = createHttpsServer({ key: cert.key, cert: cert.cert }, onRequest);
  // The proxy: answer the CONNECT ourselves and speak TLS on the same socket, as the target host would.
  http.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tunnelHost.set(socket, req.url ?? '');
    https.emit('connection', socket);
  });
  // A TLS socket made from a tunnelled socket is a new object: carry the CONNECT target over to it.
  https.on('secureConnection', (tls: Socket & { _parent?: Socket }) => {
    const raw = (tls as unknown as { _parent?: Socket })._parent;
    const target = raw ? tunnelHost.get(raw) : undefined;
    if (target) tunnelHost.set(tls, target);
  });
  const [httpPort, httpsPort] = await Promise.all([listen(http), listen(https)]);
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    proxyUrl: `http://127.0.0.1:${httpPort}`,
    seen,
    async close() {
      http.closeAllConnections();
      https.closeAllConnections();
      await Promise.all([new Promise((r) => http.close(r)), new Promise((r) => https.close(r))]);
    },
  };
}
