/** Branches (list, create, switch, delete) and tags (list, create, `v<version>`, delete). */
import { ServiceError } from '../errors';
import type { GitContext } from './git-context';
import { checkRev } from './git-diff';
import { gitTry } from './git-errors';
import { requireIdentity } from './git-identity';
import { onGitExit } from './git-runner';
import { gitFields } from './git-fields';
import type { BranchInfo, Branches, TagInfo } from './git-types';


function parseTrack(track: string): Pick<BranchInfo, 'ahead' | 'behind' | 'upstreamGone'> {
  return {
    ahead: Number(/ahead (\d+)/.exec(track)?.[1] ?? 0),
    behind: Number(/behind (\d+)/.exec(track)?.[1] ?? 0),
    upstreamGone: track.includes('gone'),
  };
}

/** Branches and tags. Names are checked by git's own rules before use. */
export interface GitRefOps {
  /** Local branches (with upstream and ahead/behind) and remote-tracking ones. */
  branches(dir: string): Promise<Branches>;
  /** undefined on a detached HEAD. */
  currentBranch(dir: string): Promise<string | undefined>;
  /** From `from` (default HEAD); `checkout` switches to it too. */
  createBranch(dir: string, name: string, opts?: { from?: string; checkout?: boolean }): Promise<void>;
  /** Switches to a local branch, or creates one tracking `origin/<name>` when only the remote has it. */
  switchBranch(dir: string, name: string): Promise<void>;
  /** Refuses the current branch. Without `force`, git refuses a branch whose commits are merged nowhere. */
  deleteBranch(dir: string, name: string, opts?: { force?: boolean }): Promise<void>;
  tags(dir: string): Promise<TagInfo[]>;
  /** An annotated tag when there is a message (what releases use), a lightweight one otherwise; at `ref`
   * (default HEAD). */
  createTag(dir: string, name: string, opts?: { message?: string; ref?: string }): Promise<TagInfo>;
  /** `v<version>`, annotated, as Package and Publish offer after a release. */
  createVersionTag(dir: string, version: string, message?: string): Promise<TagInfo>;
  deleteTag(dir: string, name: string): Promise<void>;
}

export function createRefOps(ctx: GitContext): GitRefOps {
  const git = ctx.git;

  /** git's own rules for a ref name (no spaces, "..", "~", a leading "-", ...). */
  async function checkName(dir: string, kind: 'branch' | 'tag', name: string): Promise<string> {
    const ok = typeof name === 'string' && name !== '' && !name.startsWith('-') &&
      (await git(dir).raw(['check-ref-format', kind === 'branch' ? `refs/heads/${name}` : `refs/tags/${name}`]).then(() => true, onGitExit(1, false)));
    if (!ok) throw new ServiceError('VALIDATION', `"${name}" is not a valid ${kind} name: avoid spaces, "..", "~", "^", ":", "?", "*", "[" and a leading "-".`);
    return name;
  }

  async function currentBranch(dir: string): Promise<string | undefined> {
    return (await gitTry('branch', () => git(dir).raw(['branch', '--show-current']))).trim() || undefined;
  }

  async function branches(dir: string): Promise<Branches> {
    const g = git(dir);
    const current = await currentBranch(dir);
    const fmt = '--format=%(refname)%00%(objectname)%00%(upstream:short)%00%(upstream:track,nobracket)';
    const raw = await gitTry('for-each-ref', () => g.raw(['for-each-ref', fmt, 'refs/heads', 'refs/remotes']));
    const local: BranchInfo[] = [];
    const remote: string[] = [];
    for (const line of raw.split('\n').filter(Boolean)) {
      const [ref, sha, upstream, track] = gitFields(line, '\0', 4, 'for-each-ref');
      if (ref.startsWith('refs/remotes/')) {
        if (!ref.endsWith('/HEAD')) remote.push(ref.slice('refs/remotes/'.length));
        continue;
      }
      const name = ref.slice('refs/heads/'.length);
      local.push({ name, sha, current: name === current, ...(upstream ? { upstream } : {}), ...parseTrack(track) });
    }
    return { ...(current ? { current } : {}), local, remote };
  }

  async function createBranch(dir: string, name: string, opts: { from?: string; checkout?: boolean } = {}): Promise<void> {
    await checkName(dir, 'branch', name);
    const from = opts.from ? [checkRev(opts.from)] : [];
    await gitTry('branch', () => git(dir).raw(opts.checkout ? ['switch', '-c', name, ...from] : ['branch', name, ...from]), { branch: name });
  }

  async function switchBranch(dir: string, name: string): Promise<void> {
    await checkName(dir, 'branch', name);
    await gitTry('switch', () => git(dir).raw(['switch', name]), { branch: name });
  }

  async function deleteBranch(dir: string, name: string, opts: { force?: boolean } = {}): Promise<void> {
    await checkName(dir, 'branch', name);
    if (name === (await currentBranch(dir)))
      throw new ServiceError('CONFLICT', `'${name}' is the current branch: switch to another branch before deleting it.`);
    await gitTry('branch --delete', () => git(dir).raw(['branch', opts.force ? '-D' : '-d', name]), { branch: name });
  }

  async function tags(dir: string): Promise<TagInfo[]> {
    const fmt = '--format=%(refname:short)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(contents:subject)';
    const raw = await gitTry('for-each-ref', () => git(dir).raw(['for-each-ref', '--sort=-v:refname', fmt, 'refs/tags']));
    return raw.split('\n').filter(Boolean).map((line) => {
      const [name, type, sha, peeled, subject] = gitFields(line, '\0', 5, 'for-each-ref');
      const annotated = type === 'tag';
      return { name, sha: annotated ? peeled : sha, annotated, message: annotated ? subject : '' };
    });
  }

  async function createTag(dir: string, name: string, opts: { message?: string; ref?: string } = {}): Promise<TagInfo> {
    await checkName(dir, 'tag', name);
    const g = git(dir);
    const ref = opts.ref ? [checkRev(opts.ref)] : [];
    const message = opts.message?.trim();
    // An annotated tag carries a tagger, as a commit carries an author.
    if (message) await requireIdentity(g);
    const args = message ? ['tag', '-a', '-m', message, name, ...ref] : ['tag', name, ...ref];
    await gitTry('tag', () => g.raw(args));
    const made = (await tags(dir)).find((t) => t.name === name);
    if (!made) throw new ServiceError('GIT', `git tag did not create "${name}".`);
    return made;
  }

  async function createVersionTag(dir: string, version: string, message?: string): Promise<TagInfo> {
    const v = String(version).trim().replace(/^v/, '');
    if (!/^\d+\.\d+\.\d+([-+][\w.+-]*)?$/.test(v)) throw new ServiceError('VALIDATION', `"${version}" is not a version like 1.2.0.`);
    return createTag(dir, `v${v}`, { message: message?.trim() || `Version ${v}` });
  }

  async function deleteTag(dir: string, name: string): Promise<void> {
    await checkName(dir, 'tag', name);
    await gitTry('tag --delete', () => git(dir).raw(['tag', '-d', name]));
  }

  return { branches, currentBranch, createBranch, switchBranch, deleteBranch, tags, createTag, createVersionTag, deleteTag };
}
