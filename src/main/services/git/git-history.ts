/** History of the project: paged, searchable by message, author and path. */
import { type GitContext, relArg } from './git-context';
import { checkRev } from './git-diff';
import { gitTry } from './git-errors';
import { onGitExit } from './git-runner';
import { gitFields } from './git-fields';
import type { LogEntry, LogPage, LogQuery } from './git-types';

// Unit and record separators cannot occur in names or messages git prints, unlike newlines and tabs.
const FIELDS = ['%H', '%h', '%P', '%an', '%ae', '%aI', '%D', '%s', '%b'] as const;
const FORMAT = `--format=${FIELDS.join('%x1f')}%x1e`;

export function parseLog(raw: string): LogEntry[] {
  return raw
    .split('\x1e')
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const [sha, shortSha, parents, author, email, date, refs, subject, body] = gitFields(r, '\x1f', FIELDS.length, 'log');
      return {
        sha, shortSha, author, email, date, subject,
        parents: parents ? parents.split(' ') : [],
        refs: refs ? refs.split(', ').filter(Boolean) : [],
        body: (body ?? '').trim(),
      };
    });
}

export interface GitHistoryOps {
  /** One page of commits (default 50, at most 500), newest first; no commits yet is an empty page. */
  log(dir: string, q?: LogQuery): Promise<LogPage>;
}

export function createHistoryOps(ctx: GitContext): GitHistoryOps {
  async function log(dir: string, q: LogQuery = {}): Promise<LogPage> {
    const g = ctx.git(dir);
    const limit = Math.min(Math.max(1, Math.floor(q.limit ?? 50)), 500);
    const skip = Math.max(0, Math.floor(q.skip ?? 0));
    // No commits yet is an empty history, not an error.
    const born = await g.raw(['rev-parse', '--verify', '--quiet', 'HEAD']).then((s) => s.trim() !== '', onGitExit(1, false));
    if (!born && !q.all) return { entries: [], hasMore: false };
    const args = ['log', FORMAT, `--skip=${skip}`, `--max-count=${limit + 1}`];
    if (q.message || q.author) args.push('--regexp-ignore-case', '--fixed-strings');
    if (q.message) args.push(`--grep=${q.message}`);
    if (q.author) args.push(`--author=${q.author}`);
    args.push(...(q.all ? ['--all'] : [checkRev(q.ref ?? 'HEAD')]), '--', q.path ? relArg(q.path) : '.');
    const entries = parseLog(await gitTry('log', () => g.raw(args)));
    return { entries: entries.slice(0, limit), hasMore: entries.length > limit };
  }

  return { log };
}
