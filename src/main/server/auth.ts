import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE_NAME = 'cs_session';

const randomSecret = () => randomBytes(24).toString('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * Tokens and sessions are kept and looked up by their SHA-256: how long a lookup takes then depends on the hash
 * of what the caller sent, which tells nothing about any real token.
 */
const digest = (s: string) => sha256(s).toString('hex');

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
const same = (a: string, b: string) => timingSafeEqual(sha256(a), sha256(b));

/** 'used': a link someone already opened, so the page can say so instead of a bare "no session". */
export type TokenState = 'fresh' | 'used' | 'unknown';

/**
 * Browser mode's front door. Each launch link carries a single-use token; its first GET starts a new session for
 * that browser, an HttpOnly, SameSite=Strict cookie (workers and WebSockets cannot send custom headers). A
 * copied link (history, terminal scroll-back, a screenshot) therefore opens nothing once used. Host and Origin
 * must be our own loopback address, so neither a page elsewhere nor a DNS-rebound name can drive the services.
 * The launch secret lets a second `connector-studio web` ask this host for a new link.
 */
export interface Auth {
  /** What a second `connector-studio web` proves it knows to get a new launch link from this host. */
  readonly launchSecret: string;
  /** The port the host listens on: Host and Origin must name it. */
  setPort(p: number): void;
  /** Node keeps only the first of several Host headers in req.headers; the raw list shows them all. */
  singleHost(req: IncomingMessage): boolean;
  /** Host is 127.0.0.1 or localhost at our port. */
  hostAllowed(req: IncomingMessage): boolean;
  /** A missing Origin is allowed: only non-browser clients omit it, and they cannot be tricked by a page. */
  originAllowed(req: IncomingMessage): boolean;
  /** Compared in constant time. */
  secretMatches(candidate: string | undefined): boolean;
  /** A new single-use token for a launch link. */
  issueLaunchToken(): string;
  /** Spends the token if it is fresh; the caller starts a session only for 'fresh'. */
  redeemLaunchToken(candidate: string): TokenState;
  /** A new random session for one browser; returns its Set-Cookie value. No Max-Age: it ends with the browser. */
  startSession(): string;
  /** The request carries the cookie of a session this host started. */
  hasSession(req: IncomingMessage): boolean;
  /** The host stopped: no session and no link it handed out opens anything any more. */
  revokeAll(): void;
}

export function createAuth(launchSecret = randomSecret()): Auth {
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([...allowedHosts()].map((h) => `http://${h}`));
  const pendingTokens = new Set<string>();
  const spentTokens = new Set<string>();
  const sessions = new Set<string>();

  function cookieOf(req: IncomingMessage): string | undefined {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === COOKIE_NAME) return v.join('=');
    }
    return undefined;
  }

  return {
    launchSecret,
    setPort: (p: number) => void (port = p),
    singleHost: (req: IncomingMessage) => req.rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'host').length <= 1,
    hostAllowed: (req: IncomingMessage) => allowedHosts().has(String(req.headers.host ?? '')),
    originAllowed: (req: IncomingMessage) => req.headers.origin === undefined || allowedOrigins().has(String(req.headers.origin)),
    secretMatches: (candidate: string | undefined) => candidate !== undefined && same(candidate, launchSecret),
    issueLaunchToken(): string {
      const token = randomSecret();
      pendingTokens.add(digest(token));
      return token;
    },
    redeemLaunchToken(candidate: string): TokenState {
      const d = digest(candidate);
      if (pendingTokens.delete(d)) {
        spentTokens.add(d);
        return 'fresh';
      }
      return spentTokens.has(d) ? 'used' : 'unknown';
    },
    startSession(): string {
      const session = randomSecret();
      sessions.add(digest(session));
      return `${COOKIE_NAME}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
    hasSession: (req: IncomingMessage) => {
      const c = cookieOf(req);
      return c !== undefined && sessions.has(digest(c));
    },
    revokeAll() {
      sessions.clear();
      pendingTokens.clear();
    },
  };
}
