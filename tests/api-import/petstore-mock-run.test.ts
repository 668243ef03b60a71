/** The "done means" for a description with response schemas (OAI's petstore-expanded, Apache-2.0): the
 * connector generated from it passes the certification profile with 0 errors and 0 warnings, and its health check
 * and every generated GET action succeed against the mock vendor served from the same description, run by the
 * real Python runtime through the CLI (`health`, `run`). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../../src/main/cli/cli-test-kit';
import { startMockVendor } from '../../src/main/services/mock-vendor';
import { createValidateService } from '../../src/main/services/validate';
import { REPO_ROOT, tmpDir } from '../helpers/tmp';

const PETSTORE = path.join(REPO_ROOT, 'tests', 'fixtures', 'api-descriptions', 'petstore-expanded.openapi.yaml');

describe('a connector from an OpenAPI description with response schemas', () => {
  it('certifies clean, and its health check and GET actions run against the mock vendor', async () => {
    const work = await tmpDir('petstore-');
    const cli = cliIn(work);
    const listed = await cli('new', '--from-openapi', PETSTORE, '--list-operations', '--json');
    expect(listed.code, listed.err).toBe(0);
    const ops = JSON.parse(listed.out) as Array<{ id: string; method: string; readOnly: boolean; outputKeys: string[] }>;
    expect(ops.map((o) => `${o.method} ${o.id}`)).toEqual(['GET find_pets', 'POST add_pet', 'GET find_pet_by_id', 'DELETE delete_pet']);
    expect(ops.find((o) => o.id === 'find_pets')?.outputKeys).toEqual(['name', 'tag', 'id']);

    const created = await cli('new', 'petstore', '--from-openapi', PETSTORE, '--certified', '--publisher', 'Acme Security', '--json');
    expect(created.code, created.err).toBe(0);
    const { projectRoot, operations } = JSON.parse(created.out) as { projectRoot: string; operations: number };
    expect(operations).toBe(2);

    const validate = createValidateService();
    const cert = await validate.validateFolder(projectRoot, { profile: 'certification' });
    expect(cert.findings.map((f) => `${f.severity} ${f.rule} ${f.pointer ?? ''}: ${f.message}`)).toEqual([]);
    expect(cert.summary).toMatchObject({ errors: 0, warnings: 0 });

    const connector = path.join(projectRoot, 'petstore');
    const info = JSON.parse(await readFile(path.join(connector, 'info.json'), 'utf8')) as { operations: Array<{ operation: string; output_schema: unknown; parameters: Array<{ name: string; type: string }> }> };
    expect(info.operations.map((o) => o.operation)).toEqual(['find_pets', 'find_pet_by_id']);
    expect(info.operations[0]?.output_schema).toEqual([{ name: '', tag: '', id: '' }]);
    expect(info.operations[0]?.parameters.map((p) => `${p.name}:${p.type}`)).toEqual(['tags:json', 'limit:integer']);

    const mock = await startMockVendor({ descriptionPath: PETSTORE });
    try {
      const config = path.join(work, 'config.json');
      await writeFile(config, JSON.stringify({ server_url: mock.url, verify_ssl: false }));
      const health = await cli('health', connector, '--config', config, '--json');
      expect(health.code, health.out + health.err).toBe(0);

      const params = path.join(work, 'params.json');
      await writeFile(params, JSON.stringify({ id: 7, limit: 5, tags: '["dog"]' }));
      for (const op of info.operations) {
        const run = await cli('run', connector, op.operation, '--config', config, '--params', params, '--json');
        expect(run.code, `${op.operation}: ${run.out} ${run.err}`).toBe(0);
        const envelope = JSON.parse(run.out) as { status: string; data: unknown };
        expect(envelope.status).toBe('Success');
        expect(envelope.data).toBeTruthy();
      }
      expect(mock.seen.map((s) => `${s.method} ${s.status} ${s.operation ?? ''}`)).toEqual(['GET 200 find_pets', 'GET 200 find_pets', 'GET 200 find_pet_by_id']);
    } finally {
      await mock.close();
    }
  }, 120_000);
});
