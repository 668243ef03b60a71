import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseSnapshot } from '../../../../tests/fixtures/rules/base';
import { buildCase, ruleCases } from '../../../../tests/fixtures/rules/cases';
import { rawTgz } from '../../../../tests/helpers/raw-tar';
import { writeConnector } from '../../../../tests/helpers/write-connector';
import type { CliIO } from '../command';
import validate from './validate';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'validate-cli-test-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: work, env: {} };
  const code = await validate.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('connector-studio validate', () => {
  it('exits 0 on a clean connector and prints a summary line', async () => {
    await writeConnector(work, baseSnapshot());
    const r = await run('acme-intel');
    expect(r).toEqual({ code: 0, out: 'acme-intel 1.0.0: 0 errors, 0 warnings, 0 infos', err: '' });
  });

  it('prints one line per finding: severity rule location message', async () => {
    await writeConnector(work, buildCase(ruleCases['dispatch-key-unreachable'].fail));
    const r = await run('acme-intel');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      "error operation-not-implemented info.json#/operations/3/operation Operation 'block_ip' has no implementation in the dispatch table (the table has 'block_ip.py', which never matches): add 'block_ip': <function> to it.",
      "error dispatch-key-unreachable operations.py:39:5 Dispatch key 'block_ip.py' can never match an operation name: use 'block_ip'.",
      'acme-intel 1.0.0: 2 errors, 0 warnings, 0 infos',
    ]);
  });

  it('--json prints exactly the DESIGN.md shape and exits 1 on errors', async () => {
    await writeConnector(work, buildCase(ruleCases['reserved-config-name'].fail));
    const r = await run(path.join(work, 'acme-intel'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['connector', 'version', 'findings', 'summary']);
    expect(report).toEqual({
      connector: 'acme-intel',
      version: '1.0.0',
      findings: [{ rule: 'reserved-config-name', source: 'rules', severity: 'error', message: expect.any(String), path: 'info.json', pointer: '/configuration/fields/0/name' }],
      summary: { errors: 1, warnings: 0, infos: 0 },
    });
  });

  it('--metadata-only skips code rules', async () => {
    await writeConnector(work, buildCase(ruleCases['connector-py-present'].fail));
    expect((await run('acme-intel')).code).toBe(1);
    expect((await run('acme-intel', '--metadata-only', '--json')).code).toBe(0);
  });

  it('validates a .tgz and a project root', async () => {
    const root = path.join(work, 'connector-acme-intel');
    await writeConnector(root, baseSnapshot());
    expect((await run('connector-acme-intel')).code).toBe(0);
    await create({ gzip: true, file: path.join(work, 'acme.tgz'), cwd: root }, ['acme-intel']);
    const r = await run('acme.tgz', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it.each([
    [[], /name a connector folder/],
    [['--bogus', 'a'], /unknown option --bogus/],
    [['missing'], /does not exist/],
    [['empty-folder'], /not a connector/],
    [['broken.tgz'], /not a gzip/],
    [['empty.tgz'], /not a connector package/],
  ])('exits 2 with a message on stderr for %j', async (argv, why) => {
    await mkdir(path.join(work, 'empty-folder'));
    await writeFile(path.join(work, 'broken.tgz'), 'not an archive');
    await writeFile(path.join(work, 'empty.tgz'), rawTgz([{ name: 'acme/' }, { name: 'acme/README.md', data: '# hi' }]));
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(why);
  });
});
