/**
 * Every Connector Wizard template, generated with its default answers, run in the simulated runtime (the real
 * Python worker) against a fixture vendor server on 127.0.0.1: its health check and every one of its actions
 * succeed. The server knows only the routes the template declares and only accepts the template's auth style,
 * so a wrong path, method, query, body or credential fails the call.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tmpDir } from '../helpers/tmp';
import { createGitService } from '../../src/main/services/git/git-service';
import { createRuntimeService } from '../../src/main/services/runtime';
import type { RuntimeService } from '../../src/main/services/runtime/types';
import { createProject } from '../../src/main/services/connector/scaffold';
import { defaultAnswers, listTemplates, loadTemplate, type Template } from '../../src/main/services/connector/templates';
import type { WizardField } from '../../src/shared/connector/wizard';

const TEMPLATES = path.join(REPO_ROOT, 'resources', 'templates');
const ids = (await listTemplates(TEMPLATES)).map((t) => t.id);
const hasRequests = await promisify(execFile)('python3', ['-c', 'import requests']).then(() => true, () => false);

const CREDENTIALS: Record<string, string> = { api_key: 'fixture-key-123', client_id: 'fixture-client', client_secret: 'fixture-secret', username: 'fixture-user', password: 'fixture-pass' };
const ISSUED_TOKEN = 'fixture-access-token';

/** A value a user could type into the field: required ones always, optional ones too, so every branch sends. */
function sample(field: WizardField): unknown {
  switch (field.type) {
    case 'checkbox': return Boolean(field.value ?? false);
    case 'integer': return 5;
    case 'select': return field.options?.[0] ?? '';
    case 'multiselect': return field.options?.slice(0, 1) ?? [];
    case 'json': case 'object': return '[{"a": 1}]';
    case 'datetime': return '2026-01-02T03:04:05Z';
    default: return 'aGVsbG8=';
  }
}

interface Route {
  readonly name: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly query: readonly string[];
  readonly body: readonly string[];
  readonly response: unknown;
  readonly placeholders: boolean;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathPattern = (p: string) => new RegExp(`^${p.split(/\{[^}]*\}/).map(escape).join('[^/]+')}$`);

/** The routes a template's connector may call: each action's request and the health check. */
function routesOf(t: Template): Route[] {
  const routes: Route[] = [];
  for (const a of t.actions) {
    if (!a.request) continue;
    const placed = new Set([...(a.request.path.match(/\{([^}]*)\}/g) ?? []).map((m) => m.slice(1, -1)), ...(a.request.query ?? []), ...(a.request.body ?? [])]);
    const rest = a.parameters.map((p) => p.name).filter((n) => !placed.has(n));
    const hasBody = BODY_METHODS.has(a.request.method);
    routes.push({
      name: a.operation,
      method: a.request.method,
      pattern: pathPattern(a.request.path),
      query: [...(a.request.query ?? []), ...(hasBody ? [] : rest)],
      body: [...(a.request.body ?? []), ...(hasBody ? rest : [])],
      response: a.output_schema && typeof a.output_schema === 'object' ? a.output_schema : {},
      placeholders: a.request.path.includes('{'),
    });
  }
  // Last: an action on the same path (with more query parameters) is matched first.
  if ('method' in t.healthCheck) {
    const [p, q] = t.healthCheck.path.split('?');
    routes.push({ name: 'health', method: t.healthCheck.method, pattern: pathPattern(p), query: [...new URLSearchParams(q ?? '').keys()], body: [], response: { ok: true }, placeholders: p.includes('{') });
  }
  return routes;
}

function authorised(t: Template, req: IncomingMessage): boolean {
  const auth = req.headers.authorization;
  switch (t.auth) {
    case 'none': return true;
    case 'bearer': return auth === `${String(t.constants.AUTH_SCHEME ?? 'Bearer')} ${CREDENTIALS.api_key}`;
    case 'api_key_header': return req.headers[String(t.constants.API_KEY_HEADER).toLowerCase()] === CREDENTIALS.api_key;
    case 'basic': return auth === `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString('base64')}`;
    case 'oauth2': return auth === `Bearer ${ISSUED_TOKEN}`;
  }
}

interface Vendor {
  url: string;
  hits: string[];
  /** Requests that matched no route, or broke its rules. */
  refused: string[];
  close(): Promise<void>;
}

/** Why a request breaks the route's rules: a query or body parameter missing, a body where none belongs. */
function problemWith(route: Route, url: URL, raw: string): string | undefined {
  const missingQuery = route.query.filter((q) => !url.searchParams.has(q));
  if (missingQuery.length) return `${route.name}: the query lacks ${missingQuery.join(', ')}`;
  if (!BODY_METHODS.has(route.method)) return raw ? `${route.name}: a body on a ${route.method}` : undefined;
  let body: unknown;
  try {
    body = JSON.parse(raw || 'null');
  } catch {
    return `${route.name}: the body is not JSON`;
  }
  const lacking = route.body.filter((b) => !(body && typeof body === 'object' && b in body));
  return lacking.length ? `${route.name}: the body lacks ${lacking.join(', ')}` : undefined;
}

