/** The simulated FortiSOAR's record and file endpoints over a PlatformStore, for every door that serves them (the
 * workers' platform endpoint, the sandbox): `/api/3/<module>[/<id>]`, `/api/3/files` uploads and their content,
 * `/api/3/insert/<module>`, `POST /api/query/<module>`. Shapes and sources: docs/platform-api.md. */
import type { PlatformRunRef } from '../../../shared/models/platform-data';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { isServiceError } from '../errors';
import { parseMultipartFiles } from './multipart';
import { QueryError, matches, matchesSearch, parseOrderBy, parseQueryBody, parseUrlFilters, project, sortRecords, type FilterGroup, type SortKey } from './query';
import { isModuleName, isObject, isRecordId, parseRecordIri, typeOf, type JsonObject } from './records';
import type { PlatformStore, StoreView } from './store';

export interface PlatformRequest {
  readonly method: string;
  /** Its pathname and query; the origin is not used. */
  readonly url: URL;
  readonly body: Buffer;
  readonly contentType?: string;
}

export interface PlatformReply {
  readonly status: number;
  /** A JSON body (none for 204). */
  readonly json?: unknown;
  /** A file's content. */
  readonly file?: { readonly data: Buffer; readonly mimeType: string; readonly filename: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/** A request the platform refuses; doors answer it with FortiSOAR's Hydra error body (hydraError). */
export class PlatformHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TITLES: Readonly<Record<number, string>> = { 400: 'An error occurred', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Request Entity Too Large', 500: 'Internal Server Error' };

/** FortiSOAR's error body on /api/3 (reference/fortisoar-api.md, "Error bodies"). */
export const hydraError = (status: number, message: string) => ({
  '@context': '/api/3/contexts/Error',
  '@type': 'Error',
  'hydra:title': TITLES[status] ?? 'An error occurred',
  'hydra:description': message,
});

/** The header a DELETE answers with, naming the removed record's `@type` (a 204 has no body to say it). */
export const RECORD_TYPE_HEADER = 'X-Studio-Record-Type';

/** Paths this handler answers. */
export const isPlatformPath = (pathname: string): boolean => /^\/api\/(3|query)\//.test(pathname);

/** `$limit`: FortiSOAR's default page size and the most it returns at once (docs/platform-api.md). */
export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 5000;

const fail = (status: number, message: string) => new PlatformHttpError(status, message);

function segments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch (e) {
        if (!(e instanceof URIError)) throw e;
        throw fail(400, `The path segment "${s}" is not valid percent-encoding.`);
      }
    });
}

function checkModule(module: string): string {
  if (!isModuleName(module)) throw fail(400, `"${module}" is not a module name: /api/3/<module> takes lower-case letters, digits and _ (e.g. alerts, attachments).`);
  return module;
}
function checkId(module: string, id: string): string {
  if (!isRecordId(id)) throw fail(400, `"${id}" is not a record id: an IRI is /api/3/${module}/<uuid>.`);
  return id;
}

function jsonBody(req: PlatformRequest): unknown {
  if (req.body.length === 0) return undefined;
  const value = parseJsonOrUndefined(req.body.toString('utf8'));
  if (value === undefined) throw fail(400, 'The body is not valid JSON.');
  return value;
}

/** A record as the API answers it: relations to stored records are embedded one level deep (as FortiSOAR embeds
 * a to-one relation such as an attachment's `file`); lists of IRIs too with `$relationships=true`. */
export function expand(record: JsonObject, view: StoreView, lists = false): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(record)) {
    if (k.startsWith('@') || typeof v !== 'string' && !(lists && Array.isArray(v))) {
      out[k] = v;
      continue;
    }
    if (typeof v === 'string') out[k] = (parseRecordIri(v) && view.lookup(v)) || v;
    else out[k] = (v as unknown[]).map((x) => (typeof x === 'string' && parseRecordIri(x) && view.lookup(x)) || x) as JsonObject[];
  }
  return out;
}

const flag = (v: string | null) => v === 'true' || v === 'yes' || v === '1';

function positive(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw fail(400, `${name} must be a whole number of at least 1, not "${raw}".`);
  return n;
}

interface ListOptions {
  readonly module: string;
  /** `/api/3/<module>` or `/api/query/<module>`. */
  readonly base: string;
  readonly params: URLSearchParams;
  readonly group: FilterGroup;
  readonly sort: SortKey[];
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
}

/** A Hydra paged collection of the records that match: `hydra:member`, `hydra:totalItems`, and `hydra:view` with
 * first, last, previous and next pages (next only when there is one); `$legacy_collection_view=true` adds the older
 * `hydra:itemsPerPage`/`firstPage`/`lastPage`/`nextPage` keys. */
