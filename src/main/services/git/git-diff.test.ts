import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitService } from './git-service';
import { newRepo, put, sh } from './test-repos';

const git = createGitService(() => 'git');

describe('git diffs for the diff editor', () => {
  it('gives HEAD, index and working texts per mode', async () => {
    const dir = await newRepo({ 'a.py': 'one\n' });
    await writeFile(path.join(dir, 'a.py'), 'two\n');
    await git.stage(dir, ['a.py']);
    await writeFile(path.join(dir, 'a.py'), 'three\n');
    expect(await git.fileDiff(dir, 'a.py')).toMatchObject({ original: 'one\n', modified: 'three\n', binary: false });
    expect(await git.fileDiff(dir, 'a.py', 'unstaged')).toMatchObject({ original: 'two\n', modified: 'three\n' });
    expect(await git.fileDiff(dir, 'a.py', 'staged')).toMatchObject({ original: 'one\n', modified: 'two\n' });
  });

  it('handles new, deleted and binary files', async () => {
    const dir = await newRepo({ 'gone.txt': 'bye\n', 'img.png': 'x' });
    await put(dir, 'new.txt', 'hello\n');
    await rm(path.join(dir, 'gone.txt'));
    await writeFile(path.join(dir, 'img.png'), Buffer.from([0x89, 0x50, 0, 1, 2]));
    expect(await git.fileDiff(dir, 'new.txt')).toMatchObject({ original: '', modified: 'hello\n', originalExists: false, modifiedExists: true });
    expect(await git.fileDiff(dir, 'gone.txt')).toMatchObject({ original: 'bye\n', modified: '', originalExists: true, modifiedExists: false });
    expect(await git.fileDiff(dir, 'img.png')).toMatchObject({ original: '', modified: '', binary: true });
  });

  it('reads texts relative to a project inside a larger repository', async () => {
    const repo = await newRepo({ 'connectors/x/info.json': '{"v":1}\n', 'info.json': 'outer\n' });
    const project = path.join(repo, 'connectors', 'x');
    await writeFile(path.join(project, 'info.json'), '{"v":2}\n');
    expect(await git.fileDiff(project, 'info.json')).toMatchObject({ original: '{"v":1}\n', modified: '{"v":2}\n' });
  });

  it('lists the files of a commit, root commits and renames included, with texts on demand', async () => {
    const dir = await newRepo({ 'a.txt': 'a\n', 'b.txt': 'a long enough text to be detected as a rename\n', 'c.txt': 'c\n' });
    const root = sh(dir, 'rev-parse', 'HEAD');
    await writeFile(path.join(dir, 'a.txt'), 'a2\n');
    sh(dir, 'mv', 'b.txt', 'renamed.txt');
    sh(dir, 'rm', '-q', 'c.txt');
    await put(dir, 'd.txt', 'd\n');
    sh(dir, 'add', '-A');
    sh(dir, 'commit', '-q', '-m', 'second');
    const second = await git.commitFiles(dir, 'HEAD');
    expect(second.parent).toBe(root);
    expect(second.files).toEqual([
      { relPath: 'a.txt', status: 'modified' },
      { relPath: 'c.txt', status: 'deleted' },
      { relPath: 'd.txt', status: 'added' },
      { relPath: 'renamed.txt', status: 'renamed', oldPath: 'b.txt' },
    ]);
    expect((await git.commitFiles(dir, root)).files.map((f) => [f.relPath, f.status])).toEqual([['a.txt', 'added'], ['b.txt', 'added'], ['c.txt', 'added']]);
    expect(await git.commitFileDiff(dir, 'HEAD', 'a.txt')).toMatchObject({ original: 'a\n', modified: 'a2\n' });
    expect(await git.commitFileDiff(dir, 'HEAD', 'renamed.txt', 'b.txt')).toMatchObject({ original: 'a long enough text to be detected as a rename\n', modified: 'a long enough text to be detected as a rename\n' });
    expect(await git.commitFileDiff(dir, 'HEAD', 'c.txt')).toMatchObject({ original: 'c\n', modified: '', modifiedExists: false });
  });

  it('says which revision does not exist', async () => {
    const dir = await newRepo();
    await expect(git.commitFiles(dir, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(git.commitFiles(dir, '--all')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('git history', () => {
  async function history() {
    const dir = await newRepo({ 'info.json': '{}\n' });
    for (let i = 1; i <= 5; i++) {
      await put(dir, i % 2 ? 'ops/a.py' : 'ops/b.py', `v${i}\n`);
      sh(dir, 'add', '-A');
      const who = i === 3 ? ['-c', 'user.name=Alice Author', '-c', 'user.email=alice@example.com'] : [];
      sh(dir, ...who, 'commit', '-q', '-m', i === 4 ? `Fix BLOCK ip ${i}` : `change ${i}`, '-m', `body ${i}`);
    }
    sh(dir, 'tag', 'v1.0.0');
    return dir;
  }

  it('pages through history, newest first', async () => {
    const dir = await history();
    const p1 = await git.log(dir, { limit: 4 });
    expect(p1.entries.map((e) => e.subject)).toEqual(['change 5', 'Fix BLOCK ip 4', 'change 3', 'change 2']);
    expect(p1.hasMore).toBe(true);
    expect(p1.entries[0]).toMatchObject({ body: 'body 5', author: 'Test User', email: 'test@example.com', refs: ['HEAD -> main', 'tag: v1.0.0'] });
    expect(p1.entries[0]?.parents).toEqual([p1.entries[1]?.sha]);
    const p2 = await git.log(dir, { limit: 4, skip: 4 });
    expect(p2).toMatchObject({ hasMore: false, entries: [{ subject: 'change 1' }, { subject: 'first' }] });
  });

  it('searches by message, author and path', async () => {
    const dir = await history();
    expect((await git.log(dir, { message: 'block IP' })).entries.map((e) => e.subject)).toEqual(['Fix BLOCK ip 4']);
    expect((await git.log(dir, { author: 'alice' })).entries.map((e) => e.subject)).toEqual(['change 3']);
    expect((await git.log(dir, { path: 'ops/b.py' })).entries.map((e) => e.subject)).toEqual(['Fix BLOCK ip 4', 'change 2']);
    expect((await git.log(dir, { message: '[' })).entries).toEqual([]);
  });

  it('is empty before the first commit', async () => {
    const dir = await newRepo();
    sh(dir, 'checkout', '-q', '--orphan', 'fresh');
    expect(await git.log(dir)).toEqual({ entries: [], hasMore: false });
  });
});
