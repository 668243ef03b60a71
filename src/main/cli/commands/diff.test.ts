import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import type { InfoJson } from '../../../shared/connector/info-json';
import { CORPUS_DIR as CORPUS, tmpDir } from '../../../../tests/helpers/tmp';
import type { CliIO } from '../command';
import diff from './diff';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', ...args], { cwd, encoding: 'utf8' }).trim();

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd, env: {} };
  const code = await diff.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of corpus connector `dnstwist` under `parent/<folder>`, edited. */
async function variant(parent: string, folder: string, edit: (i: InfoJson) => void = () => undefined): Promise<string> {
  const dir = path.join(parent, folder);
  await cp(path.join(CORPUS, 'dnstwist'), dir, { recursive: true });
  const file = path.join(dir, 'info.json');
  const info = JSON.parse(await readFile(file, 'utf8')) as InfoJson;
  edit(info);
  await writeFile(file, JSON.stringify(info, null, 2));
  return dir;
}

const removeParam = (version: string) => (i: InfoJson) => {
  i.version = version;
  i.operations![0].parameters!.pop();
};

describe('connector-studio diff', () => {
  it('exits 0 with no breaking change and prints a human report', async () => {
    const work = await tmpDir();
    await variant(work, 'old');
    await variant(work, 'new', (i) => {
      i.version = '1.1.0';
      i.operations!.push({ operation: 'lookup', title: 'Lookup', parameters: [] });
    });
    const r = await run(work, 'old', 'new');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^old \(1\.0\.0\) -> new \(1\.1\.0\): 1 change, 0 breaking/);
    expect(r.out).toContain('ok       operation-added operations/lookup: Added action');
    expect(r.out).toContain('Suggested version: 1.1.0');
    expect(r.out).toContain("#### What's New");
  });

  it('exits 1 when a breaking change comes without a major bump, 0 once the version announces it', async () => {
    const work = await tmpDir();
    await variant(work, 'old');
    await variant(work, 'minor', removeParam('1.1.0'));
    await variant(work, 'major', removeParam('2.0.0'));
    const r = await run(work, 'old', 'minor');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/breaking parameter-removed operations\/search\/parameters\/\S+: Removed parameter/);
    expect(r.out).toContain('Version 1.1.0 does not announce the breaking changes');
    expect((await run(work, 'old', 'major')).code).toBe(0);
  });

  it('--json prints exactly the DESIGN.md shape', async () => {
    const work = await tmpDir();
    await variant(work, 'old');
    await variant(work, 'new', removeParam('1.1.0'));
    const r = await run(work, 'old', 'new', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['old', 'new', 'changes', 'breaking', 'suggestedVersion', 'releaseNotes']);
    expect(report).toMatchObject({ old: '1.0.0', new: '1.1.0', breaking: true, suggestedVersion: '2.0.0' });
    expect(report.changes).toEqual([{ kind: 'parameter-removed', path: expect.stringMatching(/^operations\/search\/parameters\//), breaking: true, message: expect.any(String) }]);
    expect(report.releaseNotes).toContain('2.0.0');
  });

  it('compares .tgz archives', async () => {
    const work = await tmpDir();
    for (const [name, edit] of [['v1', () => undefined], ['v2', removeParam('1.0.1')]] as const) {
      const stage = path.join(work, name);
      await mkdir(stage);
      await variant(stage, 'dnstwist', edit);
      await create({ gzip: true, file: path.join(work, `${name}.tgz`), cwd: stage }, ['dnstwist']);
    }
    const r = await run(work, 'v1.tgz', 'v2.tgz', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ old: '1.0.0', new: '1.0.1', breaking: true });
  });

  it('compares git:<revision> with the working tree, and defaults to the last version tag', async () => {
    const root = path.join(await tmpDir(), 'connector-dnstwist');
    await mkdir(root);
    git(root, 'init', '-q', '-b', 'main');
    await variant(root, 'dnstwist');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', '1.0.0');
    git(root, 'tag', '-a', '-m', '1.0.0', 'v1.0.0');
    await cp(await variant(await tmpDir(), 'dnstwist', removeParam('1.1.0')), path.join(root, 'dnstwist'), { recursive: true });
    const explicit = await run(root, 'git:v1.0.0', 'dnstwist', '--json');
    expect(explicit.code).toBe(1);
    expect(JSON.parse(explicit.out)).toMatchObject({ old: '1.0.0', new: '1.1.0', suggestedVersion: '2.0.0' });
    const byDefault = await run(root);
    expect(byDefault.code).toBe(1);
    expect(byDefault.out).toMatch(/^git:v1\.0\.0 \(1\.0\.0\) -> \. \(1\.1\.0\)/);
    expect((await run(root, 'git:v1.0.0', 'git:HEAD')).code).toBe(0);
  });

  it('exits 2 for bad input with a clear message', async () => {
    const work = await tmpDir();
    await variant(work, 'old');
    expect(await run(work, 'old', 'nope')).toMatchObject({ code: 2, err: expect.stringContaining('nope does not exist') });
    expect(await run(work, 'git:v1.0.0', 'old')).toMatchObject({ code: 2, err: expect.stringContaining('not inside a git repository') });
    expect(await run(work, 'a', 'b', 'c')).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') });
    expect(await run(work, '--bogus')).toMatchObject({ code: 2 });
    await writeFile(path.join(work, 'bad.tgz'), 'not gzip');
    expect((await run(work, 'old', 'bad.tgz')).code).toBe(2);
  });
});
