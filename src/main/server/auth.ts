import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE_NAME = 'cs_session';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Browser mode's front door. The launch token arrives once in the URL and is exchanged for an HttpOnly,
 * SameSite=Strict cookie (workers and WebSockets cannot send custom headers). Host and Origin must be our
 * own loopback address, so neither a page elsewhere nor a DNS-rebound name can drive the services.
 */
export function createAuth(launchToken = randomBytes(24).toString('hex'), session = randomBytes(24).toString('hex')) {
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([...allowedHosts()].map((h) => `http://${h}`));

  function cookieOf(req: IncomingMessage): string | undefined {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === COOKIE_NAME) return v.join('=');
    }
    return undefined;
  }

  return {
    launchToken,
    setPort: (p: number) => void (port = p),
    hostAllowed: (req: IncomingMessage) => allowedHosts().has(String(req.headers.host ?? '')),
    /** A missing Origin is allowed: only non-browser clients omit it, and they cannot be tricked by a page. */
    originAllowed: (req: IncomingMessage) => req.headers.origin === undefined || allowedOrigins().has(String(req.headers.origin)),
    hasSession: (req: IncomingMessage) => {
      const c = cookieOf(req);
      return c !== undefined && same(c, session);
    },
    tokenMatches: (candidate: string | null) => candidate !== null && same(candidate, launchToken),
    sessionCookie: () => `${COOKIE_NAME}=${session}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

export type Auth = ReturnType<typeof createAuth>;
