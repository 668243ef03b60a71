/** Failures of a FortiSOAR call, translated for people: what happened, and what to do about it. The kinds
 * follow the steps of "test connection" (dns, tcp, tls, auth, permission) plus what a publish adds. */
import type { ErrorCode } from '../../../shared/result';
import { ServiceError } from '../errors';

export type PublishErrorKind =
  | 'dns'
  | 'tcp'
  | 'proxy'
  | 'tls'
  | 'tls-fingerprint'
  | 'timeout'
  | 'auth'
  | 'permission'
  | 'hmac-trailing-slash'
  | 'conflict'
  | 'too-large'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'import-failed'
  | 'preflight'
  | 'protocol';

export interface PublishErrorDetails {
  readonly kind: PublishErrorKind;
  /** What to do about it, one or two sentences. */
  readonly hint: string;
  readonly status?: number;
  /** The server's own words, when it sent any. */
  readonly serverMessage?: string;
  /** SHA-256 of the certificate the server presented (TLS failures), for the user to compare and pin. */
  readonly fingerprint?: string;
}

const CODES: Record<PublishErrorKind, ErrorCode> = {
  dns: 'UNAVAILABLE',
  tcp: 'UNAVAILABLE',
  proxy: 'UNAVAILABLE',
  tls: 'UNAVAILABLE',
  'tls-fingerprint': 'UNAVAILABLE',
  timeout: 'TIMEOUT',
  auth: 'FORBIDDEN',
  permission: 'FORBIDDEN',
  'hmac-trailing-slash': 'FORBIDDEN',
  conflict: 'CONFLICT',
  'too-large': 'TOO_LARGE',
  'not-found': 'NOT_FOUND',
  'bad-request': 'VALIDATION',
  server: 'UNAVAILABLE',
  'import-failed': 'VALIDATION',
  preflight: 'VALIDATION',
  protocol: 'UNAVAILABLE',
};

export class PublishError extends ServiceError {
  declare readonly details: PublishErrorDetails;
  constructor(what: string, details: PublishErrorDetails) {
    // The message carries the hint too: many callers show only `message`.
    super(CODES[details.kind], `${what} ${details.hint}`, details);
    this.name = 'PublishError';
  }
  get kind(): PublishErrorKind {
    return this.details.kind;
  }
}

export const isPublishError = (e: unknown): e is PublishError => e instanceof PublishError;

export type AuthKind = 'password' | 'apiKey' | 'hmac';

/** `message` of integration endpoints, `hydra:description` of /api/3 and auth, else the text itself. */
export function serverMessageOf(body: unknown, text = ''): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['message', 'hydra:description', 'hydra:title', 'detail', 'error'])
      if (typeof b[k] === 'string' && b[k] !== '') return b[k] as string;
  }
  return text.trim().slice(0, 300);
}

export const HMAC_SLASH_MESSAGE = 'Could not validate HMAC fingerprint';
const CONFLICT_WORDS = /already (active|installed|exists)|same name and version/i;

const AUTH_HINTS: Record<AuthKind, [string, string]> = {
  password: [
    'The server refused the user name or password (HTTP 401).',
    'Check both in the server profile; the account may also be locked, expired, or allowed to sign in only through SSO.',
  ],
  apiKey: ['The server refused the API key (HTTP 401).', 'Check that the key is complete and has not been revoked or expired (Settings > API Keys on the server).'],
  hmac: [
    'The server could not validate the HMAC signature (HTTP 401).',
    "Check the public and private keys of the pair, and that this computer's clock is right: the signature carries the time.",
  ],
};

export interface HttpContext {
  readonly method: string;
  readonly path: string;
  readonly authKind: AuthKind;
  /** Words for what was being done, e.g. "install connectors". */
  readonly action?: string;
}

/** Turns an HTTP error answer into a PublishError that says what to do. */
export function translateHttpError(status: number, body: unknown, text: string, ctx: HttpContext): PublishError {
  const serverMessage = serverMessageOf(body, text);
  const base = { status, serverMessage };
  const said = serverMessage ? `: "${serverMessage}"` : '';
  if (status === 403 && serverMessage.includes(HMAC_SLASH_MESSAGE))
    return new PublishError(`The server answered 403 "${HMAC_SLASH_MESSAGE}" for ${ctx.method} ${ctx.path}.`, {
      ...base,
      kind: 'hmac-trailing-slash',
      hint: 'FortiSOAR says this for any /api/integration/ path that does not end with "/", whatever the credentials (tokens and API keys too): add the trailing "/" before the "?". Connector Studio adds it to its own calls; if you see this there, report it.',
    });
  if (status === 401) {
    const [what, hint] = AUTH_HINTS[ctx.authKind];
    return new PublishError(what, { ...base, kind: 'auth', hint });
  }
  if (status === 409 || CONFLICT_WORDS.test(serverMessage))
    return new PublishError(`The server refused the import as a conflict (HTTP ${status})${said}.`, {
      ...base,
      kind: 'conflict',
      hint: 'This version is already installed: choose Replace to overwrite it, or raise "version" in info.json. If it is not installed, another import check failed: run the pre-flight checks.',
    });
  if (status === 403)
    return new PublishError(`The account is signed in but may not ${ctx.action ?? `call ${ctx.method} ${ctx.path}`} (HTTP 403)${said}.`, {
      ...base,
      kind: 'permission',
      hint: 'Ask a FortiSOAR administrator for a role with Create, Read, Update and Delete on Connectors and Solution Packs, or for an API key without that restriction.',
    });
  if (status === 413)
    return new PublishError('The server refused the package as too large (HTTP 413).', {
      ...base,
      kind: 'too-large',
      hint: "Leave out files the connector does not need (bundled packages/, large images, test data), or ask the administrator to raise the upload limit of the server's web proxy.",
    });
  if (status === 404)
    return new PublishError(`The server has no ${ctx.path.split('?')[0]} (HTTP 404)${said}.`, {
      ...base,
      kind: 'not-found',
      hint: 'Check the server URL (it is the address of the FortiSOAR UI, without /api) and that the server runs FortiSOAR 7.x or later.',
    });
  if (status >= 500)
    return new PublishError(`The server failed with HTTP ${status}${said}.`, {
      ...base,
      kind: 'server',
      hint: 'Try again in a minute; if it keeps failing, the server is overloaded or broken: ask its administrator to check its logs.',
    });
  return new PublishError(`The server refused ${ctx.method} ${ctx.path.split('?')[0]} (HTTP ${status})${said}.`, {
    ...base,
    kind: 'bad-request',
    hint: 'Read the server\'s message above; if it names a connector problem, fix it in info.json and run the pre-flight checks again.',
  });
}

export const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export function timeoutError(what: string, ms: number): PublishError {
  return new PublishError(`The server did not answer within ${duration(ms)} (${what}).`, {
    kind: 'timeout',
    hint: 'The server may be busy or the network slow: try again, or raise the timeout in the server profile.',
  });
}
