/** The sandbox's three authentication schemes, as reference/fortisoar-api.md describes the server side:
 * login tokens (JWT, about 30 minutes), `API-KEY <key>`, and `CS <base64>` HMAC signatures. Written from
 * the reference, not from our client; the golden transcripts check both against hand-computed values. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseJsonOrUndefined } from '../../shared/parse-json';
import { HttpFailure } from './http-util';

export type Role = 'admin' | 'readonly';

export interface SandboxCredentials {
  readonly users?: ReadonlyArray<{ readonly name: string; readonly password: string; readonly role?: Role }>;
  readonly apiKeys?: ReadonlyArray<{ readonly key: string; readonly role?: Role }>;
  readonly hmacKeys?: ReadonlyArray<{ readonly publicKey: string; readonly privateKey: string; readonly role?: Role }>;
  /** Token lifetime. Default 30 minutes, as FortiSOAR. */
  readonly tokenTtlMs?: number;
  /** How far an HMAC timestamp may be from the server clock. Default 5 minutes. */
  readonly hmacSkewMs?: number;
  readonly now?: () => Date;
}

export interface Principal {
  readonly scheme: 'token' | 'apiKey' | 'hmac';
  readonly name: string;
  readonly role: Role;
}

export interface SignedRequest {
  readonly method: string;
  /** Scheme, Host header and the request target as received. */
  readonly fullUrl: string;
  readonly authorization: string | undefined;
  readonly body: Buffer;
}

/** A request before its body is read. */
export interface RequestHead extends Omit<SignedRequest, 'body'> {
  /** Whether a body follows (a length above zero, or chunks). */
  readonly hasBody: boolean;
}

/** What the headers alone could check. */
export interface HeaderCheck {
  /** Verified for tokens, API keys and HMAC GETs; for other HMAC requests the signing key's owner, until
   * `withBody` checks the signature over the body. */
  readonly claimed: Principal;
  /** Checks what needs the body (an HMAC signature over it) and returns the caller, or throws a 401. */
  withBody(body: Buffer): Principal;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `%Y-%m-%d %H:%M:%S` in UTC, read back. */
function parseHmacTime(ts: string): number {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(ts) ? Date.parse(`${ts.replace(' ', 'T')}Z`) : NaN;
}

export class SandboxAuth {
  private readonly secret = randomBytes(32);
  /** Fingerprints of HMAC requests already served -> when their timestamp leaves the accepted window. */
  private readonly usedSignatures = new Map<string, number>();
  private readonly ttl: number;
  private readonly now: () => Date;

  constructor(private readonly creds: SandboxCredentials) {
    this.ttl = creds.tokenTtlMs ?? 30 * 60_000;
    this.now = creds.now ?? (() => new Date());
  }

  /** POST /auth/authenticate: `{"credentials":{"loginid","password"}}` -> a JWT, or a Hydra 401. */
  login(body: unknown): { token: string } {
    const c = (body as { credentials?: { loginid?: unknown; password?: unknown } } | null)?.credentials;
    const user = this.creds.users?.find((u) => u.name === c?.loginid && typeof c?.password === 'string' && same(u.password, c.password));
    if (!user) throw new HttpFailure(401, 'Bad credentials: the login id or the password is wrong.', 'hydra');
    const iat = Math.floor(this.now().getTime() / 1000);
    const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
    const payload = b64url(JSON.stringify({ sub: user.name, iat, exp: iat + Math.floor(this.ttl / 1000), jti: randomBytes(8).toString('hex') }));
    const sig = b64url(createHmac('sha256', this.secret).update(`${head}.${payload}`).digest());
    return { token: `${head}.${payload}.${sig}` };
  }

  /** Who is calling, or an HttpFailure (401) in the given error shape, for a request read whole. */
  authenticate(r: SignedRequest, shape: 'hydra' | 'message'): Principal {
    return this.fromHeaders({ ...r, hasBody: r.body.length > 0 }, shape).withBody(r.body);
  }

