/** The sandbox's records and files: /api/3/<module>, IRIs, uploads and queries over the same store its connectors'
 * runs write to (services/platform), authenticated as every other route. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers are free-form JSON */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../services/runtime/test-kit';
import type { Sandbox } from './server';
import { USERS, multipartBody, rawRequest, sandboxWithUsers, tempDir } from './test-kit';

const tmp = tempDir('cs-sandbox-platform-');
let sandbox: Sandbox;
const admin = { authorization: `API-KEY ${USERS.apiKey}` };
const reader = { authorization: `API-KEY ${USERS.readonlyKey}` };
const json = { 'content-type': 'application/json' };

const call = (method: string, iri: string, body?: unknown, headers: Record<string, string> = admin) =>
  rawRequest(sandbox.url, method, iri, { ...headers, ...(body === undefined ? {} : json) }, body === undefined ? undefined : JSON.stringify(body)) as Promise<{ status: number; json: any; text: string; headers: Record<string, unknown> }>;

beforeAll(async () => {
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
});
afterAll(async () => {
  await sandbox.close();
  tmp.dispose();
});

describe('the sandbox serves the platform\'s records and files', () => {
  it('creates, reads by IRI, pages, queries, updates and deletes records', async () => {
    for (const name of ['one', 'two', 'three']) expect((await call('POST', '/api/3/incidents', { name })).status).toBe(201);
    const page = await call('GET', '/api/3/incidents?$limit=2');
    expect(page.json).toMatchObject({ '@type': 'hydra:PagedCollection', 'hydra:totalItems': 3, 'hydra:view': { 'hydra:next': '/api/3/incidents?%24limit=2&%24page=2' } });
    const first = page.json['hydra:member'][0];
    expect((await call('GET', first['@id'])).json).toEqual(first);
    const found = await call('POST', '/api/query/incidents', { filters: [{ field: 'name', operator: 'like', value: 't%' }] });
    expect(found.json['hydra:member'].map((m: { name: string }) => m.name).sort()).toEqual(['three', 'two']);
    expect((await call('PUT', first['@id'], { status: 'Closed' })).json.status).toBe('Closed');
    expect((await call('DELETE', first['@id'])).status).toBe(204);
    expect((await call('GET', first['@id'])).json).toMatchObject({ '@type': 'Error', 'hydra:title': 'Not Found' });
  });

  it('takes a multipart file upload, serves its content at its IRI, and embeds it in an attachment', async () => {
    const upload = multipartBody('file', 'evidence.txt', 'text/plain', Buffer.from('evidence bytes'));
    const file = await rawRequest(sandbox.url, 'POST', '/api/3/files', { ...admin, 'content-type': upload.contentType }, upload.body);
    expect(file.status).toBe(201);
    const record = file.json as { '@id': string; filename: string };
    expect(record.filename).toBe('evidence.txt');
    const content = await rawRequest(sandbox.url, 'GET', record['@id'], admin);
    expect([content.text, content.headers['content-type']]).toEqual(['evidence bytes', 'text/plain']);
    const att = await call('POST', '/api/3/attachments', { name: 'evidence', file: record['@id'] });
    expect(att.json.file).toMatchObject({ '@id': record['@id'], filename: 'evidence.txt' });
  });

  it('is authenticated as the other routes: none or a wrong key is 401, a read-only key reads and queries but does not write', async () => {
    expect((await call('GET', '/api/3/alerts', undefined, {})).status).toBe(401);
    expect((await call('GET', '/api/3/alerts', undefined, { authorization: 'API-KEY wrong' })).status).toBe(401);
    expect((await call('GET', '/api/3/alerts', undefined, reader)).status).toBe(200);
    expect((await call('POST', '/api/query/alerts', { filters: [] }, reader)).status).toBe(200);
    expect((await call('POST', '/api/3/alerts', { name: 'x' }, reader)).status).toBe(403);
    expect((await call('GET', '/api/3/people', undefined, reader)).status).toBe(403);
  });

  it('what an installed connector creates during an action is a record of the same store', async () => {
    const src = path.join(tmp.dir, 'src');
    cpSync(fixture('platform-user'), path.join(src, 'platform-user'), { recursive: true });
    await create({ gzip: true, file: path.join(tmp.dir, 'platform-user.tgz'), cwd: src, portable: true }, ['platform-user']);
    const pkg = multipartBody('file', 'platform-user.tgz', 'application/gzip', readFileSync(path.join(tmp.dir, 'platform-user.tgz')));
    const installed = await rawRequest(sandbox.url, 'POST', '/api/3/solutionpacks/install?$type=connector', { ...admin, 'content-type': pkg.contentType }, pkg.body);
    expect(installed.status, installed.text).toBe(200);
    await sandbox.settled();
    const connector = installed.json as { id: number };
    const config = await call('POST', '/api/integration/configuration/', { connector: connector.id, connector_name: 'platform-user', connector_version: '1.0.0', name: 'default', default: true, config: {}, teams: [] });
    expect(config.status, config.text).toBe(201);
    const run = await call('POST', '/api/integration/execute/?format=json', { connector: 'platform-user', version: '1.0.0', config: 'default', operation: 'screenshot', params: { url: 'example.test' }, audit: null, audit_info: null });
    expect(run.status, run.text).toBe(200);
    const att = run.json.data as { '@id': string };
    expect(att['@id']).toMatch(/^\/api\/3\/attachments\//);
    const listed = await call('GET', '/api/3/attachments?description=Screenshot%20of%20example.test');
    expect(listed.json['hydra:member'].map((m: { '@id': string }) => m['@id'])).toEqual([att['@id']]);
  });
});
