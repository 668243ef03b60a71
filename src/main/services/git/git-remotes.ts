/** Remotes and everything that talks to them: clone, fetch, pull, push, ls-remote. Credentials come from git's
 * own helpers and the SSH agent first, then from the UI through askpass; failures are classified.
 * `--progress` is always written before any `--`: simple-git's progress plugin would otherwise append it at the
 * end, where git would read it as a path. */
import { mkdir, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ServiceError, ifMissing } from '../errors';
import type { GitContext, NetworkOptions } from './git-context';
import { gitFailure, gitTry } from './git-errors';
import { requireIdentity } from './git-identity';
import { gitFields } from './git-fields';
import type { PullResult, RemoteInfo } from './git-types';

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkRemoteName(name: string): string {
  if (typeof name !== 'string' || !REMOTE_NAME.test(name)) throw new ServiceError('VALIDATION', `"${name}" is not a valid remote name (letters, digits, ".", "_", "-").`);
  return name;
}

/** A URL or path that cannot be read as an option; simple-git separately blocks `ext::` and similar transports. */
function checkUrl(url: string): string {
  if (typeof url !== 'string' || url.trim() === '' || url.trim().startsWith('-') || /[\0\r\n]/.test(url))
    throw new ServiceError('VALIDATION', `"${url}" is not a repository URL.`);
  return url.trim();
}

export function parseRemotes(raw: string): RemoteInfo[] {
  const byName = new Map<string, { fetchUrl: string; pushUrl: string }>();
  for (const line of raw.split('\n')) {
    const [, name, url, kind] = /^(\S+)\s+(.+?)\s+\((fetch|push)\)$/.exec(line.trim()) ?? [];
    if (name === undefined || url === undefined) continue;
    const r = byName.get(name) ?? { fetchUrl: '', pushUrl: '' };
    if (kind === 'fetch') r.fetchUrl = url;
    else r.pushUrl = url;
    byName.set(name, r);
  }
  return [...byName].map(([name, r]) => ({ name, ...r }));
}

/** Remotes and the commands that talk to them. `net` carries progress, a timeout and an abort signal; without a
 * `remote`, the only remote is used, else `origin`. */
export interface GitRemoteOps {
  remotes(dir: string): Promise<RemoteInfo[]>;
  addRemote(dir: string, name: string, url: string): Promise<void>;
  removeRemote(dir: string, name: string): Promise<void>;
  fetch(dir: string, opts?: { remote?: string; prune?: boolean }, net?: NetworkOptions): Promise<void>;
  /** Merges (never rebases, so no editor and no surprise history rewrite). Conflicts are a result, not an error. */
  pull(dir: string, opts?: { remote?: string; branch?: string }, net?: NetworkOptions): Promise<PullResult>;
  /** `setUpstream` publishes a new branch (git push -u); `tags` also pushes annotated tags on the pushed commits. */
  push(dir: string, opts?: { remote?: string; branch?: string; setUpstream?: boolean; tags?: boolean }, net?: NetworkOptions): Promise<void>;
  /** Clones into `dest`, which must not exist or be empty; a failed clone leaves nothing behind. */
  clone(url: string, dest: string, net?: NetworkOptions): Promise<{ dir: string }>;
  /** Checks a URL and credentials without a repository: the refs the remote advertises. */
  listRemoteRefs(url: string, net?: NetworkOptions): Promise<{ name: string; sha: string }[]>;
}

