/** Request and result shapes of the git service beyond init/status/commitAll: plain data shared with the UI.
 */
import type { GitFileState } from './workspace';

export interface GitChange {
  /** Relative to the project root. */
  readonly relPath: string;
  readonly state: GitFileState;
  /** The path before a rename. */
  readonly oldPath?: string;
}

/** The recommended ignore lines (virtual environments, Python caches, user data) the repository lacks, and
 * whether it ignores tests/cassettes (which should be committed). */
export interface IgnoreCheck {
  readonly missingIgnores: string[];
  readonly cassettesIgnored: boolean;
}

/** The Git panel: what is staged, what is not, what is in conflict. */
export interface GitChanges {
  readonly isRepo: boolean;
  readonly branch?: string;
  readonly staged: GitChange[];
  readonly unstaged: GitChange[];
  readonly conflicted: GitChange[];
  /** A merge is under way (a pull stopped on conflicts): committing concludes it, even when the resolution left
   * nothing staged (the file kept this side's text). */
  readonly merging?: boolean;
  /** Ignore rules the repository lacks (a repository only). */
  readonly ignores?: IgnoreCheck;
}

/** The two texts Monaco's diff editor shows. Binary or over-large files come with empty texts and a flag. */
export interface GitFileDiff {
  readonly relPath: string;
  readonly original: string;
  readonly modified: string;
  readonly originalExists: boolean;
  readonly modifiedExists: boolean;
  readonly binary: boolean;
  readonly tooLarge: boolean;
}

/** head: HEAD vs working tree; unstaged: index vs working tree; staged: HEAD vs index. */
export type FileDiffMode = 'head' | 'unstaged' | 'staged';

export interface CommitFile {
  readonly relPath: string;
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';
  readonly oldPath?: string;
}

export interface CommitFiles {
  readonly sha: string;
  /** The first parent the files are compared with; absent for a root commit. */
  readonly parent?: string;
  readonly files: CommitFile[];
}

export interface LogQuery {
  /** Matches the commit message (case-insensitive, literal). */
  readonly message?: string;
  /** Matches the author's name or e-mail (case-insensitive, literal). */
  readonly author?: string;
  /** Only commits touching this project-relative path (default: the whole project). */
  readonly path?: string;
  /** A branch, tag or sha to start from (default HEAD). */
  readonly ref?: string;
  readonly all?: boolean;
  readonly skip?: number;
  /** Page size, default 50, at most 500. */
  readonly limit?: number;
}

export interface LogEntry {
  readonly sha: string;
  readonly shortSha: string;
  readonly parents: string[];
  readonly author: string;
  readonly email: string;
  /** ISO 8601 author date. */
  readonly date: string;
  readonly subject: string;
  readonly body: string;
  readonly refs: string[];
}

export interface LogPage {
  readonly entries: LogEntry[];
  readonly hasMore: boolean;
}

export interface BranchInfo {
  readonly name: string;
  readonly sha: string;
  readonly current: boolean;
  readonly upstream?: string;
  readonly ahead: number;
  readonly behind: number;
  /** The upstream branch was deleted on the remote. */
  readonly upstreamGone: boolean;
}

export interface Branches {
  /** Absent when HEAD is detached. */
  readonly current?: string;
  readonly local: BranchInfo[];
  /** Remote-tracking branches, e.g. `origin/main`. */
  readonly remote: string[];
}

export interface TagInfo {
  readonly name: string;
  /** The commit the tag points to. */
  readonly sha: string;
  readonly annotated: boolean;
  readonly message: string;
}

export interface RemoteInfo {
  readonly name: string;
  readonly fetchUrl: string;
  readonly pushUrl: string;
}

export interface PullResult {
  /** Project-relative files left in conflict; empty when the pull merged cleanly. */
  readonly conflicts: string[];
}