function collection(view: StoreView, o: ListOptions): JsonObject {
  const p = o.params;
  const limit = Math.min(positive(p, '$limit', DEFAULT_LIMIT), MAX_LIMIT);
  const page = positive(p, '$page', 1);
  const search = p.get('$search');
  let records = view.all(o.module);
  try {
    records = records.filter((r) => matches(r, o.group, view.lookup) && (!search || matchesSearch(r, search)));
    records = sortRecords(records, o.sort, view.lookup);
  } catch (e) {
    if (e instanceof QueryError) throw fail(400, e.message);
    throw e;
  }
  const total = records.length;
  const lastPage = Math.max(1, Math.ceil(total / limit));
  const relationships = flag(p.get('$relationships'));
  const fields = p.get('$fields')?.split(',').map((f) => f.trim()).filter((f) => f);
  const members = records.slice((page - 1) * limit, page * limit).map((r) => project(expand(r, view, relationships), fields ?? o.select, o.ignore));
  const link = (n: number) => {
    const q = new URLSearchParams(p);
    q.delete('$page');
    if (n > 1) q.set('$page', String(n));
    const text = q.toString();
    return text ? `${o.base}?${text}` : o.base;
  };
  const type = typeOf(o.module);
  const body: JsonObject = {
    '@context': `/api/3/contexts/${type}`,
    '@id': o.base,
    '@type': 'hydra:PagedCollection',
    ...(flag(p.get('$partial')) ? {} : { 'hydra:totalItems': total }),
    'hydra:member': members,
    'hydra:view': {
      '@id': link(page),
      '@type': 'hydra:PartialCollectionView',
      'hydra:first': link(1),
      'hydra:last': link(lastPage),
      ...(page > 1 ? { 'hydra:previous': link(Math.min(page - 1, lastPage)) } : {}),
      ...(page < lastPage ? { 'hydra:next': link(page + 1) } : {}),
    },
    'hydra:search': { '@type': 'hydra:IriTemplate', 'hydra:template': `/api/3/${o.module}{?}`, 'hydra:variableRepresentation': 'BasicRepresentation', 'hydra:mapping': [] },
  };
  if (flag(p.get('$legacy_collection_view')))
    Object.assign(body, { 'hydra:itemsPerPage': limit, 'hydra:firstPage': link(1), 'hydra:lastPage': link(lastPage), ...(page < lastPage ? { 'hydra:nextPage': link(page + 1) } : {}) });
  return body;
}

export interface HandleOptions {
  /** The call whose worker sent the request, for the records it creates. */
  readonly by?: PlatformRunRef;
  /** `/api/studio/ingest` (trigger_ingest_playbook's hand-over): only the workers' endpoint serves it. */
  readonly studioRoutes?: boolean;
}

/** Answers one request; a store failure becomes its status (VALIDATION 400, NOT_FOUND 404, CONFLICT 409). */
export async function handlePlatformRequest(store: PlatformStore, req: PlatformRequest, o: HandleOptions = {}): Promise<PlatformReply> {
  try {
    return await route(store, req, o);
  } catch (e) {
    if (isServiceError(e) && (e.code === 'VALIDATION' || e.code === 'NOT_FOUND' || e.code === 'CONFLICT'))
      throw fail(e.code === 'VALIDATION' ? 400 : e.code === 'NOT_FOUND' ? 404 : 409, e.message);
    throw e;
  }
}