export function createRemoteOps(ctx: GitContext, deps: { currentBranch(dir: string): Promise<string | undefined>; conflicts(dir: string): Promise<string[]> }): GitRemoteOps {
  const git = ctx.git;

  async function remotes(dir: string): Promise<RemoteInfo[]> {
    return parseRemotes(await gitTry('remote', () => git(dir).raw(['remote', '-v'])));
  }

  async function addRemote(dir: string, name: string, url: string): Promise<void> {
    await gitTry('remote add', () => git(dir).raw(['remote', 'add', checkRemoteName(name), checkUrl(url)]));
  }

  async function removeRemote(dir: string, name: string): Promise<void> {
    await gitTry('remote remove', () => git(dir).raw(['remote', 'remove', checkRemoteName(name)]));
  }

  /** The remote a command without one would use: the only one, else `origin`. */
  async function defaultRemote(dir: string): Promise<string> {
    const all = await remotes(dir);
    const [first] = all;
    if (!first) throw new ServiceError('VALIDATION', 'This repository has no remote: add one first.');
    return all.length === 1 ? first.name : (all.find((r) => r.name === 'origin') ?? first).name;
  }

  async function fetch(dir: string, opts: { remote?: string; prune?: boolean } = {}, net: NetworkOptions = {}): Promise<void> {
    const remote = opts.remote ? checkRemoteName(opts.remote) : await defaultRemote(dir);
    await ctx.network(dir, net, (g) => gitTry('fetch', () => g.raw(['fetch', '--progress', ...(opts.prune ? ['--prune'] : []), remote]), { remote }));
  }

  async function pull(dir: string, opts: { remote?: string; branch?: string } = {}, net: NetworkOptions = {}): Promise<PullResult> {
    const branch = await deps.currentBranch(dir);
    const target = opts.remote ? [checkRemoteName(opts.remote), ...(opts.branch ? [checkBranchArg(opts.branch)] : [])] : [];
    const remote = opts.remote ?? (await defaultRemote(dir));
    // A merge commit needs an author, like a commit does.
    await requireIdentity(ctx.git(dir));
    try {
      await ctx.network(dir, net, (g) => g.raw(['pull', '--progress', '--no-rebase', '--no-edit', ...target]));
      return { conflicts: [] };
    } catch (e) {
      const failure = gitFailure('pull', e, { remote, ...(branch ? { branch } : {}) });
      const conflicts = await deps.conflicts(dir);
      if (conflicts.length > 0) return { conflicts };
      throw failure;
    }
  }

  async function push(dir: string, opts: { remote?: string; branch?: string; setUpstream?: boolean; tags?: boolean } = {}, net: NetworkOptions = {}): Promise<void> {
    const branch = opts.branch ? checkBranchArg(opts.branch) : await deps.currentBranch(dir);
    const remote = opts.remote ? checkRemoteName(opts.remote) : await defaultRemote(dir);
    const args = ['push', '--progress', ...(opts.tags ? ['--follow-tags'] : [])];
    if (opts.setUpstream) {
      if (!branch) throw new ServiceError('VALIDATION', 'HEAD is detached: switch to a branch before publishing it.');
      args.push('--set-upstream', remote, branch);
    } else if (opts.remote || opts.branch) args.push(remote, ...(branch ? [branch] : []));
    await ctx.network(dir, net, (g) => gitTry('push', () => g.raw(args), { remote, ...(branch ? { branch } : {}) }));
  }

  async function clone(url: string, dest: string, net: NetworkOptions = {}): Promise<{ dir: string }> {
    const source = checkUrl(url);
    const target = path.resolve(dest);
    const existing = await readdir(target).catch(ifMissing(undefined));
    if (existing && existing.length > 0) throw new ServiceError('CONFLICT', `${target} already exists and is not empty: choose another folder.`);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await ctx.network(path.dirname(target), net, (g) => gitTry('clone', () => g.raw(['clone', '--progress', '--', source, target]), { remote: source }));
    } catch (e) {
      if (!existing) await rm(target, { recursive: true, force: true });
      throw e;
    }
    return { dir: target };
  }

  async function listRemoteRefs(url: string, net: NetworkOptions = {}): Promise<{ name: string; sha: string }[]> {
    const source = checkUrl(url);
    const raw = await ctx.network(os.tmpdir(), net, (g) => gitTry('ls-remote', () => g.raw(['ls-remote', '--', source]), { remote: source }));
    return raw.split('\n').filter(Boolean).map((l) => {
      const [sha, name] = gitFields(l, '\t', 2, 'ls-remote');
      return { name, sha };
    });
  }

  return { remotes, addRemote, removeRemote, fetch, pull, push, clone, listRemoteRefs };
}

function checkBranchArg(name: string): string {
  if (typeof name !== 'string' || name === '' || name.startsWith('-') || /[\s\0:]/.test(name))
    throw new ServiceError('VALIDATION', `"${name}" is not a branch name.`);
  return name;
}
