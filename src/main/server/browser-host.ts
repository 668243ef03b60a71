import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../services';
import { createAuth, type Auth } from './auth';
import { createEventSocket } from './event-socket';
import { handleRpc, sendJson } from './rpc';
import { serveStatic } from './static-files';

export interface BrowserHostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  auth?: Auth;
}

const UNAUTHORIZED_PAGE = `<!doctype html><meta charset="utf-8"><title>Connector Studio</title>
<p>This Connector Studio window has no session. Open the address printed by <code>connector-studio web</code> (it carries a one-time token).</p>`;

/** Browser mode: the same dispatch as the desktop app, over HTTP on 127.0.0.1 only. */
export async function startBrowserHost(opts: BrowserHostOptions) {
  const auth = opts.auth ?? createAuth();
  const sockets = createEventSocket(opts.services, auth);
  const server = createServer((req, res) => {
    route(req, res).catch((e) => {
      opts.services.log.error('HTTP handler failed', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!auth.hostAllowed(req) || !auth.originAllowed(req)) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Requests from other sites are refused.' } });
    if (auth.tokenMatches(url.searchParams.get('token'))) {
      res.writeHead(302, { 'Set-Cookie': auth.sessionCookie(), Location: '/', 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (!auth.hasSession(req)) {
      res.writeHead(401, { 'Content-Type': url.pathname.startsWith('/rpc/') ? 'application/json' : 'text/html; charset=utf-8' });
      return res.end(url.pathname.startsWith('/rpc/') ? JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'No session: open the URL with its token first.' } }) : UNAUTHORIZED_PAGE);
    }
    if (url.pathname.startsWith('/rpc/')) return handleRpc(opts.services, url.pathname.slice(5), req, res);
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    return serveStatic(opts.rendererDir, url.pathname, res);
  }

  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/ws') sockets.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  auth.setPort(port);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/?token=${auth.launchToken}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