  /** Checks the Authorization header before the body is read, so a stranger's upload is refused (401) without
   * reading it; only an HMAC signature over a body still needs the body, through `withBody`. */
  fromHeaders(r: RequestHead, shape: 'hydra' | 'message'): HeaderCheck {
    const header = r.authorization?.trim() ?? '';
    const space = header.indexOf(' ');
    const scheme = space === -1 ? header : header.slice(0, space);
    const value = space === -1 ? '' : header.slice(space + 1).trim();
    const fail = (m: string) => new HttpFailure(401, m, shape);
    const known = (claimed: Principal): HeaderCheck => ({ claimed, withBody: () => claimed });
    if (scheme === 'Bearer') return known(this.fromToken(value, fail));
    if (scheme === 'API-KEY') {
      const key = this.creds.apiKeys?.find((k) => same(k.key, value));
      if (!key) throw fail('Invalid API key.');
      return known({ scheme: 'apiKey', name: `api-key:${key.key.slice(0, 4)}`, role: key.role ?? 'admin' });
    }
    if (scheme === 'CS') return this.fromHmac(value, r, fail);
    throw fail(header ? 'Unsupported authorization scheme.' : 'Full authentication is required to access this resource.');
  }

  private fromToken(token: string, fail: (m: string) => HttpFailure): Principal {
    const segments = token.split('.');
    // header.payload.signature and nothing more: an extra segment is not the token that was signed.
    if (segments.length !== 3) throw fail('Invalid JWT Token');
    const [head, payload, sig] = segments;
    const expected = b64url(createHmac('sha256', this.secret).update(`${head}.${payload}`).digest());
    if (!head || !payload || !sig || !same(sig, expected)) throw fail('Invalid JWT Token');
    const claims = parseJsonOrUndefined(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string; exp: number } | null | undefined;
    if (typeof claims !== 'object' || claims === null) throw fail('Invalid JWT Token');
    if (claims.exp * 1000 <= this.now().getTime()) throw fail('Expired JWT Token');
    const user = this.creds.users?.find((u) => u.name === claims.sub);
    if (!user) throw fail('Invalid JWT Token');
    return { scheme: 'token', name: user.name, role: user.role ?? 'admin' };
  }

  /** `CS base64("sha256;<ts>;<public>;<fingerprint>")`, fingerprint = hex HMAC-SHA256(private,
   * "sha256.<METHOD>.<ts>.<full URL>.<hex sha256(payload)>"), payload = body, or the public key for GET.
   * The key and the time are checked from the header; the fingerprint of a request other than GET only once
   * its body is read. */
  private fromHmac(value: string, r: RequestHead, fail: (m: string) => HttpFailure): HeaderCheck {
    const parts = Buffer.from(value, 'base64').toString('utf8').split(';');
    const [scheme, ts, publicKey, fingerprint] = parts;
    if (parts.length !== 4 || scheme !== 'sha256' || ts === undefined || publicKey === undefined || fingerprint === undefined)
      throw fail('Malformed HMAC authorization header.');
    const key = this.creds.hmacKeys?.find((k) => k.publicKey === publicKey);
    if (!key) throw fail('Unknown HMAC public key.');
    const when = parseHmacTime(ts);
    const skew = this.creds.hmacSkewMs ?? 5 * 60_000;
    if (!Number.isFinite(when) || Math.abs(this.now().getTime() - when) > skew) throw fail('HMAC timestamp is missing or too far from the server time.');
    const method = r.method.toUpperCase();
    const claimed: Principal = { scheme: 'hmac', name: `hmac:${publicKey}`, role: key.role ?? 'admin' };
    const verify = (payload: Buffer) => {
      const payloadHash = createHash('sha256').update(payload).digest('hex');
      const expected = createHmac('sha256', key.privateKey).update(['sha256', method, ts, r.fullUrl, payloadHash].join('.')).digest('hex');
      if (!same(fingerprint.toLowerCase(), expected)) throw fail('Invalid HMAC signature: the fingerprint does not match this request.');
      // A GET without a body may legitimately repeat its header within the second its timestamp names;
      // anything else that carries (or changes) data is served once per signature.
      if (method !== 'GET' || r.hasBody) this.spendSignature(expected, when + skew, fail);
      return claimed;
    };
    if (method === 'GET') {
      verify(Buffer.from(publicKey, 'utf8'));
      return { claimed, withBody: () => claimed };
    }
    return { claimed, withBody: (body) => verify(body) };
  }

  /** Refuses a signature seen before while its timestamp is still accepted, and remembers it until then. */
  private spendSignature(fingerprint: string, validUntil: number, fail: (m: string) => HttpFailure): void {
    const now = this.now().getTime();
    for (const [seen, until] of this.usedSignatures) if (until < now) this.usedSignatures.delete(seen);
    if (this.usedSignatures.has(fingerprint))
      throw fail('This HMAC signature was already used: sign every request anew (the signature covers the time to the second, so an identical request needs a later second).');
    this.usedSignatures.set(fingerprint, validUntil);
  }
}
