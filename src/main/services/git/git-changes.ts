/** The Git panel's working set: staged and unstaged changes, stage, unstage, commit (with amend), discard. */
import { rm } from 'node:fs/promises';
import type { GitFileState } from '../../../shared/models/workspace';
import { ServiceError } from '../errors';
import { resolveInside } from '../workspace/safe-path';
import { type GitContext, relArg } from './git-context';
import { gitTry } from './git-errors';
import { requireIdentity } from './git-identity';
import { onGitExit } from './git-runner';
import type { GitChange, GitChanges } from './git-types';


interface Entry {
  readonly x: string;
  readonly y: string;
  readonly relPath: string;
  readonly oldPath?: string;
}

const CONFLICT_PAIRS = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);

function stateOfLetter(letter: string): GitFileState {
  if (letter === 'A' || letter === 'C') return 'added';
  if (letter === 'D') return 'deleted';
  if (letter === 'R') return 'renamed';
  return 'modified';
}

/** `git status --porcelain -z`: "XY path\0" and, for renames, "XY new\0old\0". */
export function parsePorcelain(raw: string, prefix: string): Entry[] {
  const tokens = raw.split('\0');
  const out: Entry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (t.length < 4) continue;
    const [x, y, path] = [t.charAt(0), t.charAt(1), t.slice(3)];
    const from = x === 'R' || x === 'C' ? tokens[++i] : undefined;
    if (!path.startsWith(prefix)) continue;
    const oldPath = from !== undefined && from.startsWith(prefix) ? from.slice(prefix.length) : from;
    out.push({ x, y, relPath: path.slice(prefix.length), ...(oldPath !== undefined ? { oldPath } : {}) });
  }
  return out;
}

/** The Git panel's working-tree side: what changed, staging, committing and discarding. Paths are relative to
 * the project (`dir`), even when it sits inside a larger repository. */
export interface GitChangeOps {
  /** Staged, unstaged and conflicted files, the branch, and whether a merge is under way. */
  changes(dir: string): Promise<GitChanges>;
  stage(dir: string, relPaths: readonly string[]): Promise<void>;
  unstage(dir: string, relPaths: readonly string[]): Promise<void>;
  /** Commits what is staged. With `amend` the message may be omitted to keep the last one. */
  commit(dir: string, req: { message?: string; amend?: boolean }): Promise<{ sha: string }>;
  /** Puts files back as they are at HEAD and deletes untracked ones. Destructive: callers confirm first. */
  discard(dir: string, relPaths: readonly string[]): Promise<void>;
  /** Whether the repository has a first commit yet. */
  hasHead(dir: string): Promise<boolean>;
}

export function createChangeOps(ctx: GitContext): GitChangeOps {
  const git = ctx.git;

  async function hasHead(dir: string): Promise<boolean> {
    // Exit 1 is git's "no commit yet"; not a repository (128) or no git at all is a failure.
    return git(dir).raw(['rev-parse', '--verify', '--quiet', 'HEAD']).then((s) => s.trim() !== '', onGitExit(1, false));
  }

  async function entries(dir: string): Promise<Entry[]> {
    const g = git(dir);
    const prefix = (await gitTry('rev-parse', () => g.revparse(['--show-prefix']))).trim();
    const raw = await gitTry('status', () => g.raw(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']));
    return parsePorcelain(raw, prefix);
  }

  async function changes(dir: string): Promise<GitChanges> {
    // checkIsRepo answers false outside a repository itself; git missing or refusing the folder is an error to show.
    const isRepo = await gitTry('rev-parse', () => git(dir).checkIsRepo());
    if (!isRepo) return { isRepo: false, staged: [], unstaged: [], conflicted: [] };
    const staged: GitChange[] = [];
    const unstaged: GitChange[] = [];
    const conflicted: GitChange[] = [];
    for (const e of await entries(dir)) {
      const base = { relPath: e.relPath, ...(e.oldPath ? { oldPath: e.oldPath } : {}) };
      if (CONFLICT_PAIRS.has(e.x + e.y)) conflicted.push({ ...base, state: 'conflicted' });
      else if (e.x === '?') unstaged.push({ relPath: e.relPath, state: 'untracked' });
      else {
        if (e.x !== ' ') staged.push({ ...base, state: stateOfLetter(e.x) });
        if (e.y !== ' ') unstaged.push({ relPath: e.relPath, state: stateOfLetter(e.y) });
      }
    }
    // A detached HEAD prints nothing (exit 0): no branch to show.
    const branch = (await gitTry('branch', () => git(dir).raw(['branch', '--show-current']))).trim();
    const merging = await git(dir).raw(['rev-parse', '--verify', '--quiet', 'MERGE_HEAD']).then((s) => s.trim() !== '', onGitExit(1, false));
    return { isRepo, ...(branch ? { branch } : {}), staged, unstaged, conflicted, ...(merging ? { merging } : {}) };
  }

  async function stage(dir: string, relPaths: readonly string[]): Promise<void> {
    if (relPaths.length === 0) return;
    await gitTry('add', () => git(dir).raw(['add', '-A', '--', ...relPaths.map(relArg)]));
  }

  async function unstage(dir: string, relPaths: readonly string[]): Promise<void> {
    if (relPaths.length === 0) return;
    const paths = relPaths.map(relArg);
    // Before the first commit there is no HEAD to restore the index from: take the files out of it instead.
    const args = (await hasHead(dir)) ? ['restore', '--staged', '--', ...paths] : ['rm', '--cached', '-r', '-q', '--ignore-unmatch', '--', ...paths];
    await gitTry('unstage', () => git(dir).raw(args));
  }

  async function commit(dir: string, req: { message?: string; amend?: boolean }): Promise<{ sha: string }> {
    const message = req.message?.trim() ?? '';
    if (!message && !req.amend) throw new ServiceError('VALIDATION', 'Write a commit message first.');
    const g = git(dir);
    await requireIdentity(g);
    const args = ['commit', ...(req.amend ? ['--amend'] : []), ...(message ? ['-m', message] : ['--no-edit'])];
    await gitTry(req.amend ? 'commit --amend' : 'commit', () => g.raw(args));
    return { sha: (await gitTry('rev-parse', () => g.revparse(['HEAD']))).trim() };
  }

  async function discard(dir: string, relPaths: readonly string[]): Promise<void> {
    const wanted = new Set(relPaths.map(relArg));
    const g = git(dir);
    for (const e of await entries(dir)) {
      if (!wanted.has(e.relPath)) continue;
      if (e.x === '?' || (e.x === 'A' && !CONFLICT_PAIRS.has(e.x + e.y))) {
        if (e.x === 'A') await gitTry('rm --cached', () => g.raw(['rm', '--cached', '-q', '-f', '--', e.relPath]));
        await rm(await resolveInside(dir, e.relPath), { force: true, recursive: true });
        continue;
      }
      const paths = e.oldPath ? [e.relPath, e.oldPath] : [e.relPath];
      await gitTry('restore', () => g.raw(['restore', '--source=HEAD', '--staged', '--worktree', '--', ...paths]));
    }
  }

  return { changes, stage, unstage, commit, discard, hasHead };
}
