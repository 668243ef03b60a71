import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createGitService } from './git-service';
import { newRepo, put, sh } from './test-repos';

const git = createGitService(() => 'git');

describe('git branches', () => {
  it('creates, lists, switches and deletes branches', async () => {
    const dir = await newRepo();
    await git.createBranch(dir, 'feature/x');
    await git.createBranch(dir, 'topic', { checkout: true });
    let b = await git.branches(dir);
    expect(b.current).toBe('topic');
    expect(b.local.map((x) => [x.name, x.current])).toEqual([['feature/x', false], ['main', false], ['topic', true]]);
    await git.switchBranch(dir, 'feature/x');
    expect(sh(dir, 'branch', '--show-current')).toBe('feature/x');
    await git.deleteBranch(dir, 'topic');
    b = await git.branches(dir);
    expect(b.local.map((x) => x.name)).toEqual(['feature/x', 'main']);
  });

  it('refuses to delete the current branch, and an unmerged one without force', async () => {
    const dir = await newRepo();
    await expect(git.deleteBranch(dir, 'main')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('current branch') });
    await git.createBranch(dir, 'wip', { checkout: true });
    await put(dir, 'w.txt', 'w');
    sh(dir, 'add', '-A');
    sh(dir, 'commit', '-q', '-m', 'wip');
    await git.switchBranch(dir, 'main');
    await expect(git.deleteBranch(dir, 'wip')).rejects.toMatchObject({ code: 'GIT', details: { kind: 'not-merged' } });
    await git.deleteBranch(dir, 'wip', { force: true });
    expect((await git.branches(dir)).local.map((x) => x.name)).toEqual(['main']);
  });

  it('refuses bad names and explains a switch blocked by local changes', async () => {
    const dir = await newRepo({ 'a.txt': 'a\n' });
    await expect(git.createBranch(dir, 'bad name')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(git.createBranch(dir, '-f')).rejects.toMatchObject({ code: 'VALIDATION' });
    await git.createBranch(dir, 'other', { checkout: true });
    await writeFile(path.join(dir, 'a.txt'), 'other\n');
    sh(dir, 'commit', '-q', '-am', 'other');
    await git.switchBranch(dir, 'main');
    await writeFile(path.join(dir, 'a.txt'), 'local edit\n');
    await expect(git.switchBranch(dir, 'other')).rejects.toMatchObject({ details: { kind: 'local-changes' } });
  });
});

describe('git tags', () => {
  it('creates v<version> annotated tags, lists them newest version first, deletes them', async () => {
    const dir = await newRepo();
    const head = sh(dir, 'rev-parse', 'HEAD');
    const t = await git.createVersionTag(dir, '1.0.0');
    expect(t).toEqual({ name: 'v1.0.0', sha: head, annotated: true, message: 'Version 1.0.0' });
    expect(sh(dir, 'cat-file', '-t', 'v1.0.0')).toBe('tag');
    await git.createVersionTag(dir, '1.10.0', 'Adds block actions');
    await git.createTag(dir, 'light');
    const tags = await git.tags(dir);
    expect(tags.map((x) => [x.name, x.annotated, x.message])).toEqual([
      ['v1.10.0', true, 'Adds block actions'], ['v1.0.0', true, 'Version 1.0.0'], ['light', false, ''],
    ]);
    await expect(git.createVersionTag(dir, '1.0.0')).rejects.toMatchObject({ code: 'GIT' });
    await expect(git.createVersionTag(dir, 'one')).rejects.toMatchObject({ code: 'VALIDATION' });
    await git.deleteTag(dir, 'v1.0.0');
    expect((await git.tags(dir)).map((x) => x.name)).toEqual(['v1.10.0', 'light']);
  });

  it('refuses an annotated tag when the user has no identity, inventing no tagger', async () => {
    const dir = await tmpDir();
    sh(dir, 'init', '-q', '-b', 'main');
    await put(dir, 'x', 'x');
    sh(dir, 'add', '-A');
    sh(dir, '-c', 'user.name=A', '-c', 'user.email=a@b', 'commit', '-q', '-m', 'x');
    const home = await tmpDir();
    const env = { ...process.env };
    // An empty HOME hides the machine's global identity, as on a fresh user account.
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = home;
    try {
      await expect(git.createVersionTag(dir, '2.0.0')).rejects.toMatchObject({ code: 'GIT', details: { needs: 'gitIdentity' } });
    } finally {
      process.env.HOME = env.HOME;
      process.env.XDG_CONFIG_HOME = env.XDG_CONFIG_HOME;
      if (env.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
    }
    expect(sh(dir, 'tag', '--list')).toBe('');
  });
});
