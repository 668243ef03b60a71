/** `validate <folder|tgz>...`: several targets, a folder of connectors searched one level down, the per-target
 * lines and the total, the JSON shape and the exit code over all targets. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import { baseSnapshot } from '../../../../tests/fixtures/rules/base';
import { buildCase, ruleCases } from '../../../../tests/fixtures/rules/cases';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { writeConnector } from '../../../../tests/helpers/write-connector';
import type { CliIO } from '../command';
import validate from './validate';

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: { FSOAR_USER_DATA_DIR: path.join(cwd, '.user') } };
  const code = await validate.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A clean connector, one with an error, both in `repo/` (no info.json of its own), plus a project folder. */
async function repo(): Promise<string> {
  const work = await tmpDir('validate-many-');
  await writeConnector(path.join(work, 'repo'), baseSnapshot());
  const broken = buildCase(ruleCases['reserved-config-name'].fail);
  // Renamed everywhere the name is a reference: info.json's name and the playbooks' connector-name tags.
  const files = { ...broken.files, 'info.json': broken.files['info.json']!.replace('"acme-intel"', '"broken"'), 'playbooks/playbooks.json': broken.files['playbooks/playbooks.json']!.replaceAll('"acme-intel"', '"broken"') };
  await writeConnector(path.join(work, 'repo'), { ...broken, folderName: 'broken', files });
  await writeConnector(path.join(work, 'repo', 'connector-acme-intel'), baseSnapshot());
  await mkdir(path.join(work, 'repo', 'docs'));
  await mkdir(path.join(work, 'repo', '.hidden', 'acme-intel'), { recursive: true });
  await writeFile(path.join(work, 'repo', '.hidden', 'acme-intel', 'info.json'), '{');
  return work;
}

describe('validate with several targets', () => {
  it('searches a folder of connectors one level down: one line per target, then the total; exit 1 on an error', async () => {
    const work = await repo();
    const r = await run(work, 'repo');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      `${path.join('repo', 'acme-intel')}: acme-intel 1.0.0: 0 errors, 0 warnings, 0 infos`,
      `${path.join('repo', 'broken')}: broken 1.0.0: 1 error, 0 warnings, 0 infos`,
      `${path.join('repo', 'connector-acme-intel')}: acme-intel 1.0.0: 0 errors, 0 warnings, 0 infos`,
      'Total: 3 connectors, 1 error, 0 warnings, 0 infos',
    ]);
  });

  it('takes folders and archives side by side; --json gives results and a summary', async () => {
    const work = await repo();
    await create({ gzip: true, file: path.join(work, 'acme.tgz'), cwd: path.join(work, 'repo') }, ['acme-intel']);
    const r = await run(work, path.join('repo', 'acme-intel'), 'acme.tgz', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['results', 'summary']);
    expect(doc.results.map((x: { target: string }) => x.target)).toEqual([path.join('repo', 'acme-intel'), 'acme.tgz']);
    expect(Object.keys(doc.results[0])).toEqual(['target', 'connector', 'version', 'findings', 'summary']);
    expect(doc.summary).toEqual({ connectors: 2, errors: 0, warnings: 0, infos: 0 });
  });

  it('exit 2 when any target is unreadable, and the others are still validated', async () => {
    const work = await repo();
    await writeFile(path.join(work, 'broken.tgz'), 'not an archive');
    const r = await run(work, 'repo/broken', 'missing', 'broken.tgz', '--json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.results[0]).toMatchObject({ target: 'repo/broken', connector: 'broken', summary: { errors: 1 } });
    expect(doc.results[1]).toEqual({ target: 'missing', error: expect.stringMatching(/does not exist/) });
    expect(doc.results[2]).toEqual({ target: 'broken.tgz', error: expect.stringMatching(/gzip/) });
    expect(doc.summary).toEqual({ connectors: 1, errors: 1, warnings: 0, infos: 0 });
    const human = await run(work, 'repo/acme-intel', 'missing');
    expect(human.code).toBe(2);
    expect(human.out.split('\n')).toEqual([
      'repo/acme-intel: acme-intel 1.0.0: 0 errors, 0 warnings, 0 infos',
      expect.stringMatching(/^missing: cannot validate: .*does not exist/),
      'Total: 1 connector, 0 errors, 0 warnings, 0 infos',
    ]);
  });

  it('one target prints exactly what it always did', async () => {
    const work = await repo();
    const r = await run(work, 'repo/acme-intel');
    expect(r).toEqual({ code: 0, out: 'acme-intel 1.0.0: 0 errors, 0 warnings, 0 infos', err: '' });
    const project = await run(work, 'repo/connector-acme-intel', '--json');
    expect(Object.keys(JSON.parse(project.out))).toEqual(['connector', 'version', 'findings', 'summary']);
  });

  it('a folder with nothing to validate, even one level down, is an unreadable target', async () => {
    const work = await repo();
    const r = await run(work, 'repo/docs');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a connector/);
  });
});
