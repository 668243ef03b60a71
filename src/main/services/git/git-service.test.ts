import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createGitService } from './git-service';

const git = createGitService(() => 'git');

describe('git service', () => {
  it('initialises a repository with .gitignore and .gitattributes, then commits all', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'info.json'), '{}');
    const st = await git.init(dir);
    expect(st.isRepo).toBe(true);
    expect(st.files.map((f) => [f.relPath, f.state]).sort()).toEqual([
      ['.gitattributes', 'untracked'], ['.gitignore', 'untracked'], ['info.json', 'untracked'],
    ]);
    expect(await readFile(path.join(dir, '.gitattributes'), 'utf8')).toContain('eol=lf');
    const { sha } = await git.commitAll(dir, 'first');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect((await git.status(dir)).files).toEqual([]);
    await writeFile(path.join(dir, 'info.json'), '{"a":1}');
    expect((await git.status(dir)).files).toEqual([{ relPath: 'info.json', state: 'modified' }]);
  });

  it('refuses commitAll without an identity with the error the UI answers by asking who commits', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'info.json'), '{}');
    await git.init(dir);
    const env = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    // An empty HOME hides the machine's global identity, as on a fresh user account.
    process.env.HOME = process.env.XDG_CONFIG_HOME = await tmpDir();
    try {
      await expect(git.commitAll(dir, 'first')).rejects.toMatchObject({ code: 'GIT', details: { needs: 'gitIdentity' } });
    } finally {
      process.env.HOME = env.HOME;
      if (env.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = env.XDG_CONFIG_HOME;
    }
    expect(execFileSync('git', ['rev-list', '--all'], { cwd: dir, encoding: 'utf8' })).toBe('');
  });

  it('reports paths relative to a project that sits inside a larger repository', async () => {
    const repo = await tmpDir();
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    await mkdir(path.join(repo, 'connectors', 'x'), { recursive: true });
    await writeFile(path.join(repo, 'connectors', 'x', 'info.json'), '{}');
    await writeFile(path.join(repo, 'other.txt'), 'x');
    const st = await git.status(path.join(repo, 'connectors', 'x'));
    expect(st.files).toEqual([{ relPath: 'info.json', state: 'untracked' }]);
  });

  it('says a plain folder is not a repository', async () => {
    expect(await git.status(await tmpDir())).toEqual({ isRepo: false, files: [] });
  });
});
