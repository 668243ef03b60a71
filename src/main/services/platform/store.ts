/** The simulated FortiSOAR's data: records of any module, files with their content, and what connectors handed to
 * `trigger_ingest_playbook`. One store per place (a project in the IDE, a sandbox, a CLI run); either in memory or
 * in a folder (records/<module>.json, files/<id>, store.json), every write atomic and serialised. The shapes follow
 * docs/platform-api.md. */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  PLATFORM_SNAPSHOT_CAP,
  type PlatformFileSummary,
  type PlatformIngestBatch,
  type PlatformModuleSnapshot,
  type PlatformRecordSummary,
  type PlatformRunRef,
  type PlatformSnapshot,
} from '../../../shared/models/platform-data';
import { ServiceError, ifMissing } from '../errors';
import { writeFileAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import { readJsonFile } from '../workspace/json-file';
import { withPathLock } from '../workspace/path-lock';
import { resolveInside } from '../workspace/safe-path';
import { displayNameOf, iriOf, isModuleName, isObject, isRecordId, parseRecordIri, typeOf, type Json, type JsonObject } from './records';
import { settled } from '../../../shared/settled';

/** A record as kept: its body as the API returns it (relations as IRIs), and the call that wrote it. */
interface Entry {
  record: JsonObject;
  createdBy?: PlatformRunRef;
}

/** What a `trigger_ingest_playbook` call handed over, kept so it can be listed. */
export interface IngestInput {
  readonly playbook: string;
  readonly records: unknown[];
  readonly batchSize: number;
  readonly dedupField: string | null;
}
interface IngestEntry extends PlatformIngestBatch {
  /** The accepted records (the first 1000). */
  readonly records: unknown[];
}

interface Meta {
  nextId: number;
  ingested: IngestEntry[];
  /** Per `<playbook>\n<dedupField>`, the values already ingested (JSON text). */
  seen: Record<string, string[]>;
}

/** Where a store keeps its data. */
interface Backend {
  readonly location: string | null;
  load(): Promise<{ meta: Meta; modules: Map<string, Map<string, Entry>> }>;
  saveModule(module: string, entries: Map<string, Entry>): Promise<void>;
  saveMeta(meta: Meta): Promise<void>;
  writeBlob(id: string, data: Buffer): Promise<void>;
  readBlob(id: string): Promise<Buffer | undefined>;
  removeBlob(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Runs fn alone on the store (other writers in this process wait). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** A consistent, synchronous view of the records for queries. */
export interface StoreView {
  get(module: string, id: string): JsonObject | undefined;
  all(module: string): JsonObject[];
  /** The record an IRI names, when the store holds it. */
  lookup(iri: string): JsonObject | undefined;
}

export interface FileInput {
  readonly filename: string;
  readonly mimeType?: string;
  readonly data: Buffer;
}

export interface PlatformStore {
  /** The folder, absolute; null in memory. */
  readonly location: string | null;
  view(): Promise<StoreView>;
  /** A new record: `@id`, `@type`, `@context`, `uuid` (the body's own when it gives a free one), `id`, and
   * `createDate`/`modifyDate` (epoch seconds) around the body's fields; embedded records become their IRIs. */
  create(module: string, body: unknown, by?: PlatformRunRef): Promise<JsonObject>;
  /** Changes the fields the body names (PUT and PATCH both merge, as FortiSOAR's PUT does). NOT_FOUND. */
  update(module: string, id: string, body: unknown): Promise<JsonObject>;
  /** NOT_FOUND when there is no such record; a file's content goes with it. */
  remove(module: string, id: string): Promise<JsonObject>;
  /** A File record with the content stored beside it. */
  putFile(file: FileInput, by?: PlatformRunRef): Promise<JsonObject>;
  /** A file's record and content; undefined when there is none. */
  fileContent(id: string): Promise<{ record: JsonObject; data: Buffer } | undefined>;
  /** Keeps the batch; with `dedupField`, a record whose value was ingested before for that playbook (or earlier in
   * the same list) is skipped. */
  ingest(input: IngestInput, by?: PlatformRunRef): Promise<PlatformIngestBatch>;
  snapshot(): Promise<PlatformSnapshot>;
  /** Removes every record, file and batch. */
  reset(): Promise<void>;
}

const emptyMeta = (): Meta => ({ nextId: 1, ingested: [], seen: {} });
const nowSeconds = () => Math.round(Date.now()) / 1000;
const iso = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : '');

function memoryBackend(): Backend {
  const blobs = new Map<string, Buffer>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    location: null,
    load: () => Promise.resolve({ meta: emptyMeta(), modules: new Map() }),
    saveModule: () => Promise.resolve(),
    saveMeta: () => Promise.resolve(),
    writeBlob: (id, data) => Promise.resolve(void blobs.set(id, data)),
    readBlob: (id) => Promise.resolve(blobs.get(id)),
    removeBlob: (id) => Promise.resolve(void blobs.delete(id)),
    clear: () => Promise.resolve(blobs.clear()),
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const run = tail.then(fn, fn);
      tail = settled(run); // the next writer waits; this failure reaches this caller through `run`
      return run;
    },
  };
}

