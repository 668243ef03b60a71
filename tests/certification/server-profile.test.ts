/** Two questions, two profiles: a certified published connector whose operation has no output schema installs
 * on the server, so the server profile (validate's default, and package's gate) has no error for it; the
 * certification profile reports what Fortinet's CI makes of it. The fixture is the published odbc connector
 * (cs_approved, publisher Fortinet) with its operation's output_schema removed, the shape the old
 * output-schema-required rule refused. */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageCommand from '../../src/main/cli/commands/package';
import validateCommand from '../../src/main/cli/commands/validate';
import type { CliIO } from '../../src/main/cli/command';
import { ruleCatalogue } from '../../src/shared/connector/engine';
import { createValidateService } from '../../src/main/services/validate';
import { FIXTURES_DIR, tmpDir } from '../helpers/tmp';

async function cli(command: typeof validateCommand, cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: { FSOAR_USER_DATA_DIR: path.join(cwd, '.user-data') } };
  const code = await command.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** odbc as published, its one operation without output_schema. */
async function certifiedWithoutSchema(csApproved = true): Promise<{ work: string; dir: string }> {
  const work = await tmpDir('cert-no-schema-');
  const dir = path.join(work, 'odbc');
  await cp(path.join(FIXTURES_DIR, 'runnable', 'odbc'), dir, { recursive: true });
  const infoPath = path.join(dir, 'info.json');
  const info = JSON.parse(await readFile(infoPath, 'utf8')) as { cs_approved: boolean; publisher: string; operations: Record<string, unknown>[] };
  expect(info).toMatchObject({ cs_approved: true, publisher: 'Fortinet' });
  info.cs_approved = csApproved;
  delete info.operations[0]?.output_schema;
  await writeFile(infoPath, JSON.stringify(info, null, 2));
  return { work, dir };
}

describe('a certified published connector without an output schema', () => {
  it('is not a server error: the server profile has no output-schema-required rule, and warns', async () => {
    expect(ruleCatalogue.map((r) => r.id)).not.toContain('output-schema-required');
    const { dir } = await certifiedWithoutSchema();
    const report = await createValidateService().validateFolder(dir);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'output-schema-present', severity: 'warning', pointer: '/operations/0/output_schema' }));
  });

  it('validate exits 0 and package packages it', async () => {
    const { work } = await certifiedWithoutSchema();
    const v = await cli(validateCommand, work, 'odbc', '--json');
    expect(v.code, v.err).toBe(0);
    expect(JSON.parse(v.out).summary.errors).toBe(0);
    const p = await cli(packageCommand, work, 'odbc', '-o', 'odbc.tgz', '--json');
    expect(p.code, p.err).toBe(0);
    expect(JSON.parse(p.out)).toMatchObject({ name: 'odbc', version: '1.0.0', summary: { errors: 0 } });
    // The archive is what the server receives: the server profile has no error in it either.
    expect((await createValidateService().validatePath(path.join(work, 'odbc.tgz'))).summary.errors).toBe(0);
  });

  it('--profile certification fails it as the CI does (cs_approved), with source and ciCheck, exit 1', async () => {
    const { work } = await certifiedWithoutSchema();
    const r = await cli(validateCommand, work, 'odbc', '--profile', 'certification', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: Record<string, unknown>[] };
    expect(report.findings).toContainEqual({
      rule: 'cert-output-schema-required',
      source: 'certification',
      severity: 'error',
      message: expect.stringMatching(/Operation 'execute_query': has no output schema \(the CI fails this for a cs_approved connector\)/),
      path: 'info.json',
      pointer: '/operations/0/output_schema',
      ciCheck: 'verify_operation_output_schema',
    });
    expect(report.findings.every((f) => f.source === 'certification' && typeof f.ciCheck === 'string')).toBe(true);
  });

  it('the human output names the CI method of each finding', async () => {
    const { work } = await certifiedWithoutSchema();
    const r = await cli(validateCommand, work, 'odbc', '--profile', 'certification');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^error cert-output-schema-required \[verify_operation_output_schema\] info\.json#\/operations\/0\/output_schema Operation 'execute_query'/m);
    expect(r.out.split('\n').at(-1)).toBe('odbc 1.0.0: 3 errors, 1 warning, 0 infos');
  });

  it('is a certification warning when the connector is not cs_approved', async () => {
    const { dir } = await certifiedWithoutSchema(false);
    const report = await createValidateService().validateFolder(dir, { profile: 'certification' });
    expect(report.findings.filter((f) => f.ciCheck === 'verify_operation_output_schema')).toEqual([
      expect.objectContaining({ rule: 'cert-output-schema-missing', severity: 'warning', pointer: '/operations/0/output_schema' }),
    ]);
  });

  it('refuses an unknown profile and the combinations it cannot honour, exit 2', async () => {
    const { work } = await certifiedWithoutSchema();
    expect(await cli(validateCommand, work, 'odbc', '--profile', 'strict')).toMatchObject({ code: 2, err: expect.stringMatching(/--profile is server or certification, not 'strict'/) });
    expect((await cli(validateCommand, work, 'odbc', '--profile', 'certification', '--metadata-only')).code).toBe(2);
  });
});
