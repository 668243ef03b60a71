/** Postman collections v2.0 and v2.1, read with `postman-collection`: folders become groups, `:name` and
 * `{{name}}` path segments path parameters, query keys (enabled or not) optional parameters, raw JSON bodies
 * body parameters, saved responses the output; the collection's auth and its `{{hostname}}`-style variables the
 * configuration. */
import { Collection, type Item, type ItemGroup, type Request } from 'postman-collection';
import type { ApiAuth, ApiDescription, ApiOperation, ApiParam, ApiResponse, ApiSchema } from '../../../shared/models/api-import';
import { ServiceError } from '../errors';
import { isSecretName, scrubSecrets } from './secrets';
import { UniqueNames, identifier, plainText, titleCase } from './text';
import { parseJsonOrUndefined } from '../../../shared/parse-json';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const MANAGED_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'authorization', 'content-length', 'host', 'cookie']);
const VARIABLE = /^\{\{\s*([^}]+?)\s*\}\}$/;

export function looksLikePostman(doc: unknown): boolean {
  const d = obj(doc);
  return !!d && (Array.isArray(d.item) || Array.isArray(d.requests)) && obj(d.info) !== undefined;
}

const text = (d: unknown): string => {
  if (typeof d === 'string') return d;
  const o = obj(d);
  return typeof o?.content === 'string' ? o.content : '';
};

/** Placeholders like "int32", "string", "<id>" say the type, not a value. */
function typeHint(value: string, description: string): ApiSchema {
  const v = value.trim().toLowerCase();
  const d = description.trim().toLowerCase();
  if (/^(true|false)$/.test(v) || /^bool(ean)?\b/.test(d)) return { type: 'boolean' };
  if (/^(int(32|64|eger)?|long|number)$/.test(v) || /^-?\d+$/.test(v) || /^int(32|64|eger)?\b/.test(d)) return { type: 'integer' };
  if (/^(array|array of)\b/.test(d)) return { type: 'array', items: { type: 'string' } };
  return { type: 'string' };
}

const isPlaceholder = (v: string) => /^(int(32|64|eger)?|string|boolean|bool|number|long|<[^>]*>|\{\{[^}]*\}\}|\*\*.*|(array|object|list)\b.*)$/i.test(v.trim()) || v.trim() === '';

