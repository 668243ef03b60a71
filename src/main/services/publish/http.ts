/** One HTTP request over a connection from openConnection, with upload progress and an overall timeout. */
import http from 'node:http';
import { PublishError, timeoutError } from './errors';
import { openConnection, type ConnectOptions, type OpenedConnection } from './connection';

export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly timeoutMs: number;
  readonly onUploadProgress?: (sent: number, total: number) => void;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  readonly connection: OpenedConnection;
}

const CHUNK = 64 * 1024;

async function writeBody(req: http.ClientRequest, body: Buffer, progress?: (sent: number, total: number) => void): Promise<void> {
  for (let sent = 0; sent < body.length; ) {
    const chunk = body.subarray(sent, sent + CHUNK);
    await new Promise<void>((resolve, reject) => req.write(chunk, (e) => (e ? reject(e) : resolve())));
    sent += chunk.length;
    progress?.(sent, body.length);
  }
}

function exchange(conn: OpenedConnection, r: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: r.url.host, Accept: 'application/json', ...r.headers };
    if (r.body) headers['Content-Length'] = String(r.body.length);
    const req = http.request({
      method: r.method,
      path: r.url.pathname + r.url.search,
      headers,
      createConnection: () => conn.socket,
    });
    req.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e instanceof PublishError
          ? e
          : new PublishError(`The connection to ${r.url.host} broke during ${r.method} ${r.url.pathname} (${e.code ?? e.message}).`, {
              kind: 'protocol',
              hint: 'Try again; if it keeps happening, a proxy or firewall may be cutting the connection (e.g. an upload size limit).',
            }),
      ),
    );
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), connection: conn }));
      res.once('error', reject);
    });
    const send = r.body ? writeBody(req, r.body, r.onUploadProgress) : Promise.resolve();
    send.then(() => req.end(), (e) => req.destroy(e as Error));
  });
}

/** Connects (DNS, TCP, TLS as labelled steps) and exchanges one request; the socket closes afterwards. */
export async function httpSend(r: HttpRequest, connect: ConnectOptions): Promise<HttpResponse> {
  const started = Date.now();
  const conn = await openConnection(r.url, { ...connect, timeoutMs: Math.min(connect.timeoutMs ?? 15_000, r.timeoutMs) });
  const left = Math.max(1, r.timeoutMs - (Date.now() - started));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      conn.socket.destroy();
      reject(timeoutError(`${r.method} ${r.url.pathname}`, r.timeoutMs));
    }, left);
  });
  try {
    return await Promise.race([exchange(conn, r), timeout]);
  } finally {
    clearTimeout(timer);
    conn.socket.end();
  }
}
