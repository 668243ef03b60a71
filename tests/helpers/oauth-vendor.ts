/** A vendor API on 127.0.0.1 that wants an OAuth client-credentials token: POST /oauth/token hands one out for the
 * right client, GET /api/me answers only with a token it handed out (401 otherwise). For the configuration
 * lifecycle tests: a health check that refreshes the token, an action that needs it. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OAUTH_CLIENT = { id: 'app', secret: 's3cret-client-9f8e7d' } as const;

export interface OAuthVendor {
  readonly url: string;
  /** Tokens handed out, oldest first. */
  readonly issued: string[];
  close(): Promise<void>;
}

export async function startOAuthVendor(): Promise<OAuthVendor> {
  const issued: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'POST' && req.url === '/oauth/token') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        if (form.get('client_id') !== OAUTH_CLIENT.id || form.get('client_secret') !== OAUTH_CLIENT.secret) return json(401, { error: 'invalid_client' });
        const token = `tok-${issued.length + 1}-${randomBytes(8).toString('hex')}`;
        issued.push(token);
        return json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
      if (req.method === 'GET' && req.url === '/api/me') {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        return token && issued.includes(token) ? json(200, { user: 'ada@example.test' }) : json(401, { error: 'invalid_token' });
      }
      return json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issued,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
