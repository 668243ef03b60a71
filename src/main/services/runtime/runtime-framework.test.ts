import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, makeKit } from './test-kit';

const kit = makeKit();
const folder = fixture('framework-user');
const run = (op: string, params: Record<string, unknown> = {}, config: Record<string, unknown> = {}) =>
  kit.runtime.execute(folder, op, params, config);

let server: Server;
let url = '';
beforeAll(async () => {
  // api_health_check must make a real HTTP call: answer 200 to admin:right, 401 otherwise.
  server = createServer((req, res) => {
    const ok = req.headers.authorization === `Basic ${Buffer.from('admin:right').toString('base64')}`;
    res.writeHead(ok ? 200 : 401).end(ok ? '{"ok":true}' : 'no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.close();
  await kit.dispose();
});

describe('framework shims', () => {
  it('api_health_check calls the server for real', async () => {
    expect(await kit.runtime.checkHealth(folder, { server_url: url, password: 'right' })).toMatchObject({ status: 'Available' });
    const bad = await kit.runtime.checkHealth(folder, { server_url: url, password: 'wrong' });
    expect(bad).toMatchObject({ status: 'Disconnected', message: `Invalid endpoint or credentials for url ${url}` });
  });

  it('download_file_from_cyops reads the local attachments folder into TMP_FILE_ROOT', async () => {
    mkdirSync(path.join(kit.dataDir, 'attachments', 'a1'), { recursive: true });
    writeFileSync(path.join(kit.dataDir, 'attachments', 'a1', 'note.txt'), 'hello attachment');
    const r = await run('read_attachment', { iri: '/api/3/attachments/a1' });
    expect(r).toMatchObject({ status: 'Success', data: { filename: 'note.txt', content: 'hello attachment' } });
    expect(r.schema).toEqual({ missing: ['size'], extra: ['path'] });
    const missing = await run('read_attachment', { iri: '/api/3/attachments/nothing-here' });
    expect(missing).toMatchObject({ status: 'Failed', message: expect.stringContaining('No file for /api/3/attachments/nothing-here') });
  });

  it('update_connnector_config is returned as configUpdates', async () => {
    const r = await run('save_token', { token: 'fresh' }, { server_url: url, config_id: 'cfg-1' });
    expect(r.configUpdates).toEqual([
      { connector: 'framework-user', version: '2.0.1', configId: 'cfg-1', config: { server_url: url, config_id: 'cfg-1', token: 'fresh' } },
    ]);
    expect((await run('log_levels')).configUpdates).toBeUndefined(); // effects belong to one call
  });

  it('returns (data, True) as base64 binary data', async () => {
    const r = await run('binary_file');
    expect(r).toMatchObject({ status: 'Success', binary: true, encoding: 'base64', schema: { missing: [], extra: [] } });
    expect(Buffer.from(r.data as string, 'base64')).toEqual(Buffer.from('\x89PNG\r\n\x1a\n\x00binary', 'latin1'));
  });

  it('get_logger records every level, with exception tracebacks', async () => {
    const r = await run('log_levels');
    expect(r.logs.map((l) => [l.level, l.logger])).toEqual([
      ['DEBUG', 'connectors.framework-user'],
      ['INFO', 'connectors.framework-user'],
      ['WARNING', 'connectors.framework-user'],
      ['ERROR', 'connectors.framework-user'],
    ]);
    expect(r.logs[1]).toMatchObject({ message: 'info line 1', module: 'log_levels', funcName: 'log_levels', lineno: 8 });
    expect(r.logs[3]?.message).toMatch(/^caught it\nTraceback[\s\S]*ValueError: inner problem/);
  });

  it('trigger_ingest_playbook records what would be ingested', async () => {
    const r = await run('ingest');
    expect(r.ingested).toEqual([
      { playbook: '/api/3/workflows/feed-ingest', count: 3, batchSize: 2, dedupField: 'value', records: [{ value: '10.0.0.0' }, { value: '10.0.0.1' }, { value: '10.0.0.2' }] },
    ]);
  });

  it('create_file_from_string and upload_file_to_cyops store an attachment in the platform that can be read back', async () => {
    const r = await kit.runtime.execute(folder, 'store_file', {}, {}, { env: { step: 'store' } });
    const record = r.data as { '@id': string; '@type': string; file: { '@id': string; filename: string } };
    expect(record).toMatchObject({ '@type': 'Attachment', name: 'Report', file: { '@type': 'File', filename: 'report.json', size: 8 } });
    expect(Object.keys((r.env as { files: Record<string, unknown> }).files)).toEqual(['report.json']);
    expect(r.platformRecords).toEqual([
      { iri: record.file['@id'], type: 'File', module: 'files', action: 'created' },
      { iri: record['@id'], type: 'Attachment', module: 'attachments', action: 'created' },
    ]);
    expect((await kit.platform.fileContent(record.file['@id'].split('/').pop()!))?.data.toString()).toBe('{"a": 1}');
    const back = await run('read_attachment', { iri: record['@id'] });
    expect(back.data).toMatchObject({ filename: 'report.json', content: '{"a": 1}' });
  });

  it('settings, import_string, HmacAuth, uwsgi, make_curl, manage_password and the CRUD Hub resolve', async () => {
    const r = await run('platform');
    expect(r.data).toEqual({
      tmp_exists: true,
      lw_agent: false,
      dumps: 'dumps',
      hmac: 'CS ',
      uwsgi: 'v',
      curl: "curl -X GET -H 'A: b' 'https://x/api?q=1'",
      password: 'secret',
      crudhub: [],
    });
    expect(r.crudhubRequests).toEqual([{ method: 'GET', iri: '/api/3/alerts', body: null }]);
  });

  it('an unknown framework import fails naming the missing module', async () => {
    const r = await run('unknown_import');
    expect(r.status).toBe('Failed');
    expect(r.message).toContain("No module named 'connectors.something_else'");
    expect(r.message).toContain('no shim');
  });

  it('removes the temp files it created when the worker stops', async () => {
    const r = await run('read_attachment', { iri: '/api/3/attachments/a1' });
    const tmpFile = (r.data as { path: string }).path;
    expect(readFileSync(tmpFile, 'utf8')).toBe('hello attachment');
    await kit.runtime.stop(folder);
    expect(existsSync(tmpFile)).toBe(false);
  });
});
