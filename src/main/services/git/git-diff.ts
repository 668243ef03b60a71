/** Diffs as Monaco's diff editor wants them: the two full texts, per file or per file of a commit. */
import { readFile } from 'node:fs/promises';
import { errnoCode, ServiceError } from '../errors';
import { resolveInside } from '../workspace/safe-path';
import { atRev, type GitContext, relArg } from './git-context';
import { gitTry } from './git-errors';
import { gitExitCode, onGitExit } from './git-runner';
import type { CommitFile, CommitFiles, FileDiffMode, GitFileDiff } from './git-types';

/** Beyond this the diff editor would freeze the window; the UI offers to open the file instead. */
const MAX_DIFF_BYTES = 5 * 1024 * 1024;

const isBinary = (b: Buffer | undefined) => b !== undefined && b.subarray(0, 8000).includes(0);

function toDiff(relPath: string, a: Buffer | undefined, b: Buffer | undefined): GitFileDiff {
  const binary = isBinary(a) || isBinary(b);
  const tooLarge = (a?.length ?? 0) > MAX_DIFF_BYTES || (b?.length ?? 0) > MAX_DIFF_BYTES;
  const text = (x: Buffer | undefined) => (x === undefined || binary || tooLarge ? '' : x.toString('utf8'));
  return { relPath, original: text(a), modified: text(b), originalExists: a !== undefined, modifiedExists: b !== undefined, binary, tooLarge };
}

const STATUS: Record<string, CommitFile['status']> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/** `--name-status -z`: "M\0path\0" or "R100\0old\0new\0". */
export function parseNameStatus(raw: string): CommitFile[] {
  const t = raw.split('\0').filter((s, i, all) => s !== '' || i < all.length - 1);
  const out: CommitFile[] = [];
  for (let i = 0; i < t.length; i++) {
    const letter = (t[i] ?? '').charAt(0);
    if (!letter) continue;
    const status = STATUS[letter] ?? 'modified';
    const paths = letter === 'R' || letter === 'C' ? 2 : 1;
    const [first, second] = t.slice(i + 1, i + 1 + paths);
    i += paths;
    if (first === undefined || (paths === 2 && second === undefined))
      throw new ServiceError('GIT', `git diff --name-status ended in the middle of an entry (${letter}): the list it printed is incomplete.`);
    out.push(second === undefined ? { relPath: first, status } : { relPath: second, status, oldPath: first });
  }
  return out;
}

function checkRev(rev: string): string {
  if (typeof rev !== 'string' || rev === '' || rev.startsWith('-') || /[\0\s]/.test(rev))
    throw new ServiceError('VALIDATION', `"${rev}" is not a commit, branch or tag name.`);
  return rev;
}

/** git's words (exit 128) for "no such blob": the path is not at that revision, a conflicted file has no stage-0
 * entry, or the revision itself is not there yet (an unborn HEAD). */
const NO_SUCH_BLOB = /does not exist|exists on disk, but not in|is in the index, but not|invalid object name|not a valid object name/i;

/** Diffs of the working tree and of past commits, as two texts for the diff editor. */
export interface GitDiffOps {
  /** A file against HEAD (`head`, default), the working tree against the index (`unstaged`), or the index against
   * HEAD (`staged`). */
  fileDiff(dir: string, relPath: string, mode?: FileDiffMode): Promise<GitFileDiff>;
  /** The files a commit changed within the project, against its first parent. */
  commitFiles(dir: string, rev: string): Promise<CommitFiles>;
  /** One file of a commit: its text in the first parent (at `oldPath` for renames) and in the commit. */
  commitFileDiff(dir: string, rev: string, relPath: string, oldPath?: string): Promise<GitFileDiff>;
  /** The full sha of a revision; NOT_FOUND when it names no commit. */
  resolveCommit(dir: string, rev: string): Promise<string>;
}

export function createDiffOps(ctx: GitContext): GitDiffOps {
  const git = ctx.git;

  /** A blob at `rev:path` (rev '' = the index), or undefined when it is not there. */
  async function blob(dir: string, rev: string, relPath: string): Promise<Buffer | undefined> {
    return git(dir).binaryCatFile(['blob', atRev(rev, relPath)]).catch((e: unknown) => {
      if (gitExitCode(e) === 128 && NO_SUCH_BLOB.test((e as Error).message)) return undefined;
      throw e;
    });
  }

  async function working(dir: string, relPath: string): Promise<Buffer | undefined> {
    try {
      return await readFile(await resolveInside(dir, relPath));
    } catch (e) {
      if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'EISDIR') return undefined;
      throw e;
    }
  }

  async function fileDiff(dir: string, relPath: string, mode: FileDiffMode = 'head'): Promise<GitFileDiff> {
    const rel = relArg(relPath);
    const head = () => blob(dir, 'HEAD', rel);
    // A conflicted file has no stage-0 index entry: compare with HEAD then.
    const index = async () => (await blob(dir, '', rel)) ?? (await head());
    const original = mode === 'unstaged' ? await index() : await head();
    const modified = mode === 'staged' ? await blob(dir, '', rel) : await working(dir, rel);
    return toDiff(rel, original, modified);
  }

  async function resolveCommit(dir: string, rev: string): Promise<string> {
    const out = await git(dir).raw(['rev-parse', '--verify', '--quiet', `${checkRev(rev)}^{commit}`]).catch(onGitExit(1, ''));
    if (!out.trim()) throw new ServiceError('NOT_FOUND', `No commit "${rev}" in this repository.`);
    return out.trim();
  }

  async function commitFiles(dir: string, rev: string): Promise<CommitFiles> {
    const sha = await resolveCommit(dir, rev);
    const g = git(dir);
    const [, parent] = (await gitTry('rev-list', () => g.raw(['rev-list', '--parents', '-n', '1', sha]))).trim().split(/\s+/);
    const base = ['diff-tree', '-r', '-M', '-z', '--name-status', '--relative', '--no-commit-id'];
    const raw = await gitTry('diff-tree', () => g.raw(parent ? [...base, parent, sha] : [...base, '--root', sha]));
    return { sha, ...(parent ? { parent } : {}), files: parseNameStatus(raw) };
  }

  async function commitFileDiff(dir: string, rev: string, relPath: string, oldPath?: string): Promise<GitFileDiff> {
    const sha = await resolveCommit(dir, rev);
    const [, parent] = (await gitTry('rev-list', () => git(dir).raw(['rev-list', '--parents', '-n', '1', sha]))).trim().split(/\s+/);
    const before = parent ? await blob(dir, parent, oldPath ?? relPath) : undefined;
    return toDiff(relArg(relPath), before, await blob(dir, sha, relPath));
  }

  return { fileDiff, commitFiles, commitFileDiff, resolveCommit };
}

export { checkRev };
