/** Test support for the golden FortiSOAR transcripts in tests/fixtures/fortisoar-api (see its README): loading,
 * `{var}` substitution, the `expect` pattern language, and a replay server that plays a transcript sequence
 * to the client. Deliberately independent of the sandbox's code. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = fileURLToPath(new URL('../../../../tests/fixtures/fortisoar-api/', import.meta.url));

export interface Transcript {
  readonly file: string;
  readonly title: string;
  readonly vars?: Record<string, unknown>;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly headers?: Record<string, string>;
    readonly json?: unknown;
    readonly multipart?: { readonly field: string; readonly filename: string; readonly contentType: string };
    readonly emptyBody?: boolean;
  };
  readonly response: { readonly status: number; readonly json?: unknown };
  readonly expect: { readonly status: number; readonly json?: unknown };
}

export const loadTranscript = (name: string): Transcript => ({
  file: name,
  ...(JSON.parse(readFileSync(`${GOLDEN_DIR}${name}.json`, 'utf8')) as Omit<Transcript, 'file'>),
});

export const loadJson = <T>(name: string): T => JSON.parse(readFileSync(`${GOLDEN_DIR}${name}`, 'utf8')) as T;

/** An Authorization header signed by hmac-example.py (Python's hmac, not our code), for `timestamp`
 * (`%Y-%m-%d %H:%M:%S`) or now. */
export function pythonSign(method: string, fullUrl: string, body: string, publicKey: string, privateKey: string, timestamp?: string): string {
  const args = [`${GOLDEN_DIR}hmac-example.py`, 'sign', method, fullUrl, body, publicKey, privateKey, ...(timestamp ? [timestamp] : [])];
  return execFileSync('python3', args, { encoding: 'utf8' }).trim();
}

/** `"{x}"` becomes the value of x with its type; `{x}` inside a longer string is interpolated. */
export function substitute<T>(value: T, vars: Record<string, unknown>): T {
  if (typeof value === 'string') {
    const whole = /^\{(\w+)\}$/.exec(value)?.[1];
    if (whole !== undefined && whole in vars) return vars[whole] as T;
    return value.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)])) as T;
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function matchKind(actual: unknown, pattern: string): boolean | undefined {
  const starts = /^<startsWith:(.*)>$/s.exec(pattern)?.[1];
  if (starts !== undefined) return typeof actual === 'string' && actual.startsWith(starts);
  const not = /^<not:(.*)>$/s.exec(pattern);
  if (not) return actual !== not[1];
  switch (pattern) {
    case '<any>':
      return actual !== undefined;
    case '<string>':
      return typeof actual === 'string';
    case '<int>':
      return Number.isInteger(actual);
    case '<bool>':
      return typeof actual === 'boolean';
    case '<array>':
      return Array.isArray(actual);
    case '<object>':
      return actual !== null && typeof actual === 'object' && !Array.isArray(actual);
    case '<uuid>':
      return typeof actual === 'string' && UUID.test(actual);
    case '<jwt>':
      return typeof actual === 'string' && JWT.test(actual);
    default:
      return undefined;
  }
}

/** Differences between a value and an `expect` pattern, as "path: why" lines (empty when it matches). */
export function mismatches(actual: unknown, pattern: unknown, at = '$'): string[] {
  if (typeof pattern === 'string') {
    const kind = matchKind(actual, pattern);
    if (kind !== undefined) return kind ? [] : [`${at}: ${JSON.stringify(actual)} is not ${pattern}`];
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== pattern.length) return [`${at}: expected ${pattern.length} items, got ${actual.length}`];
    return pattern.flatMap((p, i) => mismatches(actual[i], p, `${at}[${i}]`));
  }
  if (pattern && typeof pattern === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(pattern).flatMap(([k, p]) => mismatches((actual as Record<string, unknown>)[k], p, `${at}.${k}`));
  }
  return actual === pattern ? [] : [`${at}: expected ${JSON.stringify(pattern)}, got ${JSON.stringify(actual)}`];
}

/** How a received request differs from a transcript's request (after substitution). */
export function requestMismatches(t: Transcript, vars: Record<string, unknown>, got: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }): string[] {
  const want = substitute(t.request, { ...t.vars, ...vars });
  const out: string[] = [];
  if (got.method !== want.method) out.push(`method: expected ${want.method}, got ${got.method}`);
  if (got.url !== want.path) out.push(`path: expected ${want.path}, got ${got.url}`);
  for (const [name, value] of Object.entries(want.headers ?? {})) out.push(...mismatches(got.headers[name], value, `header ${name}`));
  const text = got.body.toString('utf8');
  if (want.emptyBody && got.body.length > 0) out.push(`body: expected none, got ${text.slice(0, 80)}`);
  if (want.json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return [...out, `body: not JSON: ${text.slice(0, 80)}`];
    }
    if (JSON.stringify(sortKeys(parsed)) !== JSON.stringify(sortKeys(want.json))) out.push(`body: expected ${JSON.stringify(want.json)}, got ${text}`);
  }
  if (want.multipart) {
    const { field, filename, contentType } = want.multipart;
    const head = new RegExp(`Content-Disposition: form-data; name="${field}"; filename="${filename.replace(/\./g, '\\.')}"\\r\\nContent-Type: ${contentType}\\r\\n\\r\\n\\x1f\\x8b`);
    if (!head.test(got.body.toString('latin1'))) out.push(`body: no part ${field}="${filename}" (${contentType}) holding gzip data`);
  }
  return out;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

export interface ReplayServer {
  readonly url: string;
  /** Every difference between what the client sent and the transcripts, in order. */
  readonly problems: string[];
  /** How many transcripts were played. */
  served(): number;
  close(): Promise<void>;
}

/** Plays `sequence` in order: each request must match the next transcript's request; it gets its response. */
export async function startReplayServer(sequence: Transcript[], vars: Record<string, unknown> = {}): Promise<ReplayServer> {
  const problems: string[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const t = sequence[next++];
      if (!t) {
        problems.push(`unexpected request ${req.method} ${req.url}`);
        return res.writeHead(599).end();
      }
      const got = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      problems.push(...requestMismatches(t, vars, got).map((m) => `${t.file}: ${m}`));
      const body = t.response.json === undefined ? '' : JSON.stringify(t.response.json);
      res.writeHead(t.response.status, body ? { 'Content-Type': 'application/json' } : {}).end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    problems,
    served: () => next,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
