/** Every project id: the first 12 hex digits of a hash of the project's absolute root. */
export const PROJECT_ID_PATTERN = '^[0-9a-f]{12}$';

export type GitFileState = 'modified' | 'added' | 'deleted' | 'untracked' | 'renamed' | 'conflicted';
export type GitSummaryState = 'clean' | 'changed' | 'none';

/** One connector project as Home shows it. */
export interface ProjectSummary {
  readonly id: string;
  /** Absolute path of the project root: the repository, or the bare connector folder. */
  readonly root: string;
  /** Connector folder relative to root ('' when the project is a bare connector folder). */
  readonly connectorRel: string;
  readonly name: string;
  readonly label: string;
  readonly version: string;
  readonly publisher: string;
  readonly description: string;
  readonly iconDataUrl?: string;
  readonly modifiedMs: number;
  readonly git: GitSummaryState;
  readonly inWorkspace: boolean;
  /** A .tgz opened for review: files can be read, never written, until it is imported. */
  readonly readOnly?: boolean;
  /** Workspace trust: false means Restricted Mode (no connector code, no interpreter or git config of the
   * folder runs) until the user trusts it. */
  readonly trusted?: boolean;
  /** Set when the project could not be read fully, e.g. malformed info.json. */
  readonly problem?: string;
  /** Set by open and clone when the repository had no .gitignore and got the recommended one. */
  readonly gitignoreAdded?: boolean;
}

export interface FileNode {
  readonly name: string;
  readonly relPath: string;
  readonly kind: 'file' | 'dir';
  readonly size?: number;
  readonly children?: FileNode[];
}

export interface FileContent {
  readonly relPath: string;
  readonly etag: string;
  readonly size: number;
  /** Present for text files under the size limit. */
  readonly text?: string;
  /** Present for binary files (images) under the size limit. */
  readonly base64?: string;
  readonly binary: boolean;
  /** True when the file is over the editor's size limit: text is a truncated preview. */
  readonly readOnly: boolean;
  readonly notice?: string;
}

export interface SearchMatch {
  readonly relPath: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly preview: string;
}

export interface SearchResult {
  readonly matches: SearchMatch[];
  readonly filesSearched: number;
  readonly truncated: boolean;
}

export interface ReplaceResult {
  readonly changedFiles: string[];
  readonly replacements: number;
  /** Files skipped because they are open with unsaved edits or changed meanwhile. */
  readonly skipped: string[];
}

export interface BrowseResult {
  readonly path: string;
  readonly parent: string | null;
  readonly entries: { name: string; isDir: boolean; isConnector: boolean }[];
}

export interface GitStatus {
  readonly isRepo: boolean;
  readonly branch?: string;
  readonly files: { relPath: string; state: GitFileState }[];
}

export interface BackupEntry {
  readonly projectId: string;
  readonly relPath: string;
  readonly text: string;
  /** The etag of the file the edits were based on, to detect a changed file on restore. */
  readonly baseEtag: string | null;
  readonly savedAt: number;
}

export interface SessionState {
  readonly openProjects: { projectId: string; tabs: string[]; active?: string }[];
}
