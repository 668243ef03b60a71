/** `connector-studio sandbox`: a local FortiSOAR-compatible server for the subset in
 * reference/fortisoar-api.md, so publishing can be tried and tested for real without a FortiSOAR. */
import { mkdir } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createPlatformHub } from '../services/platform/hub';
import { PlatformHttpError, handlePlatformRequest, isPlatformPath } from '../services/platform/http-api';
import { openFolderStore, type PlatformStore } from '../services/platform/store';
import { createRuntimeService } from '../services/runtime';
import { settled } from '../../shared/settled';
import type { RuntimeService } from '../services/runtime/types';
import { SandboxAuth, type Principal, type SandboxCredentials } from './auth';
import type { SandboxContext } from './context';
import { HttpFailure, declaredLength, declaresBody, errorBody, parseJsonBody, parseMultipart, readBody, sendFile, sendJson, shapeFor, tooLarge } from './http-util';
import { importJobView, installUpload } from './installer';
import { integration, type Reply } from './integration';
import { SandboxState } from './state';
import { workflows } from './workflows';

export interface SandboxOptions extends SandboxCredentials {
  /** Installed packages, configurations and jobs live here (`--data DIR`). */
  readonly dataDir: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Serve https with this certificate (PEM). */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** The interpreter for connectors and their venvs. Default ['python3']. */
  readonly pythonCommand?: string[];
  /** The platform default of that interpreter (environment-service platformOf), shared with the IDE and the CLI;
   * without it connectors without a venv run on the plain interpreter. */
  readonly platform?: (python: string[]) => Promise<{ readonly python?: string; readonly sitePackages?: string }>;
  readonly runtimeEnv?: Record<string, string>;
  readonly runtimeTimeoutMs?: number;
  /** Delay between import job steps. Default 200 ms. */
  readonly jobStepMs?: number;
  /** Larger uploads get 413. Default 200 MB. */
  readonly maxUploadBytes?: number;
  /** Bodies over 64 KiB (uploads) read at the same time; one more gets 503. Default 2. */
  readonly maxConcurrentUploads?: number;
  /** One line per request (method, path, status); never headers or bodies. */
  readonly log?: (line: string) => void;
}

