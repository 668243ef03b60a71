import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createGitService } from './git-service';
import { newRepo, put, sh } from './test-repos';

const git = createGitService(() => 'git');

describe('git changes: stage, unstage, commit, amend, discard', () => {
  it('lists staged, unstaged and untracked changes separately', async () => {
    const dir = await newRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    await writeFile(path.join(dir, 'a.txt'), 'a2\n');
    await writeFile(path.join(dir, 'b.txt'), 'b2\n');
    await put(dir, 'new/c.txt', 'c\n');
    await git.stage(dir, ['a.txt']);
    await writeFile(path.join(dir, 'a.txt'), 'a3\n');
    const c = await git.changes(dir);
    expect(c.branch).toBe('main');
    expect(c.staged).toEqual([{ relPath: 'a.txt', state: 'modified' }]);
    expect(c.unstaged).toEqual([
      { relPath: 'a.txt', state: 'modified' },
      { relPath: 'b.txt', state: 'modified' },
      { relPath: 'new/c.txt', state: 'untracked' },
    ]);
    await git.unstage(dir, ['a.txt']);
    expect((await git.changes(dir)).staged).toEqual([]);
  });

  it('stages a deletion and a rename', async () => {
    const dir = await newRepo({ 'old.txt': 'same text\n', 'gone.txt': 'x\n' });
    sh(dir, 'mv', 'old.txt', 'new.txt');
    await rm(path.join(dir, 'gone.txt'));
    await git.stage(dir, ['gone.txt']);
    const c = await git.changes(dir);
    expect(c.staged).toEqual([{ relPath: 'gone.txt', state: 'deleted' }, { relPath: 'new.txt', oldPath: 'old.txt', state: 'renamed' }]);
  });

  it('unstages in a repository with no commit yet', async () => {
    const dir = await tmpDir();
    sh(dir, 'init', '-q', '-b', 'main');
    await put(dir, 'x.txt', 'x');
    await git.stage(dir, ['x.txt']);
    expect((await git.changes(dir)).staged).toEqual([{ relPath: 'x.txt', state: 'added' }]);
    await git.unstage(dir, ['x.txt']);
    expect(await git.changes(dir)).toMatchObject({ staged: [], unstaged: [{ relPath: 'x.txt', state: 'untracked' }] });
  });

  it('commits only what is staged, then amends the message and content', async () => {
    const dir = await newRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    await writeFile(path.join(dir, 'a.txt'), 'a2\n');
    await writeFile(path.join(dir, 'b.txt'), 'b2\n');
    await git.stage(dir, ['a.txt']);
    const { sha } = await git.commit(dir, { message: 'change a' });
    expect(sh(dir, 'show', '--name-only', '--format=%s', sha).split('\n').filter(Boolean)).toEqual(['change a', 'a.txt']);
    await git.stage(dir, ['b.txt']);
    const amended = await git.commit(dir, { message: 'change a and b', amend: true });
    expect(amended.sha).not.toBe(sha);
    expect(sh(dir, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(sh(dir, 'show', '--name-only', '--format=%s', 'HEAD').split('\n').filter(Boolean)).toEqual(['change a and b', 'a.txt', 'b.txt']);
    await git.commit(dir, { amend: true });
    expect(sh(dir, 'log', '-1', '--format=%s')).toBe('change a and b');
  });

  it('refuses an empty message and explains "nothing to commit"', async () => {
    const dir = await newRepo();
    await expect(git.commit(dir, { message: '  ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(git.commit(dir, { message: 'nothing' })).rejects.toMatchObject({ code: 'GIT', details: { kind: 'nothing-to-commit' } });
  });

  it('discards: restores modified, staged and deleted files, deletes untracked and added ones', async () => {
    const dir = await newRepo({ 'm.txt': 'm\n', 's.txt': 's\n', 'd.txt': 'd\n', 'keep.txt': 'k\n' });
    await writeFile(path.join(dir, 'm.txt'), 'changed\n');
    await writeFile(path.join(dir, 's.txt'), 'staged\n');
    await git.stage(dir, ['s.txt']);
    await rm(path.join(dir, 'd.txt'));
    await put(dir, 'u.txt', 'untracked');
    await put(dir, 'added.txt', 'added');
    await git.stage(dir, ['added.txt']);
    await writeFile(path.join(dir, 'keep.txt'), 'kept change\n');
    await git.discard(dir, ['m.txt', 's.txt', 'd.txt', 'u.txt', 'added.txt']);
    expect(await readFile(path.join(dir, 'm.txt'), 'utf8')).toBe('m\n');
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('s\n');
    expect(await readFile(path.join(dir, 'd.txt'), 'utf8')).toBe('d\n');
    expect(existsSync(path.join(dir, 'u.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'added.txt'))).toBe(false);
    expect(await git.changes(dir)).toMatchObject({ staged: [], unstaged: [{ relPath: 'keep.txt', state: 'modified' }], conflicted: [] });
  });

  it('discards a staged rename back to the original file', async () => {
    const dir = await newRepo({ 'old.txt': 'same text\n' });
    sh(dir, 'mv', 'old.txt', 'new.txt');
    await git.discard(dir, ['new.txt']);
    expect(existsSync(path.join(dir, 'old.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'new.txt'))).toBe(false);
    expect((await git.changes(dir)).staged).toEqual([]);
  });

  it('refuses paths that leave the project, and treats names as literal paths', async () => {
    const dir = await newRepo({ 'a.txt': 'a\n', '*.txt': 'star\n' });
    await expect(git.stage(dir, ['../x'])).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await writeFile(path.join(dir, 'a.txt'), 'a2\n');
    await writeFile(path.join(dir, '*.txt'), 'star2\n');
    await git.stage(dir, ['*.txt']);
    expect((await git.changes(dir)).staged).toEqual([{ relPath: '*.txt', state: 'modified' }]);
  });

  it('works on a project inside a larger repository, with paths relative to the project', async () => {
    const repo = await newRepo({ 'top.txt': 't\n', 'connectors/x/info.json': '{}\n' });
    const project = path.join(repo, 'connectors', 'x');
    await writeFile(path.join(repo, 'top.txt'), 't2\n');
    await writeFile(path.join(project, 'info.json'), '{"a":1}\n');
    await git.stage(project, ['info.json']);
    const c = await git.changes(project);
    expect(c).toMatchObject({ staged: [{ relPath: 'info.json', state: 'modified' }], unstaged: [] });
  });
});