interface ModuleFile {
  module: string;
  entries: Entry[];
}

function folderBackend(dir: string): Backend {
  const recordsDir = path.join(dir, 'records');
  const filesDir = path.join(dir, 'files');
  const metaFile = path.join(dir, 'store.json');
  const blob = async (id: string) => {
    if (!isRecordId(id)) throw new ServiceError('VALIDATION', `"${id}" is not a file id.`);
    await mkdir(filesDir, { recursive: true });
    return resolveInside(filesDir, id);
  };
  return {
    location: dir,
    async load() {
      const meta = { ...emptyMeta(), ...(await readJsonFile<Partial<Meta>>(metaFile, {})) };
      const modules = new Map<string, Map<string, Entry>>();
      const names = await readdir(recordsDir).catch(ifMissing([] as string[]));
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const module = name.slice(0, -5);
        if (!isModuleName(module)) continue; // not one of ours (a temp file, a file put there by hand)
        const file = await readJsonFile<ModuleFile>(path.join(recordsDir, name), { module, entries: [] });
        const entries = new Map<string, Entry>();
        for (const e of Array.isArray(file.entries) ? file.entries : []) {
          const id = isObject(e.record) ? e.record.uuid : undefined;
          if (typeof id === 'string' && isRecordId(id)) entries.set(id, e);
        }
        modules.set(module, entries);
      }
      return { meta, modules };
    },
    async saveModule(module, entries) {
      const file: ModuleFile = { module, entries: [...entries.values()] };
      await writeJsonAtomic(path.join(recordsDir, `${module}.json`), file);
    },
    saveMeta: (meta) => writeJsonAtomic(metaFile, meta),
    writeBlob: async (id, data) => writeFileAtomic(await blob(id), data),
    readBlob: async (id) => readFile(await blob(id)).catch(ifMissing(undefined)),
    removeBlob: async (id) => rm(await blob(id), { force: true }),
    async clear() {
      await rm(recordsDir, { recursive: true, force: true });
      await rm(filesDir, { recursive: true, force: true });
      await rm(metaFile, { force: true });
    },
    exclusive: (fn) => withPathLock(dir, fn),
  };
}

/** Records given inside a body (`{"@id": ...}`) are kept as their IRI, as FortiSOAR stores relations. */
function normalise(value: Json): Json {
  if (Array.isArray(value)) return value.map((v) => (isObject(v) && typeof v['@id'] === 'string' && parseRecordIri(v['@id']) ? v['@id'] : v));
  if (isObject(value) && typeof value['@id'] === 'string' && parseRecordIri(value['@id'])) return value['@id'];
  return value;
}

const SERVER_FIELDS = new Set(['@id', '@type', '@context', 'id', 'uuid', 'createDate', 'modifyDate']);

function bodyObject(body: unknown, what: string): JsonObject {
  if (!isObject(body)) throw new ServiceError('VALIDATION', `${what} needs a JSON object as its body, e.g. {"name": "..."}.`);
  return body;
}