export interface Sandbox {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Resolves once the background work started so far (import jobs, requirements installs) has finished, so a
   * test can wait for it instead of polling. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const forbidden = (who: Principal, shape: 'hydra' | 'message') =>
  new HttpFailure(403, `Access denied: the role of ${who.name} does not allow this action.`, shape, 'Access Denied');

/** Writes and user lists need the admin role; a read-only principal gets 403 ("valid but restricted"). */
function checkRole(who: Principal, method: string, pathname: string, shape: 'hydra' | 'message'): void {
  if (who.role === 'admin') return;
  // A query (POST /api/query/<module>) only reads, as a connector's details do.
  const readsOnly = method === 'GET' || (method === 'POST' && (/^\/api\/integration\/connectors\/[^/]+\/([^/]+\/)?$/.test(pathname) || pathname.startsWith('/api/query/')));
  if (!readsOnly || pathname.startsWith('/api/3/people')) throw forbidden(who, shape);
}

async function api3(ctx: SandboxContext, platform: PlatformStore, req: IncomingMessage, method: string, url: URL, body: Buffer): Promise<Reply> {
  const p = url.pathname;
  if (p === '/api/3/solutionpacks/install' && method === 'POST') {
    if (url.searchParams.get('$type') !== 'connector') throw new HttpFailure(400, 'This server installs only connectors: add ?$type=connector.', 'hydra');
    const file = parseMultipart(body, req.headers['content-type']).find((f) => f.fieldName === 'file');
    if (!file) throw new HttpFailure(400, 'The upload has no "file" part.', 'hydra');
    return { status: 200, body: await ctx.serially(() => installUpload(ctx, file, url.searchParams.get('$replace') === 'true')) };
  }
  const jobId = /^\/api\/3\/import_jobs\/([^/]+)$/.exec(p)?.[1];
  if (jobId !== undefined && method === 'GET') return { status: 200, body: importJobView(ctx, decodeURIComponent(jobId)) };
  const playbooks = await workflows(ctx, method, url, () => parseJsonBody(body, 'hydra'));
  if (playbooks) return playbooks;
  // Records and files: the same store and API the connectors' workers reach (services/platform, docs/platform-api.md).
  if (isPlatformPath(p)) {
    try {
      const reply = await handlePlatformRequest(platform, { method, url, body, contentType: req.headers['content-type'] });
      return { status: reply.status, body: reply.json, ...(reply.file ? { file: reply.file } : {}), ...(reply.headers ? { headers: reply.headers } : {}) };
    } catch (e) {
      throw e instanceof PlatformHttpError ? new HttpFailure(e.status, e.message, 'hydra') : e;
    }
  }
  throw new HttpFailure(404, `No route for ${method} ${p}.`, 'hydra');
}

/** Sign-in reads a body before anyone is known, so it gets only what a login needs. */
const LOGIN_MAX_BYTES = 64 * 1024;
/** Bodies up to this size are read without taking an upload slot. */
const SMALL_BODY_BYTES = 64 * 1024;

/** A fixed number of uploads at once, so a few large bodies cannot take all the memory: a slot is held from
 * reading the body to the answer, as the body stays in memory until then. */
function uploadSlots(size: number) {
  let used = 0;
  return {
    take(shape: 'hydra' | 'message'): () => void {
      if (used >= size)
        throw new HttpFailure(503, `${size} uploads are already being received: send this one again when they have finished.`, shape, undefined, { 'Retry-After': '5' });
      used++;
      let released = false;
      return () => {
        if (!released) used--;
        released = true;
      };
    },
  };
}

function makeHandler(ctx: SandboxContext, auth: SandboxAuth, o: SandboxOptions, platform: PlatformStore) {
  const scheme = o.tls ? 'https' : 'http';
  const maxBody = o.maxUploadBytes ?? 200 * 1024 * 1024;
  const uploads = uploadSlots(o.maxConcurrentUploads ?? 2);

  /** Reads the body only now that the caller may send it: answers a waiting `Expect: 100-continue` first. */
  const receive = (req: IncomingMessage, res: ServerResponse, max: number, expectsContinue: boolean) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > max) throw tooLarge(req, max, declared);
    if (expectsContinue) res.writeContinue();
    return readBody(req, max);
  };

  /** Credentials and role come from the headers before any body is read; only then, and within the upload
   * slots, may a large body be read. */
  async function answer(req: IncomingMessage, res: ServerResponse, method: string, url: URL, shape: 'hydra' | 'message', expectsContinue: boolean): Promise<Reply> {
    // FortiSOAR answers this, whatever the credentials, for an integration path without its trailing slash.
    if (url.pathname.startsWith('/api/integration/') && !url.pathname.endsWith('/')) throw new HttpFailure(403, 'Could not validate HMAC fingerprint', 'message');
    if (url.pathname === '/auth/authenticate') {
      if (method !== 'POST') throw new HttpFailure(405, `Method "${method}" not allowed.`, 'hydra');
      const body = await receive(req, res, LOGIN_MAX_BYTES, expectsContinue);
      return { status: 200, body: auth.login(parseJsonBody(body, shape)) };
    }
    const fullUrl = `${scheme}://${req.headers.host ?? ''}${req.url ?? '/'}`;
    const check = auth.fromHeaders({ method, fullUrl, authorization: req.headers.authorization, hasBody: declaresBody(req) }, shape);
    checkRole(check.claimed, method, url.pathname, shape);
    const declared = declaredLength(req);
    const large = declaresBody(req) && (declared === undefined || declared > SMALL_BODY_BYTES);
    if (large && declared !== undefined && declared > maxBody) throw tooLarge(req, maxBody, declared);
    const release = large ? uploads.take(shape) : undefined;
    try {
      const body = await receive(req, res, maxBody, expectsContinue);
      check.withBody(body);
      const json = () => parseJsonBody(body, shape);
      return url.pathname.startsWith('/api/integration/') ? await integration(ctx, method, url, body, json) : await api3(ctx, platform, req, method, url, body);
    } finally {
      release?.();
    }
  }

  return async (req: IncomingMessage, res: ServerResponse, expectsContinue = false) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const shape = shapeFor(url.pathname);
    let status = 500;
    try {
      const reply = await answer(req, res, method, url, shape, expectsContinue);
      status = reply.status;
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      if (reply.file) sendFile(res, reply.status, reply.file);
      else sendJson(res, reply.status, reply.body);
    } catch (e) {
      const failure = e instanceof HttpFailure ? e : new HttpFailure(500, `Internal error: ${(e as Error).message}`, shape);
      status = failure.status;
      if (!res.headersSent && !res.destroyed) {
        for (const [k, v] of Object.entries(failure.headers)) res.setHeader(k, v);
        // A body left unread (refused before it was read, or cut off at the limit) is not drained: the
        // connection closes after the answer.
        if (!req.complete && declaresBody(req)) res.setHeader('Connection', 'close');
        sendJson(res, failure.status, errorBody(failure));
      }
    } finally {
      o.log?.(`${method} ${url.pathname} -> ${status}`);
    }
  };
}

