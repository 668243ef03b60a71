/** Request and response plumbing of the sandbox: bodies, FortiSOAR's two error shapes, multipart uploads. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonOrUndefined } from '../../shared/parse-json';
import { parseMultipartFiles, type UploadedFile } from '../services/platform/multipart';

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Hydra body (/api/3 and /auth) or `{"message"}` (integration endpoints). */
    readonly shape: 'hydra' | 'message' = 'message',
    readonly title?: string,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: 'An error occurred',
  401: 'Unauthorized',
  403: 'Access Denied',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** FortiSOAR's error shape for a path: Hydra for /api/3 and /auth, `{"message"}` for /api/integration. */
export const shapeFor = (path: string): 'hydra' | 'message' => (path.startsWith('/api/integration/') ? 'message' : 'hydra');

export function errorBody(f: HttpFailure): unknown {
  if (f.shape === 'message') return { message: f.message };
  return { '@context': '/api/3/contexts/Error', '@type': 'Error', 'hydra:title': f.title ?? TITLES[f.status] ?? 'An error occurred', 'hydra:description': f.message };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(body);
  const type = body && typeof body === 'object' && '@type' in body && (body as { '@type': unknown })['@type'] === 'Error' ? 'application/problem+json' : 'application/json';
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** A file's content, offered for download under its name. */
export function sendFile(res: ServerResponse, status: number, file: { readonly data: Buffer; readonly mimeType: string; readonly filename: string }): void {
  const name = file.filename.replace(/["\\\r\n]/g, '_');
  res.writeHead(status, { 'Content-Type': file.mimeType, 'Content-Length': file.data.length, 'Content-Disposition': `attachment; filename="${name}"` }).end(file.data);
}

/** Whether the request says a body follows (a length above zero, or chunks). */
export function declaresBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** The declared length, or undefined for a chunked body. */
export const declaredLength = (req: IncomingMessage): number | undefined =>
  req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);

export const tooLarge = (req: IncomingMessage, max: number, declared?: number) =>
  new HttpFailure(
    413,
    declared === undefined ? `The body is larger than ${max} bytes, the most this server accepts here.` : `The body is ${declared} bytes; this server accepts at most ${max} bytes here.`,
    shapeFor(req.url ?? ''),
  );

/** Reads the whole body. More than `max` bytes is a 413: a declared length is refused before anything is
 * read, a longer chunked body as soon as it passes `max` (reading then stops; the caller answers with
 * `Connection: close`). A client that hangs up first rejects too, so no one waits for a body that never comes. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > max) return reject(tooLarge(req, max, declared));
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > max) settle(tooLarge(req, max));
      else chunks.push(c);
    };
    const onEnd = () => settle();
    const onError = (e: Error) => settle(e);
    const onClose = () => settle(new HttpFailure(400, 'The client closed the connection before the whole body arrived.', shapeFor(req.url ?? '')));
    req.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

export function parseJsonBody(body: Buffer, shape: 'hydra' | 'message'): unknown {
  const value = parseJsonOrUndefined(body.toString('utf8'));
  if (value === undefined) throw new HttpFailure(400, 'The body is not valid JSON.', shape);
  return value;
}

export type { UploadedFile };

/** The parts of a multipart/form-data body that carry files (the one parser: services/platform/multipart.ts). */
export function parseMultipart(body: Buffer, contentType: string | undefined): UploadedFile[] {
  const files = parseMultipartFiles(body, contentType);
  if (!files) throw new HttpFailure(400, 'Expected a multipart/form-data upload with a "file" part.', 'hydra');
  return files;
}
