/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers are free-form JSON */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { startPlatformEndpoint, type PlatformConnection, type PlatformEndpoint } from './endpoint';
import { createFolderStore, createMemoryStore, type PlatformStore } from './store';

/** The store and its HTTP API as a worker reaches them: the real endpoint on 127.0.0.1 with a connection's token. */
let endpoint: PlatformEndpoint;
let store: PlatformStore;
let conn: PlatformConnection;

beforeEach(async () => {
  endpoint = await startPlatformEndpoint();
  store = createMemoryStore();
  conn = endpoint.connect(store);
});
afterEach(async () => endpoint.close());

type Answer = { status: number; json: any; text: string; headers: Headers };

async function call(method: string, iri: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${conn.token}`, ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${conn.url}${iri}`, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

describe('records: create, read, update, delete', () => {
  it('POST creates a record with @id, @type, @context, uuid, an integer id and its dates; GET by IRI returns it', async () => {
    const created = await call('POST', '/api/3/alerts', { name: 'Repeated login failures', severity: 'High' });
    expect(created.status).toBe(201);
    const a = created.json;
    expect(a).toMatchObject({ '@context': '/api/3/contexts/Alert', '@type': 'Alert', name: 'Repeated login failures', severity: 'High' });
    expect(a['@id']).toBe(`/api/3/alerts/${a.uuid}`);
    expect(a.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isInteger(a.id)).toBe(true);
    expect(typeof a.createDate).toBe('number');
    expect(a.modifyDate).toBe(a.createDate);
    expect((await call('GET', a['@id'])).json).toEqual(a);
  });

  it('takes any module name, names its type from it, and keeps a uuid the body gives (a second use is a conflict)', async () => {
    const r = await call('POST', '/api/3/threat_intel_feeds', { uuid: '0b9d3c43-5c5a-4f5e-9d59-0a3a4f0d2b11', value: '10.0.0.1' });
    expect(r.json).toMatchObject({ '@type': 'ThreatIntelFeed', '@id': '/api/3/threat_intel_feeds/0b9d3c43-5c5a-4f5e-9d59-0a3a4f0d2b11' });
    expect((await call('POST', '/api/3/people', { firstname: 'Ada' })).json['@type']).toBe('Person');
    expect((await call('POST', '/api/3/indicators', { value: 'x' })).json['@type']).toBe('Indicator');
    const again = await call('POST', '/api/3/threat_intel_feeds', { uuid: '0b9d3c43-5c5a-4f5e-9d59-0a3a4f0d2b11' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ '@type': 'Error', 'hydra:description': expect.stringContaining('exists already') });
  });

  it('PUT and PATCH change the fields they name and keep the others; DELETE answers 204 and the record is gone', async () => {
    const a = (await call('POST', '/api/3/incidents', { name: 'n', description: 'd' })).json;
    const put = await call('PUT', a['@id'], { description: 'changed', id: 999, uuid: 'other' });
    expect(put.json).toMatchObject({ name: 'n', description: 'changed', id: a.id, uuid: a.uuid });
    expect((await call('PATCH', a['@id'], { status: 'Closed' })).json).toMatchObject({ description: 'changed', status: 'Closed' });
    const root = await call('PUT', '/api/3/incidents', { '@id': a['@id'], name: 'renamed' });
    expect(root.json.name).toBe('renamed');
    const del = await call('DELETE', a['@id']);
    expect(del.status).toBe(204);
    expect(del.headers.get('x-studio-record-type')).toBe('Incident');
    expect((await call('GET', a['@id'])).status).toBe(404);
    expect((await call('DELETE', a['@id'])).status).toBe(404);
  });

  it('refuses a body that is not a JSON object, and a method a route does not take', async () => {
    expect((await call('POST', '/api/3/alerts', [1, 2])).status).toBe(400);
    const notJson = await fetch(`${conn.url}/api/3/alerts`, { method: 'POST', headers: { Authorization: `Bearer ${conn.token}` }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await call('DELETE', '/api/3/alerts')).status).toBe(405);
  });

  it('bulk insert creates every record and answers them as a collection', async () => {
    const r = await call('POST', '/api/3/insert/alerts', { data: [{ name: 'one' }, { name: 'two' }] });
    expect(r.json['hydra:member'].map((m: { name: string }) => m.name)).toEqual(['one', 'two']);
    expect((await call('GET', '/api/3/alerts')).json['hydra:totalItems']).toBe(2);
  });
});

describe('collections: paging and the query forms connectors use', () => {
  async function seed(n: number) {
    for (let i = 1; i <= n; i++)
      await call('POST', '/api/3/alerts', { name: `Alert ${i}`, eventCount: i, status: i % 2 ? 'Open' : 'Closed', source: i <= 2 ? 'FireEye EX' : 'QRadar' });
  }

  it('pages with $limit and $page: hydra:totalItems, hydra:view first/last/next/previous, no next on the last page', async () => {
    await seed(7);
    const first = (await call('GET', '/api/3/alerts?$limit=3')).json;
    expect(first).toMatchObject({ '@context': '/api/3/contexts/Alert', '@id': '/api/3/alerts', '@type': 'hydra:PagedCollection', 'hydra:totalItems': 7 });
    expect(first['hydra:member']).toHaveLength(3);
    expect(first['hydra:view']).toEqual({
      '@id': '/api/3/alerts?%24limit=3',
      '@type': 'hydra:PartialCollectionView',
      'hydra:first': '/api/3/alerts?%24limit=3',
      'hydra:last': '/api/3/alerts?%24limit=3&%24page=3',
      'hydra:next': '/api/3/alerts?%24limit=3&%24page=2',
    });
    const seen: string[] = [];
    let next: string | undefined = '/api/3/alerts?$limit=3';
    while (next) {
      const page: any = (await call('GET', next)).json;
      seen.push(...page['hydra:member'].map((m: { name: string }) => m.name));
      next = page['hydra:view']['hydra:next'];
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const last = (await call('GET', '/api/3/alerts?$limit=3&$page=3')).json;
    expect(last['hydra:member']).toHaveLength(1);
    expect(last['hydra:view']['hydra:previous']).toBe('/api/3/alerts?%24limit=3&%24page=2');
    expect(last['hydra:view']['hydra:next']).toBeUndefined();
    expect((await call('GET', '/api/3/alerts?$limit=3&$page=9')).json['hydra:member']).toEqual([]);
  });

  it('defaults to 30 a page, newest modified first; $legacy_collection_view adds the older keys; $partial omits the total', async () => {
    await seed(31);
    const page = (await call('GET', '/api/3/alerts')).json;
    expect(page['hydra:member']).toHaveLength(30);
    expect(page['hydra:member'][0].name).toBe('Alert 31');
    const legacy = (await call('GET', '/api/3/alerts?$legacy_collection_view=true')).json;
    expect(legacy).toMatchObject({ 'hydra:itemsPerPage': 30, 'hydra:nextPage': expect.stringContaining('%24page=2') });
    expect((await call('GET', '/api/3/alerts?$partial=true')).json['hydra:totalItems']).toBeUndefined();
    expect((await call('GET', '/api/3/alerts?$limit=0')).status).toBe(400);
  });

  it('filters field=value, field$op=value with . or __ paths, $search and $orderby', async () => {
    await seed(6);
    const names = async (q: string) => (await call('GET', `/api/3/alerts?${q}`)).json['hydra:member'].map((m: { name: string }) => m.name).sort();
    expect(await names('status=Open')).toEqual(['Alert 1', 'Alert 3', 'Alert 5']);
    expect(await names('status__itemValue=Closed')).toEqual(['Alert 2', 'Alert 4', 'Alert 6']);
    expect(await names('eventCount$gte=2&eventCount$lt=4')).toEqual(['Alert 2', 'Alert 3']);
    expect(await names(`name$like=${encodeURIComponent('%lert 1%')}`)).toEqual(['Alert 1']);
    expect(await names('source$in=fireeye ex|Nothing')).toEqual(['Alert 1', 'Alert 2']);
    expect(await names('$search=qradar open')).toEqual(['Alert 3', 'Alert 5']);
    const ordered = (await call('GET', '/api/3/alerts?$orderby=eventCount&$limit=2')).json['hydra:member'].map((m: { name: string }) => m.name);
    expect(ordered).toEqual(['Alert 1', 'Alert 2']);
    expect((await call('GET', '/api/3/alerts?name$almost=x')).status).toBe(400);
  });

  it('POST /api/query/<module> takes logic, nested filters, sort and __selectFields; paging stays on the query string', async () => {
    await seed(6);
    const r = await call('POST', '/api/query/alerts?$limit=2', {
      logic: 'OR',
      filters: [
        { field: 'source', operator: 'eq', value: 'FireEye EX' },
        { logic: 'AND', filters: [{ field: 'status.itemValue', operator: 'eq', value: 'Closed' }, { field: 'eventCount', operator: 'gt', value: 5 }] },
      ],
      sort: [{ field: 'eventCount', direction: 'DESC' }],
      __selectFields: ['name'],
    });
    expect(r.json['@id']).toBe('/api/query/alerts');
    expect(r.json['hydra:totalItems']).toBe(3);
    expect(r.json['hydra:member']).toEqual([
      { '@id': expect.stringMatching(/^\/api\/3\/alerts\//), '@type': 'Alert', '@context': '/api/3/contexts/Alert', name: 'Alert 6' },
      { '@id': expect.stringMatching(/^\/api\/3\/alerts\//), '@type': 'Alert', '@context': '/api/3/contexts/Alert', name: 'Alert 2' },
    ]);
    expect(r.json['hydra:view']['hydra:next']).toBe('/api/query/alerts?%24limit=2&%24page=2');
    expect((await call('POST', '/api/query/alerts', { logic: 'XOR', filters: [] })).status).toBe(400);
    expect((await call('POST', '/api/query/alerts', { filters: [{ field: 'name', operator: 'near', value: 1 }] })).status).toBe(400);
  });
});

describe('files and attachments', () => {
  async function upload(name: string, content: string, type = 'text/plain') {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), name);
    return call('POST', '/api/3/files', form);
  }

  it('a multipart upload returns a File record; GET of its IRI answers the content', async () => {
    const r = await upload('note.txt', 'hello file');
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ '@context': '/api/3/contexts/File', '@type': 'File', filename: 'note.txt', mimeType: 'text/plain', size: 10 });
    expect(r.json['@id']).toBe(`/api/3/files/${r.json.uuid}`);
    const content = await call('GET', r.json['@id']);
    expect(content.text).toBe('hello file');
    expect(content.headers.get('content-type')).toBe('text/plain');
    expect(content.headers.get('content-disposition')).toBe('attachment; filename="note.txt"');
    expect((await call('POST', '/api/3/files', { filename: 'x' })).status).toBe(400);
  });

  it('an attachment points at its file: the file IRI is stored, the File record is embedded when read', async () => {
    const file = (await upload('shot.png', 'PNG')).json;
    const att = (await call('POST', '/api/3/attachments', { name: 'shot.png', description: 'Screenshot', file: file['@id'] })).json;
    expect(att).toMatchObject({ '@type': 'Attachment', name: 'shot.png', file: { '@id': file['@id'], '@type': 'File', filename: 'shot.png' } });
    const byEmbedding = (await call('POST', '/api/3/attachments', { name: 'again', file })).json;
    expect(byEmbedding.file['@id']).toBe(file['@id']);
    const listed = (await call('GET', '/api/3/attachments?file.filename=shot.png')).json;
    expect(listed['hydra:totalItems']).toBe(2);
    expect(listed['hydra:member'][0].file.filename).toBe('shot.png');
    expect((await call('DELETE', file['@id'])).status).toBe(204);
    expect((await call('GET', file['@id'])).status).toBe(404);
  });
});

describe('ingestion', () => {
  it('keeps each trigger_ingest_playbook batch with its dedup outcome: a value seen before for the playbook is skipped', async () => {
    const batch = (records: unknown[], dedupField: string | null = 'pattern') => call('POST', '/api/studio/ingest', { playbook: '/api/3/workflows/pb', records, batchSize: 1000, dedupField });
    expect((await batch([{ pattern: 'a' }, { pattern: 'b' }, { pattern: 'a' }])).json).toMatchObject({ count: 3, accepted: 2, skippedDuplicates: 1 });
    expect((await batch([{ pattern: 'b' }, { pattern: 'c' }, { other: 1 }])).json).toMatchObject({ count: 3, accepted: 2, skippedDuplicates: 1 });
    expect((await batch([{ pattern: 'a' }], null)).json).toMatchObject({ accepted: 1, skippedDuplicates: 0 });
    const snap = await store.snapshot();
    expect(snap.ingested.map((b) => b.accepted)).toEqual([1, 2, 2]);
  });
});

describe('a store in a folder', () => {
  it('keeps records, files and batches across a restart, and reset empties it', async () => {
    const dir = await tmpDir('cs-platform-');
    const first = createFolderStore(dir);
    const a = await first.create('alerts', { name: 'kept' }, { kind: 'execute', operation: 'make_alert', connector: 'c', startedAt: '2024-01-01T00:00:00.000Z' });
    const f = await first.putFile({ filename: '../../evil/name.txt', mimeType: 'text/plain', data: Buffer.from('content') });
    expect(f.filename).toBe('name.txt');
    await first.ingest({ playbook: '/api/3/workflows/x', records: [{ v: 1 }], batchSize: 10, dedupField: 'v' });
    expect(JSON.parse(await readFile(path.join(dir, 'records', 'alerts.json'), 'utf8')).entries[0].record.name).toBe('kept');

    const second = createFolderStore(dir);
    expect((await second.view()).get('alerts', String(a.uuid))).toEqual(a);
    expect((await second.fileContent(String(f.uuid)))?.data.toString()).toBe('content');
    const snap = await second.snapshot();
    expect(snap).toMatchObject({
      location: dir,
      modules: [{ module: 'alerts', type: 'Alert', total: 1, records: [{ iri: a['@id'], displayName: 'kept', createdBy: { kind: 'execute', operation: 'make_alert' } }] }],
      files: [{ filename: 'name.txt', size: 7, mimeType: 'text/plain' }],
      totalFiles: 1,
      ingested: [{ playbook: '/api/3/workflows/x', accepted: 1 }],
    });
    expect((await second.ingest({ playbook: '/api/3/workflows/x', records: [{ v: 1 }], batchSize: 10, dedupField: 'v' })).skippedDuplicates).toBe(1);
    const third = await second.create('alerts', { name: 'next' });
    expect(Number(third.id)).toBeGreaterThan(Number(f.id));

    await second.reset();
    expect(await second.snapshot()).toMatchObject({ modules: [], files: [], totalFiles: 0, ingested: [] });
    expect((await createFolderStore(dir).snapshot()).modules).toEqual([]);
  });
});
