/** Turns git's stderr into a failure the UI can act on: which kind it is, and what to do next. */
import { ServiceError } from '../errors';

export type GitFailureKind =
  | 'auth-failed'
  | 'non-fast-forward'
  | 'no-upstream'
  | 'network'
  | 'repo-not-found'
  | 'conflict'
  | 'local-changes'
  | 'nothing-to-commit'
  | 'not-merged'
  | 'timeout'
  | 'other';

export interface GitFailureDetails {
  readonly kind: GitFailureKind;
  /** git's own words, trimmed of progress noise, for a "details" disclosure. */
  readonly output: string;
  readonly remote?: string;
  readonly branch?: string;
}

/** First match wins, so the more specific patterns come first (an unreachable host also says "Could not read
 * from remote repository", as does a missing one over SSH). */
const RULES: ReadonlyArray<readonly [GitFailureKind, RegExp]> = [
  ['timeout', /block timeout reached|timed out waiting/i],
  ['auth-failed', /Authentication failed|could not read (Username|Password)|terminal prompts disabled|Permission denied \((publickey|password|keyboard)|HTTP Basic: Access denied|invalid username or password|returned error: 40[13]\b|Host key verification failed/i],
  ['no-upstream', /has no upstream branch|no tracking information for the current branch|no such ref was fetched/i],
  ['non-fast-forward', /\(non-fast-forward\)|\(fetch first\)|Updates were rejected because|Not possible to fast-forward|rejected.*\(stale info\)/i],
  ['conflict', /CONFLICT \(|Automatic merge failed|fix conflicts and then commit|you have unmerged files|needs merge/i],
  ['local-changes', /Your local changes to the following files would be overwritten|untracked working tree files would be (overwritten|removed)|Please commit your changes or stash them/i],
  ['repo-not-found', /Repository not found|does not appear to be a git repository|repository '.*' (not found|does not exist)|returned error: 404\b|No such file or directory.*\n?.*Could not read from remote|not found: did you run git update-server-info/i],
  ['network', /Could not resolve host|Failed to connect|Connection refused|Couldn't connect to server|Connection timed out|Network is unreachable|No route to host|Could not resolve hostname|unable to access '.*': (?!.*40[134])|Operation timed out|SSL certificate problem|Connection reset/i],
  ['nothing-to-commit', /nothing to commit|nothing added to commit|no changes added to commit/i],
  ['not-merged', /is not fully merged/i],
];

export function classifyGitOutput(output: string): GitFailureKind {
  for (const [kind, re] of RULES) if (re.test(output)) return kind;
  return 'other';
}

/** Progress lines ("Counting objects: 45% (9/20)\r") are noise in an error message. */
export function cleanGitOutput(raw: string): string {
  return raw
    .split(/\r?\n|\r/)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !/^(remote: )?[\w ]+:\s+\d+% \(\d+\/\d+\)/.test(l) && !/^(remote: )?(Enumerating|Counting|Compressing|Writing|Receiving|Resolving|Total) /.test(l))
    .join('\n');
}

function advice(step: string, kind: GitFailureKind, ctx: { remote?: string; branch?: string }): string {
  const remote = ctx.remote ?? 'the remote';
  switch (kind) {
    case 'auth-failed':
      return `Authentication to ${remote} failed: check the user name and the password or access token, or that your SSH key is loaded in the agent.`;
    case 'non-fast-forward':
      return `${remote} has commits that this branch does not have (non-fast-forward): pull first, then push again.`;
    case 'no-upstream':
      return step === 'push'
        ? `The branch ${ctx.branch ? `'${ctx.branch}' ` : ''}has no upstream branch: push it with "set upstream" to publish it to ${remote}.`
        : `The branch ${ctx.branch ? `'${ctx.branch}' ` : ''}has no upstream branch to ${step} from: publish it with "set upstream" first, or name the remote branch.`;
    case 'network':
      return `${remote} cannot be reached: check the address, your network connection and any proxy settings.`;
    case 'repo-not-found':
      return `Repository not found at ${remote}: check the URL, and that your account can see it.`;
    case 'conflict':
      return 'The merge stopped on conflicts: resolve the conflicted files, stage them and commit.';
    case 'local-changes':
      return 'Your uncommitted changes would be overwritten: commit or discard them first.';
    case 'nothing-to-commit':
      return 'Nothing to commit: stage some changes first.';
    case 'not-merged':
      return `The branch ${ctx.branch ? `'${ctx.branch}' ` : ''}has commits that are not merged anywhere: delete it with "force" to drop them.`;
    case 'timeout':
      return 'git stopped answering and was stopped after the timeout.';
    case 'other':
      return '';
  }
}

export function gitFailure(step: string, e: unknown, ctx: { remote?: string; branch?: string } = {}): ServiceError {
  if (e instanceof ServiceError) return e;
  const output = cleanGitOutput(e instanceof Error ? e.message : String(e));
  const kind = classifyGitOutput(output);
  const head = advice(step, kind, ctx);
  const tail = output.split('\n').slice(-6).join('\n');
  const message = head ? `git ${step}: ${head}` : `git ${step} failed: ${tail}`;
  const details: GitFailureDetails = { kind, output, ...ctx };
  return new ServiceError(kind === 'timeout' ? 'TIMEOUT' : 'GIT', message, details);
}

/** Runs one named git step and turns its failure into a GIT error that says which step failed. */
export async function gitStep<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const msg = (e as Error).message.trim().split('\n').slice(0, 6).join('\n');
    throw new ServiceError('GIT', `git ${what} failed: ${msg}`);
  }
}

/** Like gitStep, with the failure classified. */
export async function gitTry<T>(step: string, fn: () => Promise<T>, ctx?: { remote?: string; branch?: string }): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw gitFailure(step, e, ctx);
  }
}