function createStore(backend: Backend): PlatformStore {
  let loaded: Promise<{ meta: Meta; modules: Map<string, Map<string, Entry>> }> | undefined;
  const state = () => (loaded ??= backend.load());

  const moduleOf = async (module: string) => {
    if (!isModuleName(module)) throw new ServiceError('VALIDATION', `"${module}" is not a module name (lower-case letters, digits and _).`);
    const { modules } = await state();
    let entries = modules.get(module);
    if (!entries) modules.set(module, (entries = new Map()));
    return entries;
  };

  function viewOf(modules: Map<string, Map<string, Entry>>): StoreView {
    const get = (module: string, id: string) => modules.get(module)?.get(id)?.record;
    return {
      get,
      all: (module) => [...(modules.get(module)?.values() ?? [])].map((e) => e.record),
      lookup: (iri) => {
        const at = parseRecordIri(iri);
        return at ? get(at.module, at.id) : undefined;
      },
    };
  }

  async function insert(module: string, fields: JsonObject, by?: PlatformRunRef): Promise<JsonObject> {
    const entries = await moduleOf(module);
    const { meta } = await state();
    const given = fields.uuid;
    if (given !== undefined && (typeof given !== 'string' || !isRecordId(given)))
      throw new ServiceError('VALIDATION', `"uuid" must be a UUID (letters, digits and -), not ${JSON.stringify(given)}; leave it out and one is made.`);
    const id = typeof given === 'string' ? given : randomUUID();
    if (entries.has(id)) throw new ServiceError('CONFLICT', `A record ${iriOf(module, id)} exists already: give another uuid, or none.`);
    const type = typeOf(module);
    const now = nowSeconds();
    const own = Object.fromEntries(Object.entries(fields).filter(([k]) => !SERVER_FIELDS.has(k)).map(([k, v]) => [k, normalise(v)]));
    const record: JsonObject = { '@context': `/api/3/contexts/${type}`, '@id': iriOf(module, id), '@type': type, ...own, uuid: id, id: meta.nextId++, createDate: now, modifyDate: now };
    entries.set(id, { record, ...(by ? { createdBy: by } : {}) });
    await backend.saveModule(module, entries);
    await backend.saveMeta(meta);
    return record;
  }

  const store: PlatformStore = {
    location: backend.location,

    view: async () => viewOf((await state()).modules),

    create: (module, body, by) => backend.exclusive(() => insert(module, bodyObject(body, `Creating a record of ${module}`), by)),

    update: (module, id, body) =>
      backend.exclusive(async () => {
        const fields = bodyObject(body, `Updating ${iriOf(module, id)}`);
        const entries = await moduleOf(module);
        const entry = entries.get(id);
        if (!entry) throw new ServiceError('NOT_FOUND', `No record ${iriOf(module, id)}.`);
        const own = Object.fromEntries(Object.entries(fields).filter(([k]) => !SERVER_FIELDS.has(k)).map(([k, v]) => [k, normalise(v)]));
        entry.record = { ...entry.record, ...own, modifyDate: Math.max(nowSeconds(), Number(entry.record.modifyDate) || 0) };
        await backend.saveModule(module, entries);
        return entry.record;
      }),

    remove: (module, id) =>
      backend.exclusive(async () => {
        const entries = await moduleOf(module);
        const entry = entries.get(id);
        if (!entry) throw new ServiceError('NOT_FOUND', `No record ${iriOf(module, id)}.`);
        entries.delete(id);
        await backend.saveModule(module, entries);
        if (module === 'files') await backend.removeBlob(id);
        return entry.record;
      }),

    putFile: (file, by) =>
      backend.exclusive(async () => {
        const filename = path.basename(file.filename.replace(/\\/g, '/')) || 'file';
        const id = randomUUID();
        await backend.writeBlob(id, file.data);
        return insert('files', { uuid: id, filename, mimeType: file.mimeType || 'application/octet-stream', size: file.data.length }, by);
      }),

    async fileContent(id) {
      if (!isRecordId(id)) return undefined;
      const record = (await state()).modules.get('files')?.get(id)?.record;
      const data = record ? await backend.readBlob(id) : undefined;
      return record && data ? { record, data } : undefined;
    },

    ingest: (input, by) =>
      backend.exclusive(async () => {
        const { meta } = await state();
        const key = `${input.playbook}\n${input.dedupField ?? ''}`;
        const seen = new Set(meta.seen[key] ?? []);
        const accepted: unknown[] = [];
        for (const r of input.records) {
          const value = input.dedupField && isObject(r) ? r[input.dedupField] : undefined;
          if (value === undefined || value === null) {
            accepted.push(r);
            continue;
          }
          const text = JSON.stringify(value);
          if (seen.has(text)) continue;
          seen.add(text);
          accepted.push(r);
        }
        if (input.dedupField) meta.seen[key] = [...seen];
        const batch: IngestEntry = {
          playbook: input.playbook,
          count: input.records.length,
          accepted: accepted.length,
          skippedDuplicates: input.records.length - accepted.length,
          dedupField: input.dedupField,
          batchSize: input.batchSize,
          at: new Date().toISOString(),
          ...(by ? { createdBy: by } : {}),
          records: accepted.slice(0, 1000),
        };
        meta.ingested.push(batch);
        await backend.saveMeta(meta);
        const { records: _kept, ...summary } = batch;
        return summary;
      }),

    async snapshot() {
      const { meta, modules } = await state();
      const summary = (module: string, e: Entry): PlatformRecordSummary => ({
        iri: String(e.record['@id']),
        type: String(e.record['@type']),
        module,
        uuid: String(e.record.uuid),
        id: Number(e.record.id),
        displayName: displayNameOf(e.record),
        createdAt: iso(e.record.createDate),
        modifiedAt: iso(e.record.modifyDate),
        ...(e.createdBy ? { createdBy: e.createdBy } : {}),
      });
      const newest = (a: Entry, b: Entry) => Number(b.record.id) - Number(a.record.id);
      const moduleSnapshots: PlatformModuleSnapshot[] = [...modules.entries()]
        .filter(([name, entries]) => name !== 'files' && entries.size > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, entries]) => ({
          module: name,
          type: typeOf(name),
          total: entries.size,
          records: [...entries.values()].sort(newest).slice(0, PLATFORM_SNAPSHOT_CAP).map((e) => summary(name, e)),
        }));
      const fileEntries = [...(modules.get('files')?.values() ?? [])].sort(newest);
      const files: PlatformFileSummary[] = fileEntries.slice(0, PLATFORM_SNAPSHOT_CAP).map((e) => ({
        iri: String(e.record['@id']),
        uuid: String(e.record.uuid),
        id: Number(e.record.id),
        filename: String(e.record.filename ?? ''),
        size: Number(e.record.size ?? 0),
        mimeType: String(e.record.mimeType ?? 'application/octet-stream'),
        createdAt: iso(e.record.createDate),
        ...(e.createdBy ? { createdBy: e.createdBy } : {}),
      }));
      const ingested = meta.ingested
        .slice(-PLATFORM_SNAPSHOT_CAP)
        .reverse()
        .map(({ records: _records, ...batch }) => batch);
      return { location: backend.location, modules: moduleSnapshots, files, totalFiles: fileEntries.length, ingested };
    },

    reset: () =>
      backend.exclusive(async () => {
        await backend.clear();
        loaded = Promise.resolve({ meta: emptyMeta(), modules: new Map() });
      }),
  };
  return store;
}

export function createMemoryStore(): PlatformStore {
  return createStore(memoryBackend());
}

/** A store over the folder, reading what it holds on first use. Two of them on one folder do not see each other's
 * writes: use openFolderStore, except to read a folder afresh (a restart). */
export function createFolderStore(dir: string): PlatformStore {
  return createStore(folderBackend(path.resolve(dir)));
}

/** One store per folder in this process, so two services asking for the same folder share its records. */
const folderStores = new Map<string, PlatformStore>();

export function openFolderStore(dir: string): PlatformStore {
  const abs = path.resolve(dir);
  let store = folderStores.get(abs);
  if (!store) folderStores.set(abs, (store = createFolderStore(abs)));
  return store;
}
