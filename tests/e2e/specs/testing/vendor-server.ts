import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'e2e-key-7f3a';
/** An IP whose lookup never answers: the hung action the user stops. */
export const HANGING_IP = '10.66.66.66';

export interface VendorServer {
  readonly url: string;
  /** Paths requested so far, for assertions on what the connector sent. */
  readonly requests: string[];
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** The sample connector's vendor API in miniature: /api/v1/status and /api/v1/ip/<ip>, Bearer auth; the
 * Threat Intelligence template's health check calls /api/v1/account. `port` restarts it where it was. */
export async function startVendor(port = 0): Promise<VendorServer> {
  const requests: string[] = [];
  const hung = new Set<ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    if (req.headers.authorization !== `Bearer ${API_KEY}`) return json(res, 401, { error: 'invalid API key' });
    if (req.url === '/api/v1/status') return json(res, 200, { status: 'ok' });
    if (req.url === '/api/v1/account') return json(res, 200, { account: 'e2e', plan: 'free' });
    const ip = /^\/api\/v1\/ip\/([^/?]+)$/.exec(req.url ?? '')?.[1];
    if (ip === HANGING_IP) return void hung.add(res);
    // `country` is not in output_schema and `last_seen` is missing: the schema diff has one of each.
    if (ip) return json(res, 200, { ip, score: 87, categories: ['scanner', 'botnet'], country: 'NL' });
    json(res, 404, { error: 'not found' });
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nobody listens on: bound, read, closed. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
