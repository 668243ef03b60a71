/** The sandbox's three authentication schemes, as reference/fortisoar-api.md describes the server side:
 * login tokens (JWT, about 30 minutes), `API-KEY <key>`, and `CS <base64>` HMAC signatures. Written from
 * the reference, not from our client; the golden transcripts check both against hand-computed values. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `%Y-%m-%d %H:%M:%S` in UTC, read back. */
function parseHmacTime(ts: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(ts);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

export class SandboxAuth {
  private readonly secret = randomBytes(32);
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

  /** Who is calling, or an HttpFailure (401) in the given error shape. */
  authenticate(r: SignedRequest, shape: 'hydra' | 'message'): Principal {
    const header = r.authorization?.trim() ?? '';
    const space = header.indexOf(' ');
    const scheme = space === -1 ? header : header.slice(0, space);
    const value = space === -1 ? '' : header.slice(space + 1).trim();
    const fail = (m: string) => new HttpFailure(401, m, shape);
    if (scheme === 'Bearer') return this.fromToken(value, fail);
    if (scheme === 'API-KEY') {
      const key = this.creds.apiKeys?.find((k) => same(k.key, value));
      if (!key) throw fail('Invalid API key.');
      return { scheme: 'apiKey', name: `api-key:${key.key.slice(0, 4)}`, role: key.role ?? 'admin' };
    }
    if (scheme === 'CS') return this.fromHmac(value, r, fail);
    throw fail(header ? 'Unsupported authorization scheme.' : 'Full authentication is required to access this resource.');
  }

  private fromToken(token: string, fail: (m: string) => HttpFailure): Principal {
    const [head, payload, sig] = token.split('.');
    const expected = b64url(createHmac('sha256', this.secret).update(`${head}.${payload}`).digest());
    if (!head || !payload || !sig || !same(sig, expected)) throw fail('Invalid JWT Token');
    let claims: { sub: string; exp: number };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      throw fail('Invalid JWT Token');
    }
    if (claims.exp * 1000 <= this.now().getTime()) throw fail('Expired JWT Token');
    const user = this.creds.users?.find((u) => u.name === claims.sub);
    if (!user) throw fail('Invalid JWT Token');
    return { scheme: 'token', name: user.name, role: user.role ?? 'admin' };
  }

  /** `CS base64("sha256;<ts>;<public>;<fingerprint>")`, fingerprint = hex HMAC-SHA256(private,
   * "sha256.<METHOD>.<ts>.<full URL>.<hex sha256(payload)>"), payload = body, or the public key for GET. */
  private fromHmac(value: string, r: SignedRequest, fail: (m: string) => HttpFailure): Principal {
    const parts = Buffer.from(value, 'base64').toString('utf8').split(';');
    if (parts.length !== 4 || parts[0] !== 'sha256') throw fail('Malformed HMAC authorization header.');
    const [, ts, publicKey, fingerprint] = parts;
    const key = this.creds.hmacKeys?.find((k) => k.publicKey === publicKey);
    if (!key) throw fail('Unknown HMAC public key.');
    const when = parseHmacTime(ts);
    if (!Number.isFinite(when) || Math.abs(this.now().getTime() - when) > (this.creds.hmacSkewMs ?? 5 * 60_000))
      throw fail('HMAC timestamp is missing or too far from the server time.');
    const method = r.method.toUpperCase();
    const payloadHash = createHash('sha256')
      .update(method === 'GET' ? Buffer.from(publicKey, 'utf8') : r.body)
      .digest('hex');
    const expected = createHmac('sha256', key.privateKey).update(['sha256', method, ts, r.fullUrl, payloadHash].join('.')).digest('hex');
    if (!same(fingerprint.toLowerCase(), expected)) throw fail('Invalid HMAC signature: the fingerprint does not match this request.');
    return { scheme: 'hmac', name: `hmac:${publicKey}`, role: key.role ?? 'admin' };
  }
}
