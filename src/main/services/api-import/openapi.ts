/** OpenAPI 3.x and Swagger 2.0, as vendors write them: `@apidevtools/swagger-parser` resolves the $refs (internal
 * only: a description never makes us read another file or fetch a URL); a lenient pass first repairs what such
 * documents often get wrong (`swagger: "3.0"`, 2.0 keys in a 3.0 document) and says so in `notes`. */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ApiAuth, ApiDescription, ApiOperation, ApiParam, ApiResponse, ApiSchema } from '../../../shared/models/api-import';
import { ServiceError } from '../errors';
import { flatten, schemaType } from './schema';
import { isSecretName, scrubSecrets } from './secrets';
import { UniqueNames, identifier, plainText, titleCase } from './text';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'] as const;
/** Headers the API client sets itself, or the authentication does. */
const MANAGED_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'authorization', 'content-length', 'host']);

export function looksLikeOpenApi(doc: unknown): boolean {
  const d = obj(doc);
  return !!d && (d.openapi !== undefined || d.swagger !== undefined) && obj(d.paths) !== undefined;
}

/** Repairs in place what a lenient reader can, returning what it changed. */
function repair(doc: Obj): string[] {
  const notes: string[] = [];
  const v3ish = doc.servers !== undefined || doc.components !== undefined || JSON.stringify(doc.paths ?? {}).includes('"requestBody"') || /"content":\{"[a-z]+\//.test(JSON.stringify(doc.paths ?? {}).slice(0, 200_000));
  if (doc.openapi === undefined && String(doc.swagger) !== '2.0') {
    const was = String(doc.swagger);
    if (v3ish) {
      doc.openapi = '3.0.3';
      delete doc.swagger;
      notes.push(`The document says swagger "${was}" but is written as OpenAPI 3: read as OpenAPI 3.0.`);
    } else {
      doc.swagger = '2.0';
      notes.push(`The document says swagger "${was}": read as Swagger 2.0.`);
    }
  }
  if (typeof doc.openapi === 'string') {
    if (!/^3\.(0|1)(\.\d+)?$/.test(doc.openapi)) {
      notes.push(`OpenAPI version "${doc.openapi}" is not one the parser knows: read as 3.0.3.`);
      doc.openapi = '3.0.3';
    } else if (/^3\.[01]$/.test(doc.openapi)) doc.openapi = `${doc.openapi}.0`;
    const mixed = ['host', 'basePath', 'schemes', 'securityDefinitions', 'definitions', 'produces', 'consumes'].filter((k) => k in doc);
    const server = Array.isArray(doc.servers) && doc.servers.length > 0;
    if (mixed.length)
      notes.push(`Swagger 2.0 keys in an OpenAPI 3 document (${mixed.join(', ')}): ${server ? 'the servers list was used instead of host and basePath' : 'host and basePath give the server URL'}.`);
  }
  if (!obj(doc.info)) doc.info = { title: 'API', version: '1.0' };
  return notes;
}

function serversOf(doc: Obj): string[] {
  const out: string[] = [];
  if (Array.isArray(doc.servers)) {
    for (const s of doc.servers) {
      const server = obj(s);
      let url = str(server?.url);
      if (!url) continue;
      for (const [name, v] of Object.entries(obj(server?.variables) ?? {})) url = url.split(`{${name}}`).join(String(obj(v)?.default ?? ''));
      out.push(url.replace(/\/$/, ''));
    }
  }
  if (!out.length && str(doc.host)) {
    const schemes = Array.isArray(doc.schemes) ? (doc.schemes as unknown[]).map((s) => String(s).replace(/[^a-z]/g, '')) : [];
    const scheme = schemes.includes('https') || !schemes.length ? 'https' : schemes[0];
    const base = str(doc.basePath) && doc.basePath !== '/' ? String(doc.basePath).replace(/\/$/, '') : '';
    out.push(`${scheme}://${String(doc.host)}${base}`);
  }
  return out;
}

function authOf(doc: Obj): ApiAuth {
  const schemes = { ...(obj(doc.securityDefinitions) ?? {}), ...(obj(obj(doc.components)?.securitySchemes) ?? {}) };
  const preferred = Array.isArray(doc.security) ? (doc.security as unknown[]).flatMap((s) => Object.keys(obj(s) ?? {})) : [];
  const order = [...preferred, ...Object.keys(schemes)].filter((n, i, all) => all.indexOf(n) === i && obj(schemes[n]));
  for (const name of order) {
    const s = obj(schemes[name]) as Obj;
    const type = String(s.type ?? '').toLowerCase();
    if (type === 'apikey' && (s.in === 'header' || s.in === 'query') && str(s.name)) return { type: 'apiKey', in: s.in, name: String(s.name) };
    if (type === 'basic' || (type === 'http' && String(s.scheme).toLowerCase() === 'basic')) return { type: 'basic' };
    if (type === 'http' && String(s.scheme).toLowerCase() === 'bearer') return { type: 'bearer' };
    if (type === 'oauth2') {
      const tokenUrl = str(obj(obj(s.flows)?.clientCredentials)?.tokenUrl) ?? (s.flow === 'application' ? str(s.tokenUrl) : undefined);
      return tokenUrl ? { type: 'oauth2', tokenUrl } : { type: 'bearer' };
    }
    if (type === 'openidconnect') return { type: 'bearer' };
  }
  return { type: 'none' };
}

function firstExample(media: Obj | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const examples = obj(media.examples);
  if (examples) for (const e of Object.values(examples)) if (obj(e)?.value !== undefined) return obj(e)?.value;
  return undefined;
}

function jsonMedia(content: Obj | undefined): [string, Obj] | undefined {
  if (!content) return undefined;
  const entries = Object.entries(content).filter(([, v]) => obj(v)) as Array<[string, Obj]>;
  return entries.find(([k]) => /json/i.test(k)) ?? entries[0];
}

function responseOf(op: Obj, v2: boolean): ApiResponse | undefined {
  const responses = obj(op.responses) ?? {};
  const codes = Object.keys(responses).sort();
  const code = codes.find((c) => /^2\d\d$/.test(c)) ?? codes.find((c) => /^2/i.test(c)) ?? (codes.includes('default') ? 'default' : undefined);
  if (!code) return undefined;
  const r = obj(responses[code]) ?? {};
  if (v2) {
    const schema = obj(r.schema);
    const example = obj(r.examples)?.['application/json'];
    return { status: code, schema: schema as ApiSchema | undefined, example: example === undefined ? undefined : scrubSecrets(example), binary: schemaType(schema) === 'file' };
  }
  const media = jsonMedia(obj(r.content));
  if (!media) return { status: code };
  const [type, m] = media;
  const schema = obj(m.schema) as ApiSchema | undefined;
  const json = /json/i.test(type);
  let example = firstExample(m);
  // A text/plain "example: ''" says nothing about the output (the Tenable description does this everywhere).
  if (!json && (example === '' || example === undefined) && schemaType(schema) === 'string') return { status: code, binary: true };
  if (example === undefined && schema?.example !== undefined && json) example = schema.example;
  return { status: code, schema: json ? schema : undefined, example: example === undefined ? undefined : scrubSecrets(example), binary: !json };
}

function paramOf(p: Obj, apiKeyName: string | undefined): ApiParam | undefined {
  const where = String(p.in);
  const name = str(p.name);
  if (!name) return undefined;
  if (where === 'header' && (MANAGED_HEADERS.has(name.toLowerCase()) || name.toLowerCase() === apiKeyName?.toLowerCase())) return undefined;
  if (where === 'query' && name === apiKeyName) return undefined;
  if (!['path', 'query', 'header', 'formData'].includes(where)) return undefined;
  const schema = (obj(p.schema) ?? { ...p, in: undefined, name: undefined, required: undefined, description: undefined }) as ApiSchema;
  const example = p.example ?? obj(p.schema)?.example;
  return {
    name,
    in: where === 'formData' ? 'body' : (where as ApiParam['in']),
    required: where === 'path' || p.required === true,
    description: plainText(p.description) || undefined,
    schema,
    example: isSecretName(name) ? undefined : scrubSecrets(example),
  };
}

/** Body fields as parameters when the body is an object with properties; else one `body` JSON parameter. */
function bodyParams(schema: ApiSchema | undefined, example: unknown, required: boolean): ApiParam[] {
  const s = flatten(schema);
  const props = obj(s?.properties);
  if (s && props && Object.keys(props).length && Object.keys(props).length <= 40) {
    const req = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    return Object.entries(props).map(([name, sub]) => ({
      name,
      in: 'body' as const,
      required: req.has(name),
      description: plainText(obj(sub)?.description) || undefined,
      schema: obj(sub) as ApiSchema,
      example: isSecretName(name) ? undefined : scrubSecrets(obj(example)?.[name] ?? obj(sub)?.example),
    }));
  }
  if (!s && example === undefined) return [];
  return [{ name: 'body', in: 'body', required, description: plainText(s?.description) || 'The request body, as JSON.', schema: { type: 'object', ...(s ?? {}) }, example: scrubSecrets(example) }];
}

function operationsOf(doc: Obj, auth: ApiAuth): ApiOperation[] {
  const v2 = doc.swagger === '2.0';
  const names = new UniqueNames();
  const apiKeyName = auth.type === 'apiKey' ? auth.name : undefined;
  const out: ApiOperation[] = [];
  for (const [path, itemRaw] of Object.entries(obj(doc.paths) ?? {})) {
    const item = obj(itemRaw);
    if (!item) continue;
    const shared = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
    for (const method of METHODS) {
      const op = obj(item[method]);
      if (!op) continue;
      const all = [...shared, ...(Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [])].map(obj).filter((p): p is Obj => !!p);
      // An operation's own parameter replaces the path item's one of the same name and place.
      const byKey = new Map<string, Obj>();
      for (const p of all) byKey.set(`${String(p.in)}:${String(p.name)}`, p);
      const params: ApiParam[] = [];
      let bodyKind: ApiOperation['bodyKind'];
      for (const p of byKey.values()) {
        if (p.in === 'body') {
          params.push(...bodyParams(obj(p.schema) as ApiSchema | undefined, p['x-example'], p.required === true));
          bodyKind = 'json';
          continue;
        }
        const param = paramOf(p, apiKeyName);
        if (param) params.push(param);
        if (p.in === 'formData') bodyKind = schemaType(param?.schema) === 'file' ? 'multipart' : (bodyKind ?? 'form');
      }
      const body = obj(op.requestBody);
      if (body) {
        const media = jsonMedia(obj(body.content));
        if (media) {
          const [type, m] = media;
          bodyKind = /json/i.test(type) ? 'json' : /multipart/i.test(type) ? 'multipart' : /form/i.test(type) ? 'form' : 'binary';
          if (bodyKind === 'binary') params.push({ name: 'file', in: 'body', required: body.required === true, description: 'The file to upload.', schema: { type: 'string', format: 'binary' } });
          else params.push(...bodyParams(obj(m.schema) as ApiSchema | undefined, firstExample(m), body.required === true));
        }
      }
      let opPath = path.startsWith('/') ? path : `/${path}`;
      // Names that are not identifiers (`asset-id`) get one; the wire keeps the vendor's.
      const named = params.map((p) => {
        const id = identifier(p.name, 'param');
        if (id === p.name) return p;
        if (p.in === 'path') opPath = opPath.split(`{${p.name}}`).join(`{${id}}`);
        return { ...p, name: id, ...(p.in === 'path' ? {} : { wireName: p.wireName ?? p.name }) };
      });
      const opId = str(op.operationId);
      const id = names.take(identifier(opId ?? `${method} ${path.replace(/[{}]/g, '')}`, 'operation'));
      const summary = plainText(op.summary);
      const tags = Array.isArray(op.tags) ? (op.tags as unknown[]).map(String) : [];
      out.push({
        id,
        method: method.toUpperCase(),
        path: opPath,
        // Without a tag, the first path segment groups the operations (/users/{id} -> users).
        group: tags[0] ?? (opPath.split('/').find((seg) => seg && !seg.startsWith('{')) ?? ''),
        title: summary ? titleCase(summary) : titleCase(opId ?? `${method} ${path.replace(/[{}/]/g, ' ')}`),
        description: plainText(op.description) || summary,
        parameters: uniqueParamNames(named),
        bodyKind,
        response: responseOf(op, v2),
        deprecated: op.deprecated === true || undefined,
      });
    }
  }
  return out;
}

/** Two parameters with one name (a path `id` and a body `id`) cannot share a form: the body one is renamed. */
function uniqueParamNames(params: ApiParam[]): ApiParam[] {
  const seen = new Set<string>();
  return params.map((p) => {
    if (!seen.has(p.name)) {
      seen.add(p.name);
      return p;
    }
    let n = 2;
    while (seen.has(`${p.name}_${n}`)) n++;
    seen.add(`${p.name}_${n}`);
    return { ...p, wireName: p.wireName ?? p.name, name: `${p.name}_${n}` };
  });
}

export async function readOpenApi(raw: unknown, fileName: string): Promise<ApiDescription> {
  const doc = structuredClone(raw) as Obj;
  const notes = repair(doc);
  const servers = serversOf(doc);
  const auth = authOf(doc);
  let resolved: Obj;
  try {
    resolved = (await SwaggerParser.dereference(doc as never, { resolve: { external: false }, dereference: { circular: 'ignore' } })) as unknown as Obj;
  } catch (e) {
    throw new ServiceError('VALIDATION', `${fileName}: ${(e as Error).message.split('\n')[0]}`);
  }
  const info = obj(resolved.info) ?? {};
  return {
    kind: 'openapi',
    title: plainText(info.title) || 'API',
    description: plainText(info.description),
    version: String(info.version ?? ''),
    servers,
    auth,
    operations: operationsOf(resolved, auth),
    notes,
  };
}
