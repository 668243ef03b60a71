import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../services';
import { createAuth, type Auth } from './auth';
import { createEventSocket } from './event-socket';
import { LAUNCH_SECRET_HEADER, LAUNCH_URL_PATH } from './launch-protocol';
import { handleRpc, sendJson } from './rpc';
import { serveStatic } from './static-files';

export interface BrowserHostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  auth?: Auth;
}

const page = (text: string) => `<!doctype html><meta charset="utf-8"><title>Connector Studio</title>\n<p>${text}</p>`;
const FRESH_LINK = 'Run <code>connector-studio web</code> again for a fresh link: it prints a new one from the running Connector Studio.';
const UNAUTHORIZED_PAGE = page(`This Connector Studio window has no session. Each link <code>connector-studio web</code> prints opens one browser, once. ${FRESH_LINK}`);
const USED_LINK_PAGE = page(`This link was already used: each link <code>connector-studio web</code> prints opens one browser, once. ${FRESH_LINK}`);

const sendHtml = (res: ServerResponse, status: number, html: string) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
};

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::ffff:127.0.0.1';

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

  let port = 0;
  const newLaunchUrl = () => `http://127.0.0.1:${port}/?token=${auth.issueLaunchToken()}`;

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!auth.singleHost(req)) return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'More than one Host header: send exactly one.' } });
    if (!auth.hostAllowed(req) || !auth.originAllowed(req)) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Requests from other sites are refused.' } });
    if (url.pathname === LAUNCH_URL_PATH) return answerLaunchUrl(req, res);
    const token = url.searchParams.get('token');
    // Only a GET spends the token: it is what a browser sends when the link is opened.
    if (token !== null && req.method === 'GET') {
      const state = auth.redeemLaunchToken(token);
      if (state === 'fresh') {
        res.writeHead(302, { 'Set-Cookie': auth.startSession(), Location: '/', 'Cache-Control': 'no-store' });
        return res.end();
      }
      // The same browser reopening its spent link: take the dead token out of the address bar.
      if (auth.hasSession(req)) {
        res.writeHead(302, { Location: '/', 'Cache-Control': 'no-store' });
        return res.end();
      }
      return sendHtml(res, 401, state === 'used' ? USED_LINK_PAGE : UNAUTHORIZED_PAGE);
    }
    if (!auth.hasSession(req)) {
      if (url.pathname.startsWith('/rpc/')) return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'No session: run `connector-studio web` for a fresh link and open it.' } });
      return sendHtml(res, 401, UNAUTHORIZED_PAGE);
    }
    if (url.pathname.startsWith('/rpc/')) return handleRpc(opts.services, url.pathname.slice(5), req, res);
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    return serveStatic(opts.rendererDir, url.pathname, res);
  }

  /** A second `connector-studio web` proves it may read our 0600 record by sending its secret; a page never may. */
  function answerLaunchUrl(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: `Use POST ${LAUNCH_URL_PATH}.` } });
    }
    if (!isLoopback(req.socket.remoteAddress) || req.headers.origin !== undefined)
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Launch links are handed out only to programs on this machine, never to a page.' } });
    const secret = req.headers[LAUNCH_SECRET_HEADER];
    if (!auth.secretMatches(typeof secret === 'string' ? secret : undefined))
      return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: `Wrong or missing ${LAUNCH_SECRET_HEADER}: send the secret from browser-host.json.` } });
    return sendJson(res, 200, { url: newLaunchUrl() });
  }

  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/ws') sockets.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  auth.setPort(port);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    /** The first launch link, printed at start. Single-use, like every link newLaunchUrl hands out. */
    url: newLaunchUrl(),
    /** For a second browser (or a test): the in-process twin of POST /launch-url. */
    newLaunchUrl,
    /** Written to the 0600 record so a second `connector-studio web` can ask for a new link. */
    launchSecret: auth.launchSecret,
    close: () =>
      new Promise<void>((resolve) => {
        auth.revokeAll();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
