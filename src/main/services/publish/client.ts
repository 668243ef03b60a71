/** The FortiSOAR REST client: the subset of reference/fortisoar-api.md that publishing needs. */
import { randomBytes } from 'node:crypto';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import type { TlsSettings } from './connection';
import { PublishError, translateHttpError, type AuthKind } from './errors';
import { hmacAuthorization, hmacTimestamp } from './hmac';
import { httpSend, type HttpResponse } from './http';
import type {
  ConnectorDetails,
  ConnectorListPage,
  ExecuteRequest,
  ImportJob,
  InstallRecord,
  RemoteConfiguration,
  RemoteConfigurationInput,
  RemoteExecuteResult,
  RemoteHealth,
} from './types';

export type Credentials =
  | { readonly kind: 'password'; readonly username: string; readonly password: string }
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'hmac'; readonly publicKey: string; readonly privateKey: string };

export interface ClientOptions {
  /** The FortiSOAR address, e.g. https://soar.example.com (any path is ignored). */
  readonly url: string;
  readonly credentials: Credentials;
  readonly tls?: TlsSettings;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read. Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Per request. Default 60 s. */
  readonly timeoutMs?: number;
  /** For the package upload. Default 10 min. */
  readonly uploadTimeoutMs?: number;
  /** Connect steps (DNS, TCP, TLS). Default 15 s. */
  readonly connectTimeoutMs?: number;
  /** Clock for HMAC signatures (tests). */
  readonly now?: () => Date;
  /** How the client waits for the next second before signing an identical request again. Tests pass one that
   * moves their `now` instead of waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  /** Sent as JSON; serialised once so the bytes signed are the bytes sent. */
  readonly json?: unknown;
  readonly body?: Buffer;
  readonly contentType?: string;
  readonly timeoutMs?: number;
  readonly onUploadProgress?: (sent: number, total: number) => void;
  /** Words for error messages, e.g. "install connectors". */
  readonly action?: string;
  /** Statuses handed back instead of thrown. */
  readonly accept?: readonly number[];
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

/** FortiSOAR answers 403 "Could not validate HMAC fingerprint" for an /api/integration/ path without its
 * trailing slash, whatever the credentials: every integration path we build goes through here. */
export function integrationPath(path: string): string {
  const [p = '', q] = path.split(/\?(.*)/s, 2);
  const slashed = p.endsWith('/') ? p : `${p}/`;
  return q === undefined ? slashed : `${slashed}?${q}`;
}

const AUTH_KIND: Record<Credentials['kind'], AuthKind> = { password: 'password', apiKey: 'apiKey', hmac: 'hmac' };
const enc = encodeURIComponent;

function parse(res: HttpResponse): ApiResponse {
  const text = res.body.toString('utf8');
  // Not JSON (a proxy's HTML error page, say): keep the text for the message.
  const parsed = text.trim() === '' ? undefined : parseJsonOrUndefined(text);
  return { status: res.status, body: parsed === undefined ? text : parsed, text };
}

/** A signed-in FortiSOAR API client. Every call throws a translated PublishError (what failed, what to do) on an
 * error status it does not accept. */
export interface FortiSoarClient {
  /** The server's origin, e.g. https://soar.example.com. */
  readonly baseUrl: string;
  readonly authKind: AuthKind;
  /** Any call; a password sign-in whose token expired signs in once more and retries. */
  request(method: string, path: string, o?: RequestOptions): Promise<ApiResponse>;
  /** Exchanges user name and password for a token; nothing to do for API keys and HMAC. */
  login(): Promise<void>;
  /** GET /api/3/people: 401 means bad credentials, 403 valid but restricted (the reference's key check). */
  checkCredentials(): Promise<ApiResponse>;
  listConnectors(q?: { name?: string; page?: number; pageSize?: number }): Promise<ConnectorListPage>;
  /** By id, or by name and version (an unknown version falls back to the latest installed). POST with `{}`. */
  connectorDetails(nameOrId: string | number, version?: string): Promise<ConnectorDetails>;
  /** Uploads the .tgz as a solution pack; `replace` overwrites the same version. */
  installConnector(pkg: Buffer, fileName: string, o?: { replace?: boolean; onProgress?: (sent: number, total: number) => void }): Promise<InstallRecord>;
  /** The state of the import an install started. */
  importJob(uuid: string): Promise<ImportJob>;
  /** DELETE /api/integration/connectors/<id>/: 204, and the server finishes the removal in the background. */
  uninstallConnector(id: number): Promise<void>;
  /** Every configuration of every connector the user may see. */
  listConfigurations(): Promise<RemoteConfiguration[]>;
  createConfiguration(input: RemoteConfigurationInput): Promise<RemoteConfiguration>;
  updateConfiguration(configId: string, input: RemoteConfigurationInput): Promise<RemoteConfiguration>;
  deleteConfiguration(configId: string): Promise<void>;
  /** The connector's health; `config`: the configuration id to check with, else the server's choice. A
   * PublishError of kind not-found when the connector has no configuration. */
  healthCheck(name: string, version: string, config?: string): Promise<RemoteHealth>;
  /** A connector action's own failure (CS-INTEGRATION-5) comes back as a Failed result, not a throw. */
  execute(r: ExecuteRequest): Promise<RemoteExecuteResult>;
}

export function createFortiSoarClient(options: ClientOptions): FortiSoarClient {
  const base = new URL(options.url);
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new PublishError(`"${options.url}" is not an http(s) URL.`, { kind: 'bad-request', hint: 'Use the address of the FortiSOAR UI, e.g. https://soar.example.com.' });
  const creds = options.credentials;
  const authKind = AUTH_KIND[creds.kind];
  const connect = { tls: options.tls, env: options.env, timeoutMs: options.connectTimeoutMs };
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let token: string | undefined;

  async function send(method: string, path: string, o: RequestOptions, authorization?: string): Promise<ApiResponse> {
    const url = new URL(path, base.origin);
    const body = o.json !== undefined ? Buffer.from(JSON.stringify(o.json), 'utf8') : o.body;
    const headers: Record<string, string> = {};
    if (body) headers['Content-Type'] = o.json !== undefined ? 'application/json' : (o.contentType ?? 'application/octet-stream');
    const auth = authorization ?? (await authorize(method, `${url.origin}${url.pathname}${url.search}`, body));
    if (auth) headers.Authorization = auth;
    const res = await httpSend({ method, url, headers, body, timeoutMs: o.timeoutMs ?? options.timeoutMs ?? 60_000, onUploadProgress: o.onUploadProgress }, connect);
    return parse(res);
  }

  // A server may serve each signature of a request other than GET once (the sandbox does): the signature
  // covers the time to the second, so an identical request in the same second waits for the next one.
  let signedSecond = '';
  const signedThisSecond = new Set<string>();
  async function signHmac(hmac: { publicKey: string; privateKey: string }, method: string, fullUrl: string, body: Buffer | undefined): Promise<string> {
    const sign = (date: Date) => hmacAuthorization({ method, fullUrl, body, publicKey: hmac.publicKey, privateKey: hmac.privateKey, date });
    let date = now();
    let header = sign(date);
    if (method.toUpperCase() === 'GET') return header;
    if (hmacTimestamp(date) === signedSecond && signedThisSecond.has(header)) {
      await sleep(1005 - date.getUTCMilliseconds());
      date = now();
      header = sign(date);
    }
    if (hmacTimestamp(date) !== signedSecond) signedThisSecond.clear();
    signedSecond = hmacTimestamp(date);
    signedThisSecond.add(header);
    return header;
  }

  async function authorize(method: string, fullUrl: string, body: Buffer | undefined): Promise<string> {
    if (creds.kind === 'apiKey') return `API-KEY ${creds.apiKey}`;
    if (creds.kind === 'hmac') return signHmac(creds, method, fullUrl, body);
    if (!token) await login();
    return `Bearer ${token}`;
  }

  /** Exchanges user name and password for a token (POST /auth/authenticate, no /api prefix). */
  async function login(): Promise<void> {
    if (creds.kind !== 'password') return;
    const json = { credentials: { loginid: creds.username, password: creds.password } };
    const res = await send('POST', '/auth/authenticate', { json }, '');
    const t = (res.body as { token?: unknown } | null)?.token;
    if (res.status !== 200) throw translateHttpError(res.status, res.body, res.text, { method: 'POST', path: '/auth/authenticate', authKind, action: 'sign in' });
    if (typeof t !== 'string' || t === '')
      throw new PublishError('The server answered the sign-in without a token.', { kind: 'protocol', hint: 'Check that the URL points at a FortiSOAR server (7.x or later).' });
    token = t;
  }

  /** Any call; throws a translated PublishError for an error status not in `accept`. Tokens expire after about
   * 30 minutes, so a 401/403 with a token we did not just get triggers one fresh sign-in and one retry. */
  async function request(method: string, path: string, o: RequestOptions = {}): Promise<ApiResponse> {
    const hadToken = token !== undefined;
    let res = await send(method, path, o);
    if (creds.kind === 'password' && hadToken && (res.status === 401 || res.status === 403)) {
      token = undefined;
      res = await send(method, path, o);
    }
    if (res.status >= 400 && !o.accept?.includes(res.status)) throw translateHttpError(res.status, res.body, res.text, { method, path, authKind, action: o.action });
    return res;
  }

  const json = async <T>(method: string, path: string, o: RequestOptions = {}) => (await request(method, path, o)).body as T;

  function multipart(pkg: Buffer, fileName: string): { body: Buffer; contentType: string } {
    const boundary = `----ConnectorStudio${randomBytes(12).toString('hex')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/gzip\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head, 'utf8'), pkg, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
    return { body, contentType: `multipart/form-data; boundary=${boundary}` };
  }

  return {
    baseUrl: base.origin,
    authKind,
    request,
    login,
    checkCredentials: () => request('GET', '/api/3/people', { accept: [403], action: 'read users' }),
    listConnectors: (q: { name?: string; page?: number; pageSize?: number } = {}) => {
      const query = [q.name !== undefined ? `name=${enc(q.name)}` : '', q.page ? `page=${q.page}` : '', q.pageSize ? `page_size=${q.pageSize}` : ''].filter(Boolean).join('&');
      return json<ConnectorListPage>('GET', integrationPath(`/api/integration/connectors/${query ? `?${query}` : ''}`), { action: 'list connectors' });
    },
    connectorDetails: (nameOrId: string | number, version?: string) => {
      const path = version === undefined ? `/api/integration/connectors/${enc(String(nameOrId))}/` : `/api/integration/connectors/${enc(String(nameOrId))}/${enc(version)}/`;
      return json<ConnectorDetails>('POST', integrationPath(path), { json: {}, action: 'read connector details' });
    },
    installConnector: (pkg: Buffer, fileName: string, o: { replace?: boolean; onProgress?: (sent: number, total: number) => void } = {}) => {
      const { body, contentType } = multipart(pkg, fileName);
      // $replace=false is left out rather than sent: the reference's advice.
      const path = `/api/3/solutionpacks/install?$type=connector${o.replace ? '&$replace=true' : ''}`;
      return json<InstallRecord>('POST', path, { body, contentType, onUploadProgress: o.onProgress, timeoutMs: options.uploadTimeoutMs ?? 600_000, action: 'install connectors' });
    },
    importJob: (uuid: string) => json<ImportJob>('GET', `/api/3/import_jobs/${enc(uuid)}`, { action: 'read import jobs' }),
    uninstallConnector: async (id: number) => void (await request('DELETE', integrationPath(`/api/integration/connectors/${id}/`), { action: 'uninstall connectors' })),
    listConfigurations: async (): Promise<RemoteConfiguration[]> => {
      const body = await json<unknown>('GET', integrationPath('/api/integration/configuration/'), { action: 'read configurations' });
      const list = Array.isArray(body) ? body : ((body as { data?: unknown; 'hydra:member'?: unknown })?.data ?? (body as { 'hydra:member'?: unknown })?.['hydra:member']);
      return Array.isArray(list) ? (list as RemoteConfiguration[]) : [];
    },
    createConfiguration: (input: RemoteConfigurationInput) =>
      json<RemoteConfiguration>('POST', integrationPath('/api/integration/configuration/'), { json: { teams: [], ...input }, action: 'create configurations' }),
    updateConfiguration: (configId: string, input: RemoteConfigurationInput) =>
      json<RemoteConfiguration>('PUT', integrationPath(`/api/integration/configuration/${enc(configId)}/`), { json: { teams: [], ...input }, action: 'change configurations' }),
    deleteConfiguration: async (configId: string) =>
      void (await request('DELETE', integrationPath(`/api/integration/configuration/${enc(configId)}/`), { action: 'delete configurations' })),
    healthCheck: async (name: string, version: string, config?: string): Promise<RemoteHealth> => {
      const path = integrationPath(`/api/integration/connectors/healthcheck/${enc(name)}/${enc(version)}/${config !== undefined ? `?config=${enc(config)}` : ''}`);
      const res = await request('GET', path, { accept: [404], action: 'check connector health' });
      if (res.status === 404)
        throw new PublishError(`${name} ${version} has no configuration on the server, so its health cannot be checked.`, {
          kind: 'not-found',
          status: 404,
          hint: 'Create a configuration (Publish can create one from a local test configuration) or pick an existing one.',
        });
      return res.body as RemoteHealth;
    },
    execute: async (r: ExecuteRequest): Promise<RemoteExecuteResult> => {
      const json = { connector: r.connector, version: r.version, config: r.config, operation: r.operation, params: r.params ?? {}, audit: null, audit_info: null };
      const res = await request('POST', integrationPath('/api/integration/execute/?format=json'), { json, accept: [400], action: 'run connector actions' });
      const message = (res.body as { message?: unknown })?.message;
      if (res.status === 200) return res.body as RemoteExecuteResult;
      if (typeof message === 'string' && message.startsWith('CS-INTEGRATION-5')) return { operation: r.operation, status: 'Failed', message, data: null };
      throw translateHttpError(res.status, res.body, res.text, { method: 'POST', path: '/api/integration/execute/', authKind, action: 'run connector actions' });
    },
  };
}
