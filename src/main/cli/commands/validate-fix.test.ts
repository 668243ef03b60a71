/** `validate --fix`: the safe fixes applied to a folder (formatting kept, nothing else touched), the folder
 * validated again, `fixed` lines or entries, the exit code from what remains; archives and reviews refused. */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import { baseSnapshot, type MutableSnapshot } from '../../../../tests/fixtures/rules/base';
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

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are free-form JSON */
/** The base connector with info.json changed by `fn`, written with 4-space indentation (the author's, to keep). */
function withInfo(fn: (i: any) => void): MutableSnapshot {
  const s = baseSnapshot();
  const info = JSON.parse(s.files['info.json']!);
  fn(info);
  return { ...s, files: { ...s.files, 'info.json': JSON.stringify(info, null, 4) + '\n' } };
}

const fixable = withInfo((i) => {
  i.version = '1.2';
  i.category = 'analytics & siem';
  i.operations[0].enabled = 'true';
  i.operations[0].parameters[2].name = 'ip'; // duplicate: offered in the editor, not applied here
});

describe('validate --fix', () => {
  it('applies the safe fixes, keeps the formatting, lists what it fixed and exits on what remains', async () => {
    const work = await tmpDir('validate-fix-');
    const dir = await writeConnector(work, fixable);
    const before = await readFile(path.join(dir, 'info.json'), 'utf8');
    const r = await run(work, 'acme-intel', '--fix');
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('fixed '))).toEqual([
      'fixed connector-category info.json#/category Set category to "Analytics and SIEM"',
      'fixed operation-flags-boolean info.json#/operations/0/enabled Set enabled to true',
      'fixed version-format info.json#/version Set version to "1.2.0"',
    ]);
    expect(lines.at(-1)).toBe('acme-intel 1.2.0: 1 error, 0 warnings, 0 infos');
    expect(lines.some((l) => l.startsWith('error duplicate-parameter-name '))).toBe(true);
    expect(r.code).toBe(1);

    const after = await readFile(path.join(dir, 'info.json'), 'utf8');
    expect(after).toBe(before.replace('"1.2"', '"1.2.0"').replace('"analytics & siem"', '"Analytics and SIEM"').replace('"enabled": "true"', '"enabled": true'));
    // Atomic writes leave no temp file behind.
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--json adds "fixed" entries; a second run has nothing left to fix', async () => {
    const work = await tmpDir('validate-fix-');
    await writeConnector(work, withInfo((i) => (i.version = 'v2')));
    const r = await run(work, 'acme-intel', '--fix', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.fixed).toEqual([{ rule: 'version-format', path: 'info.json', pointer: '/version', message: 'Set version to "2.0.0"' }]);
    expect(doc.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(JSON.parse((await run(work, 'acme-intel', '--fix', '--json')).out).fixed).toEqual([]);
  });

  it('fixes every connector of several targets', async () => {
    const work = await tmpDir('validate-fix-');
    await writeConnector(path.join(work, 'repo', 'a'), withInfo((i) => (i.version = '3')));
    await writeConnector(path.join(work, 'repo', 'b'), withInfo((i) => (i.version = '4.1')));
    const r = await run(work, 'repo', '--fix');
    const [first, second] = [path.join('repo', 'a'), path.join('repo', 'b')];
    expect(r.out.split('\n')).toEqual([
      `${first}: fixed version-format info.json#/version Set version to "3.0.0"`,
      `${first}: acme-intel 3.0.0: 0 errors, 0 warnings, 0 infos`,
      `${second}: fixed version-format info.json#/version Set version to "4.1.0"`,
      `${second}: acme-intel 4.1.0: 0 errors, 0 warnings, 0 infos`,
      'Total: 2 connectors, 0 errors, 0 warnings, 0 infos',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(work, 'repo', 'b', 'acme-intel', 'info.json'), 'utf8')).version).toBe('4.1.0');
  });

  it('refuses an archive and a review with exit 2, changing nothing', async () => {
    const work = await tmpDir('validate-fix-');
    const dir = await writeConnector(work, withInfo((i) => (i.version = '1.2')));
    await create({ gzip: true, file: path.join(work, 'acme.tgz'), cwd: work }, ['acme-intel']);
    const tgz = await run(work, 'acme.tgz', '--fix');
    expect(tgz.code).toBe(2);
    expect(tgz.err).toMatch(/acme\.tgz is an archive: import it/);

    const review = path.join(work, '.user', 'reviews', 'pkg-1');
    await mkdir(review, { recursive: true });
    await writeConnector(review, withInfo((i) => (i.version = '1.2')));
    const r = await run(work, path.join(review, 'acme-intel'), '--fix');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a review, opened read-only/);
    expect(JSON.parse(await readFile(path.join(review, 'acme-intel', 'info.json'), 'utf8')).version).toBe('1.2');
    expect(JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8')).version).toBe('1.2');
  });

  it('fixes nothing in an info.json that does not parse, and says so through the finding', async () => {
    const work = await tmpDir('validate-fix-');
    const dir = await writeConnector(work, baseSnapshot());
    await writeFile(path.join(dir, 'info.json'), '{ "name": "acme-intel", ');
    const r = await run(work, 'acme-intel', '--fix', '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.fixed).toEqual([]);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(['info-json-parse']);
  });
});

describe('validate --profile certification --fix', () => {
  it('puts the CI copyright block in every .py of the repository at once, and Python still compiles them', async () => {
    const work = await tmpDir('validate-fix-cert-');
    const root = path.join(work, 'connector-acme-intel');
    await writeConnector(root, baseSnapshot());
    await mkdir(path.join(root, 'tests'));
    await writeFile(path.join(root, 'tests', 'test_ops.py'), '#!/usr/bin/env python3\nfrom __future__ import annotations\n\ndef test_x():\n    assert True\n');
    const r = await run(work, 'connector-acme-intel', '--profile', 'certification', '--fix', '--json');
    const doc = JSON.parse(r.out);
    const copyright = (list: { rule: string; path: string }[]) => list.filter((f) => f.rule === 'cert-copyright-block').map((f) => f.path).sort();
    expect(copyright(doc.fixed)).toEqual(['../tests/test_ops.py', '__init__.py', 'connector.py', 'operations.py', 'playbooks/__init__.py']);
    expect(copyright(doc.findings)).toEqual([]);
    const year = new Date().getFullYear();
    const fixedTest = await readFile(path.join(root, 'tests', 'test_ops.py'), 'utf8');
    expect(fixedTest).toContain(`from __future__ import annotations\n"""\nCopyright start\nMIT License\nCopyright (c) ${year} Fortinet Inc\nCopyright end\n"""\n`);
    const files = [path.join(root, 'tests', 'test_ops.py'), path.join(root, 'acme-intel', 'connector.py'), path.join(root, 'acme-intel', 'operations.py')];
    const { execFileSync } = await import('node:child_process');
    expect(() => execFileSync('python3', ['-c', 'import ast, sys\nfor f in sys.argv[1:]: ast.parse(open(f).read(), f)', ...files])).not.toThrow();
  });
});
