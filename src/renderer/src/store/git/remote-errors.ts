import { isApiError, messageOf } from '../../api/api-error';

/** What the UI offers next to a failed git operation. */
export type GitFixAction = 'pull' | 'set-upstream' | 'resolve' | 'commit-first' | 'force-delete' | null;

export interface GitFailureView {
  readonly kind: string;
  readonly title: string;
  /** The service's sentence: what happened and what to do. */
  readonly message: string;
  readonly action: GitFixAction;
  /** git's own words, for a details disclosure. */
  readonly output?: string;
}

const TITLES: Record<string, string> = {
  'auth-failed': 'Authentication failed',
  'non-fast-forward': 'Pull first',
  'no-upstream': 'No upstream branch',
  network: 'The remote cannot be reached',
  'repo-not-found': 'Repository not found',
  conflict: 'Merge conflicts',
  'local-changes': 'Uncommitted changes in the way',
  'nothing-to-commit': 'Nothing to commit',
  'not-merged': 'Branch not merged',
  timeout: 'git timed out',
};

const ACTIONS: Record<string, GitFixAction> = {
  'non-fast-forward': 'pull',
  'no-upstream': 'set-upstream',
  conflict: 'resolve',
  'local-changes': 'commit-first',
  'not-merged': 'force-delete',
};

/** Turns a failed git call into a title, the service's message and the one action that fixes it (details.kind). */
export function describeGitFailure(e: unknown): GitFailureView {
  const details = isApiError(e) && e.details && typeof e.details === 'object' ? (e.details as { kind?: unknown; output?: unknown }) : {};
  const kind = typeof details.kind === 'string' ? details.kind : 'other';
  return {
    kind,
    title: TITLES[kind] ?? 'git failed',
    message: messageOf(e),
    action: ACTIONS[kind] ?? null,
    ...(typeof details.output === 'string' && details.output ? { output: details.output } : {}),
  };
}
