import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { errnoCode, ifMissing, isMissing, isServiceError } from '../services/errors';
import { resolveInside } from '../services/workspace/safe-path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** Serves the built renderer; unknown paths fall back to index.html (a single-page app). */
export async function serveStatic(rendererDir: string, urlPath: string, res: ServerResponse): Promise<void> {
  const rel = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  let file: string;
  let body: Buffer;
  try {
    file = await resolveInside(rendererDir, rel);
    body = await readFile(file);
  } catch (e) {
    // A path outside the renderer, or one that is not a file there, is the app's own route: index.html answers.
    if (!isServiceError(e) && !isMissing(e) && errnoCode(e) !== 'EISDIR') throw e;
    file = path.join(rendererDir, 'index.html');
    body = await readFile(file).catch(ifMissing(Buffer.from('The renderer is not built. Run `npm run build`.')));
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}