function exampleOf(value: string, schema: ApiSchema, name: string): unknown {
  if (isPlaceholder(value) || isSecretName(name)) return undefined;
  if (schema.type === 'boolean') return value.toLowerCase() === 'true';
  if (schema.type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  return scrubSecrets(value);
}

function authOf(auth: unknown): ApiAuth {
  const a = obj(auth);
  const type = String(a?.type ?? 'noauth');
  // postman-collection turns [{key, value}] lists into an object via .parameters(); v2.0 keeps an object.
  const params = (list: unknown): Record<string, string> => {
    if (Array.isArray(list)) return Object.fromEntries(list.map((x) => [String(obj(x)?.key), String(obj(x)?.value ?? '')]));
    return Object.fromEntries(Object.entries(obj(list) ?? {}).map(([k, v]) => [k, String(v ?? '')]));
  };
  const p = params(a?.[type]);
  if (type === 'apikey') return { type: 'apiKey', in: p.in === 'query' ? 'query' : 'header', name: p.key || 'X-API-Key' };
  if (type === 'basic' || type === 'digest') return { type: 'basic' };
  if (type === 'bearer') return { type: 'bearer' };
  if (type === 'oauth2') {
    const tokenUrl = p.accessTokenUrl || p.tokenUrl;
    return p.grant_type === 'client_credentials' && tokenUrl && !VARIABLE.test(tokenUrl) ? { type: 'oauth2', tokenUrl } : { type: 'bearer' };
  }
  return { type: 'none' };
}

function bodyOf(req: Request): { params: ApiParam[]; kind?: ApiOperation['bodyKind'] } {
  const body = req.body;
  if (!body || !body.mode) return { params: [] };
  if (body.mode === 'raw') {
    const raw = String(body.raw ?? '').trim();
    if (!raw) return { params: [] };
    // A raw body that is not JSON (a template with {{variables}} in it, say) becomes one JSON parameter.
    const value = parseJsonOrUndefined(raw);
    if (value === undefined)
      return { params: [{ name: 'body', in: 'body', required: true, description: 'The request body, as JSON.', schema: { type: 'object' } }], kind: 'json' };
    const o = obj(value);
    if (o && Object.keys(o).length <= 40)
      return {
        kind: 'json',
        params: Object.entries(o).map(([name, v]) => ({ name, in: 'body', required: false, schema: schemaOfValue(v), example: isSecretName(name) ? undefined : scrubSecrets(v) })),
      };
    return { kind: 'json', params: [{ name: 'body', in: 'body', required: true, description: 'The request body, as JSON.', schema: schemaOfValue(value), example: scrubSecrets(value) }] };
  }
  if (body.mode === 'urlencoded' || body.mode === 'formdata') {
    const list = (body.mode === 'urlencoded' ? body.urlencoded : body.formdata)?.all() ?? [];
    const params = list.map((f) => {
      const field = f as unknown as { key: string; value?: string; type?: string; disabled?: boolean; description?: unknown };
      const isFile = field.type === 'file';
      const schema: ApiSchema = isFile ? { type: 'string', format: 'binary' } : typeHint(String(field.value ?? ''), text(field.description));
      return { name: field.key, in: 'body' as const, required: !field.disabled && !isFile, description: plainText(text(field.description)) || undefined, schema, example: isFile ? undefined : exampleOf(String(field.value ?? ''), schema, field.key) };
    });
    return { params, kind: params.some((p) => p.schema?.format === 'binary') ? 'multipart' : 'form' };
  }
  if (body.mode === 'file') return { kind: 'binary', params: [{ name: 'file', in: 'body', required: true, description: 'The file to upload.', schema: { type: 'string', format: 'binary' } }] };
  return { params: [] };
}

export function schemaOfValue(v: unknown): ApiSchema {
  if (Array.isArray(v)) return { type: 'array', items: v.length ? schemaOfValue(v[0]) : { type: 'string' } };
  if (v !== null && typeof v === 'object') return { type: 'object' };
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  return { type: 'string' };
}

function responseOf(item: Item): ApiResponse | undefined {
  const responses = item.responses?.all() ?? [];
  const ok = responses.find((r) => r.code >= 200 && r.code < 300) ?? responses[0];
  if (!ok) return undefined;
  const body = ok.text?.() ?? '';
  const example = parseJsonOrUndefined(body);
  if (example === undefined) return { status: String(ok.code || 200), binary: body.trim() !== '' };
  return { status: String(ok.code >= 200 && ok.code < 300 ? ok.code : 200), example: scrubSecrets(example) };
}

export function readPostman(doc: unknown, fileName: string): ApiDescription {
  const d = obj(doc) as Obj;
  if (Array.isArray(d.requests) && !Array.isArray(d.item))
    throw new ServiceError('VALIDATION', `${fileName} is a Postman collection v1: export it again from Postman as Collection v2.1 and try again.`);
  let collection: Collection;
  try {
    collection = new Collection(d as never);
  } catch (e) {
    throw new ServiceError('VALIDATION', `${fileName}: not a Postman collection: ${(e as Error).message}`);
  }
  const notes: string[] = [];
  const variables = collection.variables.toObject() as Record<string, unknown>;
  const names = new UniqueNames();
  const hosts = new Map<string, number>();
  const operations: ApiOperation[] = [];
  const collectionAuth = authOf(obj(d.auth));
  collection.forEachItem((item: Item) => {
    const req = item.request;
    const url = req.url;
    const host = (url.host ?? []).join('.');
    const protocol = url.protocol ?? 'https';
    hosts.set(`${protocol}://${host}${url.port ? `:${url.port}` : ''}`, (hosts.get(`${protocol}://${host}${url.port ? `:${url.port}` : ''}`) ?? 0) + 1);
    const pathVars = new Map((url.variables?.all() ?? []).map((v) => [String(v.key), v]));
    const params: ApiParam[] = [];
    const segments = (url.path ?? []).map((seg) => {
      const s = String(seg);
      const m = /^:(.+)$/.exec(s) ?? VARIABLE.exec(s);
      if (!m?.[1]) return s;
      const wire = m[1];
      const name = identifier(wire, 'param');
      const v = pathVars.get(wire);
      const description = plainText(text(v?.description));
      params.push({ name, in: 'path', required: true, description: description || undefined, schema: typeHint(String(v?.value ?? ''), description) });
      return `{${name}}`;
    });
    const seenQuery = new Map<string, number>();
    for (const q of url.query?.all() ?? []) {
      const key = String(q.key ?? '');
      // Documentation written as query keys ("**Update in Body Tab", "Don't include this line") is not a parameter.
      if (!key || /^\*|\s/.test(key) || isSecretName(key) || (collectionAuth.type === 'apiKey' && key === collectionAuth.name)) continue;
      const name = identifier(key.replace(/\[\]$/, ''), 'param');
      if (seenQuery.has(name)) {
        const i = seenQuery.get(name) as number;
        params[i] = { ...params[i], schema: { type: 'array', items: { type: 'string' } }, example: undefined } as ApiParam;
        continue;
      }
      const description = plainText(text(q.description));
      const schema = typeHint(String(q.value ?? ''), description);
      seenQuery.set(name, params.length);
      params.push({ name, ...(name !== key ? { wireName: key } : {}), in: 'query', required: false, description: description || undefined, schema, example: exampleOf(String(q.value ?? ''), schema, key) });
    }
    for (const h of req.headers?.all() ?? []) {
      const key = String(h.key ?? '');
      if (!key || h.disabled || MANAGED_HEADERS.has(key.toLowerCase()) || isSecretName(key) || (collectionAuth.type === 'apiKey' && key.toLowerCase() === collectionAuth.name.toLowerCase())) continue;
      const name = identifier(key, 'header');
      params.push({ name, ...(name !== key ? { wireName: key } : {}), in: 'header', required: false, description: plainText(text(h.description)) || undefined, schema: { type: 'string' }, example: exampleOf(String(h.value ?? ''), { type: 'string' }, key) });
    }
    const body = bodyOf(req);
    const taken = new Set(params.map((p) => p.name));
    for (const p of body.params) {
      const name = identifier(p.name, 'field');
      let unique = name;
      for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
      taken.add(unique);
      params.push({ ...p, name: unique, ...(unique !== p.name ? { wireName: p.name } : {}) });
    }
    const parent = item.parent() as ItemGroup<Item> | Collection | undefined;
    const group = parent && parent !== collection && 'name' in parent ? String(parent.name ?? '') : '';
    const itemName = String(item.name ?? '');
    const method = String(req.method ?? 'GET').toUpperCase();
    const path = `/${segments.join('/')}`.replace(/\/+/g, '/');
    operations.push({
      id: names.take(identifier(itemName || `${method} ${path.replace(/[{}]/g, '')}`, 'operation')),
      method,
      path,
      group,
      title: titleCase(plainText(itemName) || `${method} ${path}`),
      description: plainText(text(req.description)) || plainText(itemName),
      parameters: params,
      bodyKind: body.kind,
      response: responseOf(item),
    });
  });
  const servers = [...hosts.entries()].sort((a, b) => b[1] - a[1]).map(([h]) => h);
  const main = servers[0];
  const otherHosts = servers.slice(1);
  if (otherHosts.length) notes.push(`Some requests go to other hosts than ${main}: ${otherHosts.join(', ')}. They are generated relative to the Server URL.`);
  const resolvedServers = servers
    .map((s) => s.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, v: string) => String(variables[v] ?? '')))
    .filter((s) => /^https?:\/\/[^/.:]+[.:]/.test(s));
  return {
    kind: 'postman',
    title: plainText(collection.name) || 'API',
    description: plainText(text(obj(d.info)?.description)),
    version: String(obj(obj(d.info)?.version)?.major ?? obj(d.info)?.version ?? ''),
    servers: resolvedServers,
    auth: collectionAuth,
    operations,
    notes,
  };
}
