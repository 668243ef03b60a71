import path from 'node:path';
import type { GitFileState, GitStatus } from '../../../shared/models/workspace';
import { writeFileAtomic } from '../workspace/atomic-write';
import { pathExists } from '../workspace/fs-probe';
import type { AskCredential } from './askpass';
import { createChangeOps, type GitChangeOps } from './git-changes';
import { createGitContext, type GitServiceOptions } from './git-context';
import { createDiffOps, type GitDiffOps } from './git-diff';
import { gitStep } from './git-errors';
import { createHistoryOps, type GitHistoryOps } from './git-history';
import { readIdentity, requireIdentity, writeGlobalIdentity, type GitIdentity } from './git-identity';
import { createIgnoreOps, type GitIgnoreOps } from './git-ignores';
import { createRefOps, type GitRefOps } from './git-refs';
import { createRemoteOps, type GitRemoteOps } from './git-remotes';
import type { GitChanges } from './git-types';
import { gitClient } from './git-runner';
import { GITATTRIBUTES, GITIGNORE } from './repo-files';

function stateOf(index: string, workingDir: string): GitFileState {
  const pair = index + workingDir;
  if (pair.includes('U') || pair === 'AA' || pair === 'DD') return 'conflicted';
  if (pair === '??') return 'untracked';
  if (index === 'R') return 'renamed';
  if (index === 'A') return 'added';
  if (pair.includes('D')) return 'deleted';
  return 'modified';
}

/** Git for the panel, Home and the CLI: every operation takes the project folder (`dir`) first. */
export interface GitService extends GitChangeOps, GitDiffOps, GitHistoryOps, GitRefOps, GitRemoteOps, Pick<GitIgnoreOps, 'ignoreCheck' | 'addRecommendedIgnores'> {
  /** The git executable (Settings' git path, or `git`): what code beside this service, such as Add Version,
   * hands the runner. */
  binary(): string;
  isRepo(dir: string): Promise<boolean>;
  /** Paths come back relative to the project root, even when the project sits inside a larger repository. */
  status(dir: string): Promise<GitStatus>;
  /** `git init -b main` unless it is a repository already, plus .gitignore and .gitattributes where missing. */
  init(dir: string): Promise<GitStatus>;
  /** Stages everything in the project (or only `under`, relative to it) and commits it; GIT with IDENTITY_NEEDED
   * when git has no user.name and user.email (nothing is staged then). */
  commitAll(dir: string, message: string, under?: string): Promise<{ sha: string }>;
  /** Stages everything in the project without committing: what is made when git has no identity yet. */
  stageAll(dir: string): Promise<void>;
  /** The identity git uses in `dir`, or the global one; null when it has none. */
  identity(dir?: string): Promise<GitIdentity | null>;
  /** Writes user.name and user.email to the user's global git config. */
  setGlobalIdentity(id: GitIdentity): Promise<GitIdentity>;
  /** The panel's lists, with the recommended ignore lines the repository lacks. */
  changes(dir: string): Promise<GitChanges>;
  /** After opening or cloning: a repository with no .gitignore anywhere gets the recommended one. True when
   * it wrote one. */
  ensureIgnoreFile(dir: string): Promise<boolean>;
  /** The UI attaches (or detaches) the credential prompt; until then credential requests fail fast. */
  setAskCredential(fn: AskCredential | undefined): void;
}

export function createGitService(gitBinary: () => string, options: GitServiceOptions = {}): GitService {
  const git = (dir: string) => gitClient(dir, gitBinary());
  const log = options.log ?? console.warn;

  async function isRepo(dir: string): Promise<boolean> {
    // checkIsRepo answers false outside a repository itself; git missing or refusing the folder is an error to show.
    return gitStep('rev-parse', () => git(dir).checkIsRepo());
  }

  async function status(dir: string): Promise<GitStatus> {
    if (!(await isRepo(dir))) return { isRepo: false, files: [] };
    const g = git(dir);
    const prefix = (await gitStep('rev-parse', () => g.revparse(['--show-prefix']))).trim();
    const s = await gitStep('status', () => g.status(['--untracked-files=all', '--', '.']));
    const files = s.files
      .filter((f) => f.path.startsWith(prefix))
      .map((f) => ({ relPath: f.path.slice(prefix.length), state: stateOf(f.index.trim(), f.working_dir.trim()) }));
    return { isRepo: true, branch: s.current ?? undefined, files };
  }

  async function init(dir: string): Promise<GitStatus> {
    if (!(await isRepo(dir))) {
      await gitStep('init', () => git(dir).raw(['init', '-b', 'main']));
    }
    await writeIfMissing(path.join(dir, '.gitignore'), GITIGNORE);
    await writeIfMissing(path.join(dir, '.gitattributes'), GITATTRIBUTES);
    return status(dir);
  }

  async function commitAll(dir: string, message: string, under = '.'): Promise<{ sha: string }> {
    const g = git(dir);
    // Its own GIT error, whose details tell the UI to ask who is committing: not wrapped as a failed step.
    await requireIdentity(g);
    await gitStep('add', () => g.raw(['add', '-A', '--', under]));
    // `--` with the path commits only what is under it, whatever else the user had staged.
    await gitStep('commit', () => g.raw(['commit', '-m', message, '--', under]));
    return { sha: (await gitStep('rev-parse', () => g.revparse(['HEAD']))).trim() };
  }

  async function stageAll(dir: string): Promise<void> {
    await gitStep('add', () => git(dir).raw(['add', '-A', '--', '.']));
  }

  const ctx = createGitContext(gitBinary, options);
  const changes = createChangeOps(ctx);
  const refs = createRefOps(ctx);
  const conflicts = async (dir: string) => (await changes.changes(dir)).conflicted.map((c) => c.relPath);
  const ignores = createIgnoreOps(gitBinary);
  async function ensureIgnoreFile(dir: string): Promise<boolean> {
    if (!(await isRepo(dir))) return false;
    const top = (await gitStep('rev-parse', () => git(dir).revparse(['--show-toplevel']))).trim();
    return ignores.ensureIgnoreFile(dir, top);
  }
  return {
    binary: gitBinary,
    isRepo,
    status,
    init,
    commitAll,
    stageAll,
    identity: (dir?: string) => readIdentity(gitBinary(), dir),
    setGlobalIdentity: (id: GitIdentity) => writeGlobalIdentity(gitBinary(), id),
    ...changes,
    changes: async (dir: string) => {
      const c = await changes.changes(dir);
      if (!c.isRepo) return c;
      // The hint about missing ignore lines is extra: without it the lists still show, and the log says why.
      const hint = await ignores.ignoreCheck(dir).catch((e: unknown) => {
        log(`Checking the recommended ignore lines of ${dir} failed`, e);
        return undefined;
      });
      return { ...c, ignores: hint };
    },
    addRecommendedIgnores: ignores.addRecommendedIgnores,
    ignoreCheck: ignores.ignoreCheck,
    ensureIgnoreFile,
    ...createDiffOps(ctx),
    ...createHistoryOps(ctx),
    ...refs,
    ...createRemoteOps(ctx, { currentBranch: refs.currentBranch, conflicts }),
    setAskCredential: ctx.setAskCredential,
  };
}

async function writeIfMissing(file: string, text: string) {
  if (!(await pathExists(file))) await writeFileAtomic(file, text);
}