async function startVendor(t: Template): Promise<Vendor> {
  const routes = routesOf(t);
  const hits: string[] = [];
  const refused: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://vendor');
      const answer = (status: number, body: unknown, why?: string) => {
        if (why) refused.push(`${req.method} ${url.pathname}${url.search}: ${why}`);
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      };
      if (t.auth === 'oauth2' && req.method === 'POST' && url.pathname === String(t.constants.TOKEN_ENDPOINT)) {
        const form = new URLSearchParams(raw);
        const ok = form.get('grant_type') === 'client_credentials' && form.get('client_id') === CREDENTIALS.client_id && form.get('client_secret') === CREDENTIALS.client_secret;
        return ok ? answer(200, { access_token: ISSUED_TOKEN, token_type: 'Bearer', expires_in: 3600 }) : answer(401, { error: 'invalid_client' }, 'bad client credentials');
      }
      if (!authorised(t, req)) return answer(401, { error: 'unauthorised' }, 'bad credentials');
      // Two routes can share a path (a health check that lists one device, /users/me and /users/{username}):
      // literal paths before placeholders, then the first whose rules hold wins.
      const candidates = routes.filter((r) => r.method === req.method && r.pattern.test(url.pathname)).sort((a, b) => Number(a.placeholders) - Number(b.placeholders));
      if (!candidates.length) return answer(404, { error: 'no such route' }, 'no route');
      const problems = candidates.map((r) => problemWith(r, url, raw));
      const index = problems.findIndex((p) => p === undefined);
      if (index < 0) return answer(400, { error: problems[0] }, problems.join('; '));
      const route = candidates[index];
      hits.push(route.name);
      answer(200, route.response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let runtime: RuntimeService;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-templates-vendor-'));
  runtime = createRuntimeService({ pythonCommand: ['python3'], timeoutMs: 30_000, dataDir, runnerPath: path.join(REPO_ROOT, 'resources', 'python', 'runner.py') });
});
afterAll(async () => {
  await runtime.stopAll();
  await rm(dataDir, { recursive: true, force: true });
});

describe.each(ids)('template %s against a fixture vendor server', (id) => {
  it(`${id}: passes its health check and runs every action successfully`, async ({ skip }) => {
    if (!hasRequests) skip('python3 has no requests module');
    const t = await loadTemplate(TEMPLATES, id);
    const work = await tmpDir('cs-tpl-vendor-');
    const { connectorDir } = await createProject(defaultAnswers(t, `fixture-${id}`, { publisher: 'Acme Corp' }), { workspaceRoot: work, templatesDir: TEMPLATES, git: createGitService(() => 'git') });
    const info = JSON.parse(await readFile(path.join(connectorDir, 'info.json'), 'utf8')) as { configuration?: { fields?: WizardField[] }; operations: { operation: string; parameters: WizardField[] }[] };
    const vendor = await startVendor(t);
    try {
      const config: Record<string, unknown> = {};
      for (const f of info.configuration?.fields ?? []) config[f.name] = CREDENTIALS[f.name] ?? sample(f);
      if ('server_url' in config) config.server_url = vendor.url;
      if ('verify_ssl' in config) config.verify_ssl = false;

      const health = await runtime.checkHealth(connectorDir, config);
      expect(health.status, `${health.message}\n${health.stderr}\n${vendor.refused.join('\n')}`).toBe('Available');
      if (t.http && 'method' in t.healthCheck) expect(vendor.hits).toContain('health');

      expect(info.operations.map((o) => o.operation).sort()).toEqual(t.actions.map((a) => a.operation).sort());
      for (const op of info.operations) {
        const params = Object.fromEntries(op.parameters.map((p) => [p.name, sample(p)]));
        const run = await runtime.execute(connectorDir, op.operation, params, config);
        expect(run.status, `${op.operation}: ${run.message}\n${run.stderr}\n${vendor.refused.join('\n')}`).toBe('Success');
        expect(run.schema.missing, `${op.operation} returns what output_schema declares`).toEqual([]);
        if (t.actions.find((a) => a.operation === op.operation)?.request) expect(vendor.hits, `${op.operation} called its endpoint`).toContain(op.operation);
      }
      expect(vendor.refused).toEqual([]);
      if (!t.http) expect(vendor.hits).toEqual([]);
    } finally {
      await runtime.stop(connectorDir);
      await vendor.close();
    }
  });
});
