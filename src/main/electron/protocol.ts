import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, isMissing, isServiceError } from '../services/errors';
import { resolveInside } from '../services/workspace/safe-path';
import { APP_HOST, APP_SCHEME } from './app-url';

// Workers must be served as JavaScript and .wasm as application/wasm, or Chromium refuses them
// (Monaco's workers, ruff-wasm's WebAssembly.instantiateStreaming).
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const mimeTypeOf = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Must run before app 'ready': a standard + secure scheme gets a real origin, so 'self', workers and fetch work. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/** Maps an app:// request to a file of the built renderer; nothing outside that folder can be named. */
export function createAppRequestHandler(rendererDir: string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'Not found');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch (e) {
      if (!(e instanceof URIError)) throw e;
      return text(400, 'Bad path');
    }
    let file: string;
    try {
      file = await resolveInside(rendererDir, rel);
    } catch (e) {
      if (isServiceError(e)) return text(403, 'Forbidden');
      return text(404, 'Not found');
    }
    const body = await readFile(file).catch((e: unknown) => {
      if (isMissing(e) || errnoCode(e) === 'EISDIR') return null;
      throw e;
    });
    if (!body) return text(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeOf(file),
        'Content-Length': String(body.length),
        'X-Content-Type-Options': 'nosniff',
        // index.html carries the CSP and asset names; never let a stale copy outlive an update.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** After 'ready': serve the built renderer on app://renderer/. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