export async function startSandbox(o: SandboxOptions): Promise<Sandbox> {
  const dataDir = path.resolve(o.dataDir);
  await mkdir(dataDir, { recursive: true });
  const state = await SandboxState.load(dataDir);
  // One FortiSOAR, one database: every connector's runs and the REST API share the store under --data.
  const platform = openFolderStore(path.join(dataDir, 'platform'));
  const hub = createPlatformHub({ storeFor: () => platform, warn: o.log });
  const python = o.pythonCommand?.length ? o.pythonCommand : ['python3'];
  const runtimes = new Map<string, RuntimeService>();
  const pending = new Set<Promise<unknown>>();
  let installs: Promise<unknown> = Promise.resolve();
  const ctx: SandboxContext = {
    dataDir,
    state,
    python,
    jobStepMs: o.jobStepMs ?? 200,
    platform: async () => (o.platform ? o.platform(python) : {}),
    runtimeFor(c) {
      const cmd = c.python ? [c.python] : python;
      const key = cmd.join('\0');
      // Without a venv of its own a connector runs on the platform default once it is made (checked per call).
      const resolvePython = c.python
        ? undefined
        : async () => {
            const platform = (await ctx.platform()).python;
            return platform ? [platform] : undefined;
          };
      let r = runtimes.get(key);
      if (!r) runtimes.set(key, (r = createRuntimeService({ dataDir: path.join(dataDir, 'runtime'), pythonCommand: cmd, env: o.runtimeEnv, timeoutMs: o.runtimeTimeoutMs, warn: o.log, resolvePython, platform: (f) => hub.connectionFor(f) })));
      return r;
    },
    serially(work) {
      const next = installs.then(work, work);
      installs = settled(next); // the next install waits for this one; its failure goes to this caller
      return next;
    },
    log: (line) => o.log?.(line),
    track(work) {
      const p = work.catch((e: Error) => o.log?.(`background work failed: ${e.message}`)).finally(() => pending.delete(p));
      pending.add(p);
    },
  };
  const handler = makeHandler(ctx, new SandboxAuth(o), o, platform);
  // The handler answers every failure of a request itself; what still escapes it (a request line that is no URL)
  // is logged and ends that request.
  const serve = (req: IncomingMessage, res: ServerResponse, expectsContinue = false) => {
    handler(req, res, expectsContinue).catch((e: unknown) => {
      o.log?.(`${req.method ?? ''} ${req.url ?? ''} failed: ${(e as Error).message}`);
      res.destroy();
    });
  };
  const server = o.tls ? https.createServer({ cert: o.tls.cert, key: o.tls.key }, (req, res) => serve(req, res)) : http.createServer((req, res) => serve(req, res));
  // A client that waits for 100 Continue gets it only once its credentials have passed (see `receive`).
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => serve(req, res, true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host ?? '127.0.0.1';
  return {
    url: `${o.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    dataDir,
    async settled() {
      // Work tracked while waiting is waited for too.
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([...pending]);
      await Promise.all([...runtimes.values()].map((r) => r.stopAll()));
      await hub.close();
      await state.save();
    },
  };
}