async function route(store: PlatformStore, req: PlatformRequest, o: HandleOptions): Promise<PlatformReply> {
  const method = req.method.toUpperCase();
  const parts = segments(req.url.pathname);
  const params = req.url.searchParams;
  const notAllowed = () => fail(405, `${method} is not allowed on ${req.url.pathname}.`);

  if (o.studioRoutes && parts.join('/') === 'api/studio/ingest') {
    if (method !== 'POST') throw notAllowed();
    const b = jsonBody(req);
    if (!isObject(b) || typeof b.playbook !== 'string' || !Array.isArray(b.records))
      throw fail(400, 'The ingest body is {"playbook": IRI, "records": [...], "batchSize": n, "dedupField": name or null}.');
    const batch = await store.ingest(
      { playbook: b.playbook, records: b.records, batchSize: typeof b.batchSize === 'number' ? b.batchSize : 1000, dedupField: typeof b.dedupField === 'string' ? b.dedupField : null },
      o.by,
    );
    return { status: 200, json: batch };
  }

  const [api, version, first, second, third, ...rest] = parts;
  if (api !== 'api' || rest.length > 0) throw fail(404, `No route for ${method} ${req.url.pathname}.`);

  if (version === 'query' && first !== undefined && second === undefined) {
    if (method !== 'POST') throw notAllowed();
    const module = checkModule(first);
    let query: ReturnType<typeof parseQueryBody>;
    try {
      query = parseQueryBody(jsonBody(req));
    } catch (e) {
      throw e instanceof QueryError ? fail(400, e.message) : e;
    }
    return { status: 200, json: collection(await store.view(), { module, base: `/api/query/${module}`, params, group: query.group, sort: query.sort, select: query.select, ignore: query.ignore }) };
  }
  if (version !== '3' || first === undefined) throw fail(404, `No route for ${method} ${req.url.pathname}.`);

  if (first === 'insert' && second !== undefined && third === undefined) {
    if (method !== 'POST') throw notAllowed();
    const module = checkModule(second);
    const b = jsonBody(req);
    const data = isObject(b) ? b.data : undefined;
    if (!Array.isArray(data)) throw fail(400, 'The bulk insert body is {"data": [{record}, ...]}.');
    const view = await store.view();
    const created: JsonObject[] = [];
    for (const item of data) created.push(await store.create(module, item, o.by));
    return { status: 200, json: { '@context': `/api/3/contexts/${typeOf(module)}`, '@type': 'hydra:Collection', 'hydra:member': created.map((r) => expand(r, view)) } };
  }

  const module = checkModule(first);
  if (second === undefined) {
    if (method === 'GET') {
      let group: FilterGroup;
      try {
        group = parseUrlFilters(params);
      } catch (e) {
        throw e instanceof QueryError ? fail(400, e.message) : e;
      }
      return { status: 200, json: collection(await store.view(), { module, base: `/api/3/${module}`, params, group, sort: parseOrderBy(params.get('$orderby')) }) };
    }
    if (method === 'POST' && module === 'files') return upload(store, req, o);
    if (method === 'POST') {
      const record = await store.create(module, jsonBody(req), o.by);
      return { status: 201, json: expand(record, await store.view()) };
    }
    if (method === 'PUT') {
      // The module root updates the record its body's "@id" names.
      const b = jsonBody(req);
      const at = isObject(b) ? parseRecordIri(b['@id']) : undefined;
      if (!at || at.module !== module) throw fail(400, `PUT /api/3/${module} needs the record's "@id" (/api/3/${module}/<uuid>) in its body.`);
      return { status: 200, json: expand(await store.update(module, at.id, b), await store.view()) };
    }
    throw notAllowed();
  }

  const id = checkId(module, second);
  if (third !== undefined) throw fail(404, `No route for ${method} ${req.url.pathname}.`);
  switch (method) {
    case 'GET': {
      // A file's IRI answers with its content (connectors read a stored certificate with make_request(iri, 'GET'));
      // its record is what an attachment's `file` embeds.
      if (module === 'files') {
        const found = await store.fileContent(id);
        if (!found) throw fail(404, `No file /api/3/files/${id}.`);
        return { status: 200, file: { data: found.data, mimeType: String(found.record.mimeType ?? 'application/octet-stream'), filename: String(found.record.filename ?? id) } };
      }
      const view = await store.view();
      const record = view.get(module, id);
      if (!record) throw fail(404, `No record /api/3/${module}/${id}.`);
      return { status: 200, json: project(expand(record, view, flag(params.get('$relationships'))), params.get('$fields')?.split(',').map((f) => f.trim())) };
    }
    case 'PUT':
    case 'PATCH':
      return { status: 200, json: expand(await store.update(module, id, jsonBody(req)), await store.view()) };
    case 'DELETE': {
      const removed = await store.remove(module, id);
      return { status: 204, headers: { [RECORD_TYPE_HEADER]: String(removed['@type']) } };
    }
    default:
      throw notAllowed();
  }
}

async function upload(store: PlatformStore, req: PlatformRequest, o: HandleOptions): Promise<PlatformReply> {
  const files = parseMultipartFiles(req.body, req.contentType);
  if (!files) throw fail(400, 'Upload a file to /api/3/files as multipart/form-data with a part named "file" (requests: files={"file": (name, content, type)}).');
  const file = files.find((f) => f.fieldName === 'file') ?? files[0];
  if (!file) throw fail(400, 'The upload has no "file" part.');
  const record = await store.putFile({ filename: file.fileName, mimeType: file.contentType, data: file.data }, o.by);
  return { status: 201, json: record };
}
