import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import net, { type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import type { GitProgress } from './git-context';
import { createGitService } from './git-service';
import { newRepo, put, sh, withRemote } from './test-repos';

const git = createGitService(() => 'git', { networkTimeoutMs: 20_000 });

async function commitIn(dir: string, rel: string, text: string, message: string) {
  await put(dir, rel, text);
  sh(dir, 'add', '-A');
  sh(dir, 'commit', '-q', '-m', message);
}

describe('git remotes', () => {
  it('adds, lists and removes remotes', async () => {
    const dir = await newRepo();
    await git.addRemote(dir, 'origin', 'https://example.com/acme/connector-x.git');
    await git.addRemote(dir, 'mirror', '/srv/git/x.git');
    expect(await git.remotes(dir)).toEqual([
      { name: 'mirror', fetchUrl: '/srv/git/x.git', pushUrl: '/srv/git/x.git' },
      { name: 'origin', fetchUrl: 'https://example.com/acme/connector-x.git', pushUrl: 'https://example.com/acme/connector-x.git' },
    ]);
    await git.removeRemote(dir, 'mirror');
    expect((await git.remotes(dir)).map((r) => r.name)).toEqual(['origin']);
    await expect(git.addRemote(dir, '-x', 'u')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(git.addRemote(dir, 'x', '--upload-pack=evil')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('clones by URL with progress into a new folder', async () => {
    const src = await newRepo({ 'info.json': '{"name":"x"}\n' });
    const { bare } = await withRemote(src);
    const dest = path.join(await tmpDir(), 'ws', 'connector-x');
    const events: GitProgress[] = [];
    const r = await git.clone(`file://${bare}`, dest, { onProgress: (p) => events.push(p) });
    expect(r.dir).toBe(dest);
    expect(await readFile(path.join(dest, 'info.json'), 'utf8')).toBe('{"name":"x"}\n');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.method === 'clone' && e.progress >= 0 && e.progress <= 100)).toBe(true);
  });

  it('refuses a non-empty target and leaves nothing behind when the repository is not found', async () => {
    const dir = await newRepo();
    await expect(git.clone('/no/such/repo.git', dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    const dest = path.join(await tmpDir(), 'x');
    await expect(git.clone(path.join(await tmpDir(), 'missing.git'), dest)).rejects.toMatchObject({ code: 'GIT', details: { kind: 'repo-not-found' } });
    expect(existsSync(dest)).toBe(false);
  });

  it('classifies an unreachable server as a network failure', async () => {
    const dest = path.join(await tmpDir(), 'x');
    const e = await git.clone('http://127.0.0.1:9/acme.git', dest).catch((x) => x);
    expect(e).toMatchObject({ code: 'GIT', details: { kind: 'network' } });
    expect(e.message).toContain('cannot be reached');
  });

  it('fetches, pulls and pushes against a bare repository', async () => {
    const mine = await newRepo();
    const { bare, other } = await withRemote(mine);
    await commitIn(other, 'ops.py', 'x = 1\n', 'from other');
    sh(other, 'push', '-q');
    await git.fetch(mine);
    expect((await git.branches(mine)).local[0]).toMatchObject({ name: 'main', upstream: 'origin/main', behind: 1, ahead: 0 });
    expect(await git.pull(mine)).toEqual({ conflicts: [] });
    expect(await readFile(path.join(mine, 'ops.py'), 'utf8')).toBe('x = 1\n');
    await commitIn(mine, 'ops.py', 'x = 2\n', 'from mine');
    const progress: GitProgress[] = [];
    await git.push(mine, {}, { onProgress: (p) => progress.push(p) });
    expect(sh(bare, 'log', '-1', '--format=%s', 'main')).toBe('from mine');
    expect(progress.some((p) => p.method === 'push')).toBe(true);
  });

  it('refuses to merge a diverged branch on pull when no identity is configured (a fresh machine), inventing no author', async () => {
    const mine = await newRepo();
    const { other } = await withRemote(mine);
    await commitIn(other, 'theirs.py', 'a = 1\n', 'from other');
    sh(other, 'push', '-q');
    await commitIn(mine, 'mine.py', 'b = 1\n', 'from mine');
    sh(mine, 'config', '--unset', 'user.name');
    sh(mine, 'config', '--unset', 'user.email');
    // An empty HOME: no global identity, as on a fresh machine or in the e2e hosts.
    const keys = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM'] as const;
    const saved = keys.map((k) => process.env[k]);
    Object.assign(process.env, { HOME: await tmpDir('cs-home-'), XDG_CONFIG_HOME: await tmpDir('cs-xdg-'), GIT_CONFIG_NOSYSTEM: '1' });
    try {
      await expect(git.pull(mine)).rejects.toMatchObject({ code: 'GIT', details: { needs: 'gitIdentity' } });
    } finally {
      keys.forEach((k, i) => (saved[i] === undefined ? delete process.env[k] : (process.env[k] = saved[i])));
    }
    expect(sh(mine, 'log', '-1', '--format=%s')).toBe('from mine');
  });

  it('classifies a rejected push as non-fast-forward (pull first)', async () => {
    const mine = await newRepo();
    const { other } = await withRemote(mine);
    await commitIn(other, 'a.txt', 'theirs\n', 'theirs');
    sh(other, 'push', '-q');
    await commitIn(mine, 'b.txt', 'mine\n', 'mine');
    const e = await git.push(mine).catch((x) => x);
    expect(e).toMatchObject({ code: 'GIT', details: { kind: 'non-fast-forward', remote: 'origin', branch: 'main' } });
    expect(e.message).toMatch(/pull first/);
  });

  it('classifies a push of a branch with no upstream, then publishes it with setUpstream', async () => {
    const mine = await newRepo();
    const { bare } = await withRemote(mine);
    await git.createBranch(mine, 'feature', { checkout: true });
    await commitIn(mine, 'f.txt', 'f\n', 'feature work');
    const e = await git.push(mine).catch((x) => x);
    expect(e).toMatchObject({ code: 'GIT', details: { kind: 'no-upstream', branch: 'feature' } });
    expect(e.message).toMatch(/no upstream branch/);
    await git.push(mine, { setUpstream: true });
    expect(sh(bare, 'log', '-1', '--format=%s', 'feature')).toBe('feature work');
    expect((await git.branches(mine)).local.find((b) => b.name === 'feature')?.upstream).toBe('origin/feature');
  });

  it('pushes a version tag with the commit', async () => {
    const mine = await newRepo();
    const { bare } = await withRemote(mine);
    await commitIn(mine, 'info.json', '{"version":"1.1.0"}\n', 'release');
    await git.createVersionTag(mine, '1.1.0');
    await git.push(mine, { tags: true });
    expect(sh(bare, 'tag', '-l')).toBe('v1.1.0');
  });

  it('lists the files a pull leaves in conflict as conflicted', async () => {
    const mine = await newRepo({ 'info.json': '{"version":"1.0.0"}\n', 'other.txt': 'o\n' });
    const { other } = await withRemote(mine);
    await commitIn(other, 'info.json', '{"version":"1.1.0"}\n', 'theirs');
    sh(other, 'push', '-q');
    await commitIn(mine, 'info.json', '{"version":"2.0.0"}\n', 'mine');
    expect(await git.pull(mine)).toEqual({ conflicts: ['info.json'] });
    expect((await git.status(mine)).files).toEqual([{ relPath: 'info.json', state: 'conflicted' }]);
    expect(await git.changes(mine)).toMatchObject({ conflicted: [{ relPath: 'info.json', state: 'conflicted' }], merging: true });
    // Keeping this side's text leaves nothing staged, yet the merge is still under way until it is committed.
    await writeFile(path.join(mine, 'info.json'), '{"version":"2.0.0"}\n');
    await git.stage(mine, ['info.json']);
    expect(await git.changes(mine)).toMatchObject({ staged: [], unstaged: [], conflicted: [], merging: true });
    await git.commit(mine, { message: 'merge' });
    const after = await git.changes(mine);
    expect(after.conflicted).toEqual([]);
    expect(after.merging).toBeUndefined();
    expect(sh(mine, 'log', '-1', '--pretty=%P').split(' ')).toHaveLength(2);
  });

  it('says "pull" needs a remote when there is none', async () => {
    const dir = await newRepo();
    await expect(git.pull(dir)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('no remote') });
  });
});

describe('git network limits', () => {
  it('stops a clone from a server that never answers, as a timeout, and leaves nothing behind', async () => {
    const sockets: Socket[] = [];
    const server = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const slow = createGitService(() => 'git', { networkTimeoutMs: 1500 });
    const dest = path.join(await tmpDir(), 'x');
    try {
      const started = Date.now();
      const e = await slow.clone(`http://127.0.0.1:${port}/acme.git`, dest).catch((x) => x);
      expect(e).toMatchObject({ code: 'TIMEOUT', details: { kind: 'timeout' } });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(existsSync(dest)).toBe(false);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => server.close(r));
    }
  });

  it('explains a pull on a branch with no upstream', async () => {
    const mine = await newRepo();
    await withRemote(mine);
    await git.createBranch(mine, 'solo', { checkout: true });
    const e = await git.pull(mine).catch((x) => x);
    expect(e).toMatchObject({ details: { kind: 'no-upstream', branch: 'solo' } });
    expect(e.message).toContain('no upstream branch to pull from');
  });
});
