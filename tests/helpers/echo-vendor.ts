/** The sample connector's vendor API in a careless mood: it accepts the Bearer key and echoes it back in a
 * response header, in the JSON body and in links with `?apikey=`, and redirects through such a link. A connector
 * that sends a secret, and a vendor that repeats it, are the raw material of a leak test. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoVendor {
  readonly url: string;
  /** Request paths with their query, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startEchoVendor(apiKey: string): Promise<EchoVendor> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://vendor');
    requests.push(url.pathname + url.search);
    const link = (p: string) => `http://${req.headers.host}${p}?apikey=${encodeURIComponent(apiKey)}`;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Echo-Api-Key': apiKey, ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`) return send(401, { error: 'invalid API key' });
    if (url.pathname === '/api/v1/status') return send(200, { status: 'ok', your_key: apiKey, self: link('/api/v1/status') });
    const ip = /^\/api\/v1\/ip\/([^/]+)$/.exec(url.pathname)?.[1];
    // The first answer is a redirect to the result, with the key in the query string, as some vendors do.
    if (ip && url.searchParams.get('apikey') !== apiKey) return send(302, { moved: true }, { Location: link(`/api/v1/ip/${ip}`) });
    if (ip)
      return send(200, {
        ip,
        score: 87,
        categories: ['scanner'],
        last_seen: '2026-01-01T00:00:00Z',
        api_key: apiKey,
        key_b64: Buffer.from(apiKey).toString('base64'),
        next: link(`/api/v1/ip/${ip}/more`),
      }, { Link: `<${link(`/api/v1/ip/${ip}/more`)}>; rel="next"` });
    const domain = /^\/api\/v1\/domain\/([^/]+)$/.exec(url.pathname)?.[1];
    if (domain) return send(200, { domain, score: 3, categories: [], history: [], echo: apiKey });
    send(404, { error: 'not found', key: apiKey });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
