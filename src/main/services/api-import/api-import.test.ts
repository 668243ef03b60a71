import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { runNew } from '../../../../tests/api-import/run-new';
import { createGitService } from '../git/git-service';
import { createApiImportService } from './api-import-service';
import { preview } from './generate';
import { loadDescription } from './load';
import { scrubSecrets } from './secrets';
import { identifier, plainText, titleCase, UniqueNames } from './text';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'api-descriptions');

const CURL = `curl -X GET "https://api.acme.test/v2/alerts?severity=high&limit=10" \\
  -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl" \\
  -H "X-Request-Source: soar"

curl https://api.acme.test/v2/hosts/:host_id/isolate -X POST -H 'Content-Type: application/json' \\
  -d '{"reason": "malware", "password": "hunter2hunter2", "notify": true}'
`;

describe('reading descriptions', () => {
  it('reads cURL commands: one per block, continuations, bearer auth, path/query/header/body parameters, secrets dropped', async () => {
    const d = await loadDescription({ text: CURL, fileName: 'commands.sh' });
    expect(d.kind).toBe('curl');
    expect(d.servers).toEqual(['https://api.acme.test']);
    expect(d.auth).toEqual({ type: 'bearer' });
    expect(d.operations.map((o) => `${o.id} ${o.method} ${o.path}`)).toEqual(['get_v2_alerts GET /v2/alerts', 'post_v2_hosts_host_id_isolate POST /v2/hosts/{host_id}/isolate']);
    const [alerts, isolate] = d.operations;
    expect(alerts?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['header:x_request_source', 'query:severity', 'query:limit']);
    expect(isolate?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:host_id', 'body:reason', 'body:password', 'body:notify']);
    expect(JSON.stringify(d)).not.toContain('hunter2');
    expect(JSON.stringify(d)).not.toContain('eyJhbGci');
  });

  it('a document the parser rejects names the line', async () => {
    await expect(loadDescription({ text: 'openapi: 3.0.0\ninfo:\n  title: x\npaths:\n  /a: [\n', fileName: 'bad.yaml' })).rejects.toThrow(/bad\.yaml: line \d+: /);
    await expect(loadDescription({ text: '{"openapi": "3.0.0",\n "paths": {,}}', fileName: 'bad.json' })).rejects.toThrow(/bad\.json: line 2: /);
    await expect(loadDescription({ text: '{"hello": 1}', fileName: 'other.json' })).rejects.toThrow(/neither an OpenAPI/);
  });

  it('never follows an external $ref: the file it names is not read', async () => {
    const dir = await tmpDir('ext-ref-');
    await writeFile(path.join(dir, 'secret.json'), JSON.stringify({ x: { type: 'object', properties: { MARKER_FROM_DISK: { type: 'string' } } } }));
    const ref = `${path.join(dir, 'secret.json')}#/x`;
    const text = JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema: { $ref: ref } } } } } } } } });
    const d = await loadDescription({ text, fileName: 'ext.json' });
    expect(JSON.stringify(d)).not.toContain('MARKER_FROM_DISK');
    expect(d.operations[0]?.response?.schema).toEqual({ $ref: ref });
  });

  it('lists the 38 Tenable operations grouped by tag with the read-only ones marked', async () => {
    const d = await loadDescription({ text: await readFile(path.join(FIXTURES, 'tenable-platform.openapi.yaml'), 'utf8') });
    const p = preview(d);
    expect(p.operations).toHaveLength(38);
    expect(p.auth).toBe('apiKey');
    expect(p.servers).toEqual(['https://cloud.tenable.com']);
    expect(p.operations.filter((o) => o.readOnly).length).toBe(8);
    expect(p.notes[0]).toMatch(/swagger "3.0"/);
    expect(new Set(p.operations.map((o) => o.id)).size).toBe(38);
    expect(p.operations.every((o) => /^[a-z][a-z0-9_]*$/.test(o.id))).toBe(true);
  });
});

describe('text', () => {
  it('makes valid, unique snake_case names and readable titles', () => {
    expect(identifier('getUserByID', 'op')).toBe('get_user_by_id');
    expect(identifier('List_users_in_group', 'op')).toBe('list_users_in_group');
    expect(identifier('123 start', 'op')).toBe('op_123_start');
    expect(identifier('import', 'op')).toBe('import_op');
    expect(identifier('health_check', 'op')).toBe('health_check_op');
    const names = new UniqueNames();
    expect([names.take('a'), names.take('a'), names.take('a')]).toEqual(['a', 'a_2', 'a_3']);
    expect(titleCase('asset_group_id')).toBe('Asset Group ID');
  });

  it('cleans Markdown and HTML the form cannot show', () => {
    expect(plainText('Returns the **group** list.<p>Requires [BASIC](/docs) `16` perms. See <a href="/x">Permissions</a>.</p>')).toBe('Returns the group list. Requires BASIC 16 perms. See Permissions.');
  });

  it('blanks secrets in examples', () => {
    expect(scrubSecrets({ api_key: 'abc', nested: { token: 'x', name: 'ok' }, jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig' })).toEqual({ api_key: '', nested: { token: '', name: 'ok' }, jwt: '' });
  });
});

describe('adding operations to an existing connector', () => {
  it('appends the picked operations and leaves the existing ones and their code untouched', async () => {
    const work = await tmpDir('add-ops-');
    const petstore = path.join(FIXTURES, 'petstore-expanded.openapi.yaml');
    const created = await runNew(work, 'pets', '--from-openapi', petstore, '--operations', 'find_pets', '--json');
    expect(created.code, created.err).toBe(0);
    const connector = path.join(work, 'connector-pets', 'pets');
    const before = await readFile(path.join(connector, 'operations.py'), 'utf8');
    // The user's own edit of the existing action stays as it is.
    const edited = before.replace('def find_pets(config, params):', 'def find_pets(config, params):\n    # my change');
    await writeFile(path.join(connector, 'operations.py'), edited);

    const service = createApiImportService({ resourcesDir: path.join(REPO_ROOT, 'resources'), git: createGitService(() => 'git') });
    const text = await readFile(petstore, 'utf8');
    const result = await service.addOperations(connector, { text }, { operations: ['find_pets', 'add_pet', 'delete_pet'] });
    expect(result.added).toEqual(['find_pets_2', 'add_pet', 'delete_pet']);
    const after = await readFile(path.join(connector, 'operations.py'), 'utf8');
    expect(after).toContain('def find_pets(config, params):\n    # my change');
    expect(after).toMatch(/'find_pets': find_pets,\n {4}'find_pets_2': find_pets_2,\n {4}'add_pet': add_pet,\n {4}'delete_pet': delete_pet,\n\}\n$/);
    const info = JSON.parse(await readFile(path.join(connector, 'info.json'), 'utf8')) as { operations: Array<{ operation: string }> };
    expect(info.operations.map((o) => o.operation)).toEqual(['find_pets', 'find_pets_2', 'add_pet', 'delete_pet']);
  });
});
