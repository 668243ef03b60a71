import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createVersionsService } from './versions-service';

const versions = createVersionsService();
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', ...args], { cwd, encoding: 'utf8' }).trim();

const info = (version: string, ops: string[]) => JSON.stringify({ name: 'acme', version, operations: ops.map((o) => ({ operation: o, title: o, parameters: [] })) }, null, 2);

/** `connector-acme/` repository with `acme/info.json`, tagged at each version. */
async function project(tags: Array<[string, string[]]>): Promise<string> {
  const root = path.join(await tmpDir('cs-ver-'), 'connector-acme');
  await mkdir(path.join(root, 'acme'), { recursive: true });
  git(path.dirname(root), 'init', '-q', '-b', 'main', root);
  for (const [v, ops] of tags) {
    await writeFile(path.join(root, 'acme', 'info.json'), info(v, ops));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', `release ${v}`);
    git(root, 'tag', '-a', '-m', v, `v${v}`);
  }
  return root;
}

describe('versions: loading', () => {
  it('reads info.json at a revision without touching the working tree', async () => {
    const root = await project([['1.0.0', ['a', 'b']], ['1.1.0', ['a', 'b', 'c']]]);
    await writeFile(path.join(root, 'acme', 'info.json'), info('2.0.0', ['a']));
    const v = await versions.load('git:v1.0.0', root);
    expect(v).toMatchObject({ spec: 'git:v1.0.0', source: 'git', info: { version: '1.0.0' } });
    expect(v.location).toMatch(/^[0-9a-f]{40}:acme\/info\.json$/);
    expect((await versions.load('git:HEAD~1', path.join(root, 'acme'))).info.version).toBe('1.0.0');
    expect((await versions.load('.', root)).info.version).toBe('2.0.0');
    expect(git(root, 'status', '--porcelain')).toBe('M acme/info.json');
  });

  it('picks the highest v* tag reachable from HEAD as the last version', async () => {
    const root = await project([['1.0.0', ['a']], ['1.10.0', ['a']], ['1.2.0', ['a']]]);
    git(root, 'tag', 'not-a-version');
    git(root, 'checkout', '-q', '-b', 'old', 'v1.0.0');
    git(root, 'commit', '-q', '--allow-empty', '-m', 'x');
    git(root, 'tag', 'v9.0.0');
    git(root, 'checkout', '-q', 'main');
    expect(await versions.lastVersionTag(root)).toBe('v1.10.0');
    const r = await versions.compare({ cwd: root });
    expect(r.old.spec).toBe('git:v1.10.0');
    expect(r.new.source).toBe('folder');
  });

  it('loads a .tgz through safe extraction', async () => {
    const work = await tmpDir();
    await mkdir(path.join(work, 'acme'));
    await writeFile(path.join(work, 'acme', 'info.json'), info('3.0.0', ['x']));
    await create({ gzip: true, file: path.join(work, 'acme-3.0.0.tgz'), cwd: work }, ['acme']);
    expect(await versions.load('acme-3.0.0.tgz', work)).toMatchObject({ source: 'tgz', info: { version: '3.0.0' } });
  });

  it('explains bad input', async () => {
    const root = await project([['1.0.0', ['a']]]);
    await expect(versions.load('git:v7.0.0', root)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('No revision "v7.0.0"') });
    await expect(versions.load('git:--all', root)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(versions.load('missing-folder', root)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const plain = await tmpDir();
    await expect(versions.load('git:v1.0.0', plain)).rejects.toMatchObject({ message: expect.stringContaining('not inside a git repository') });
    await writeFile(path.join(plain, 'info.json'), '{ broken');
    await expect(versions.load('.', plain)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('not valid JSON') });
    const empty = await project([]);
    git(empty, 'commit', '-q', '--allow-empty', '-m', 'x');
    await expect(versions.compare({ cwd: empty })).rejects.toMatchObject({ message: expect.stringContaining('No version tag') });
  });
});
