/** The simulated platform's endpoint (services/platform/endpoint.ts) listens on 127.0.0.1 for the Python workers:
 * any local process or web page can reach the port, so only a connection's token opens a store, nothing of an
 * unknown caller is read, and no IRI reaches a path outside the store's folder. Each hostile request is built here. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPlatformEndpoint, type PlatformConnection, type PlatformEndpoint } from '../../src/main/services/platform/endpoint';
import { createFolderStore, createMemoryStore, type PlatformStore } from '../../src/main/services/platform/store';
import { tmpDir } from '../helpers/tmp';

let endpoint: PlatformEndpoint;
let store: PlatformStore;
let conn: PlatformConnection;
let dir: string;

beforeEach(async () => {
  dir = await tmpDir('cs-platform-sec-');
  endpoint = await startPlatformEndpoint({ maxBodyBytes: 64 * 1024 });
  store = createFolderStore(path.join(dir, 'store'));
  conn = endpoint.connect(store);
});
afterEach(async () => endpoint.close());

const send = (iri: string, init: RequestInit = {}, token = conn.token) =>
  fetch(`${conn.url}${iri}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

describe('the platform endpoint', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(conn.url).hostname).toBe('127.0.0.1');
  });

  it('refuses a request without the token, with a wrong one, or with the token in another scheme: 401, nothing stored', async () => {
    const attempts = [
      fetch(`${conn.url}/api/3/alerts`, { method: 'POST', body: '{"name":"x"}', headers: { 'Content-Type': 'application/json' } }),
      send('/api/3/alerts', { method: 'POST', body: '{"name":"x"}' }, 'f'.repeat(64)),
      send('/api/3/alerts', { method: 'POST', body: '{"name":"x"}' }, ''),
      fetch(`${conn.url}/api/3/alerts`, { method: 'POST', body: '{"name":"x"}', headers: { Authorization: `API-KEY ${conn.token}` } }),
      fetch(`${conn.url}/api/3/alerts?token=${conn.token}`, { method: 'POST', body: '{"name":"x"}' }),
      // A web page's cross-site form post carries no Authorization header.
      fetch(`${conn.url}/api/3/alerts`, { method: 'POST', body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' } }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await answers[0]?.json()) as unknown).toMatchObject({ '@type': 'Error', 'hydra:title': 'Unauthorized' });
    expect((await store.snapshot()).modules).toEqual([]);
  });

  it('a token opens its own store only', async () => {
    const other = createMemoryStore();
    const theirs = endpoint.connect(other);
    await send('/api/3/alerts', { method: 'POST', body: '{"name":"mine"}' });
    const seen = (await (await send('/api/3/alerts', {}, theirs.token)).json()) as Record<string, unknown>;
    expect(seen['hydra:totalItems']).toBe(0);
    expect((await other.snapshot()).modules).toEqual([]);
  });

  it('refuses a body over its limit with 413', async () => {
    const r = await send('/api/3/alerts', { method: 'POST', body: JSON.stringify({ name: 'x'.repeat(128 * 1024) }) });
    expect(r.status).toBe(413);
    expect((await store.snapshot()).modules).toEqual([]);
  });

  it('no IRI reads or writes outside the store: encoded separators, dot segments, NUL, backslashes, odd module names', async () => {
    // A file beside the store that a traversal would reach, and one inside the files folder to aim at.
    await writeFile(path.join(dir, 'secret.txt'), 'outside');
    const hostile = [
      '/api/3/files/..%2F..%2Fsecret.txt',
      '/api/3/files/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/api/3/files/%2e%2e',
      '/api/3/files/..',
      '/api/3/files/..%5C..%5Csecret.txt',
      '/api/3/files/secret.txt%00',
      '/api/3/..%2F..%2Fsecret.txt',
      '/api/3/files%2F..%2F..%2Fsecret.txt',
      '/api/3/Files/x',
      '/api/3/files/x/y',
      '/api/3/files/%E0%A4%A',
      '/api/query/..%2Fsecret',
    ];
    let refused = 0;
    for (const iri of hostile) {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const r = await send(iri, { method, ...(method === 'PUT' ? { body: '{"a":1}' } : {}) });
        const text = await r.text();
        expect(text).not.toContain('outside');
        if (r.status === 400 || r.status === 404 || r.status === 405) refused++;
      }
    }
    expect(refused).toBe(hostile.length * 3);
    const uuidEscape = await send('/api/3/alerts', { method: 'POST', body: JSON.stringify({ uuid: '../../secret' }) });
    expect(uuidEscape.status).toBe(400);
    // An upload names its file; the name is only kept in the record, never used as a path.
    const form = new FormData();
    form.append('file', new Blob(['x']), '../../../secret.txt');
    const up = (await (await send('/api/3/files', { method: 'POST', body: form })).json()) as Record<string, unknown>;
    expect(up.filename).toBe('secret.txt');
    expect(await readFile(path.join(dir, 'secret.txt'), 'utf8')).toBe('outside');
    expect((await readdir(path.join(dir, 'store', 'files'))).every((n) => /^[0-9a-f-]{36}$/.test(n))).toBe(true);
  });
});
