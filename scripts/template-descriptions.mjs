// Writes each HTTP template's small OpenAPI description of its vendor's API (resources/templates/<id>/vendor-api.openapi.json)
// from its template.json: one path per action's request and one for the health check, the template's auth as a
// security scheme, and each answer's example shaped like the action's output_schema. The mock vendor
// (src/main/services/mock-vendor) serves these; scripts/record-template-tests.mjs records the templates' tests against it.
// Run: node scripts/template-descriptions.mjs [template id...]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'templates');
export const DESCRIPTION_FILE = 'vendor-api.openapi.json';

const SAMPLES = [
  [/(^|_)ip$|ip_address/, '203.0.113.7'], [/domain/, 'example.com'], [/url/, 'https://example.com/login'], [/hash|sha256/, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [/email|sender|mailbox|recipient/, 'user@example.com'], [/username|user$/, 'jdoe'], [/(^|_)id$/, 'id-1001'], [/country/, 'NL'], [/verdict/, 'malicious'],
  [/status|state/, 'open'], [/score|count|total|severity_score/, 42], [/severity|priority/, 'high'], [/time|date|seen|_at$/, '2026-01-01T00:00:00Z'],
  [/name|title|subject|summary/, 'Example'], [/cve/, 'CVE-2026-0001'], [/asn/, 'AS64500'],
];
const sampleFor = (key) => SAMPLES.find(([re]) => re.test(key))?.[1] ?? 'example';

/** The output_schema's shape with sample values: "" becomes a value named by its key, [] one sample item. */
function exampleOf(schema, key = '') {
  if (Array.isArray(schema)) return schema.length ? [exampleOf(schema[0], key)] : [sampleFor(key.replace(/s$/, ''))];
  if (schema && typeof schema === 'object') return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, exampleOf(v, k)]));
  if (schema === '' || schema === null) return sampleFor(key);
  return schema;
}

function securityOf(t) {
  const header = t.constants?.API_KEY_HEADER ?? 'X-API-Key';
  switch (t.auth) {
    case 'bearer': return { vendor: { type: 'http', scheme: 'bearer' } };
    case 'basic': return { vendor: { type: 'http', scheme: 'basic' } };
    case 'api_key_header': return { vendor: { type: 'apiKey', in: 'header', name: header } };
    case 'api_key_query': return { vendor: { type: 'apiKey', in: 'query', name: t.constants?.API_KEY_PARAM ?? 'api_key' } };
    case 'oauth2': return { vendor: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: t.constants?.TOKEN_ENDPOINT ?? '/oauth2/token', scopes: {} } } } };
    default: return {};
  }
}

const opId = (method, p) => `${method.toLowerCase()}${p.replace(/\{([^}]+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+/g, '_')}`;

export function describe(t) {
  const paths = {};
  const add = (method, p, summary, example, query = []) => {
    const item = (paths[p] ??= {});
    item[method.toLowerCase()] = {
      operationId: opId(method, p),
      summary,
      parameters: [
        ...[...p.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
        ...query.map((q) => ({ name: q, in: 'query', required: false, schema: { type: 'string' } })),
      ],
      ...(['POST', 'PUT', 'PATCH'].includes(method) ? { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
      responses: { 200: { description: 'OK', content: { 'application/json': { example } } } },
    };
  };
  if (t.healthCheck?.path) add(t.healthCheck.method, t.healthCheck.path, 'Health check', { status: 'ok' });
  for (const a of t.actions ?? []) if (a.request) add(a.request.method, a.request.path, a.title, exampleOf(a.output_schema ?? {}), a.request.query ?? []);
  const security = securityOf(t);
  // An OAuth2 scheme's token URL is the mock vendor's to answer (it hands out a token).
  return {
    openapi: '3.0.3',
    info: { title: `${t.title} vendor API (Connector Studio's ${t.id} template)`, version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    ...(Object.keys(security).length ? { components: { securitySchemes: security }, security: [{ vendor: [] }] } : {}),
    paths,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const ids = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(TEMPLATES).filter((d) => /^[a-z]/.test(d) && existsSync(path.join(TEMPLATES, d, 'template.json')));
  for (const id of ids) {
    const t = JSON.parse(readFileSync(path.join(TEMPLATES, id, 'template.json'), 'utf8'));
    if (!t.http) continue;
    writeFileSync(path.join(TEMPLATES, id, DESCRIPTION_FILE), `${JSON.stringify(describe(t), null, 2)}\n`);
    console.log(`${id}: ${DESCRIPTION_FILE}`);
  }
}
