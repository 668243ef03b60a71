import type { StateCreator } from 'zustand';
import type { CompatReport } from '../../../../shared/connector/compat/types';
import type { Branches, CommitFile, CommitFiles, FileDiffMode, GitChanges, GitFileDiff, LogEntry, RemoteInfo, TagInfo } from '../../../../shared/models/git';
import type { GitStatus } from '../../../../shared/models/workspace';
import type { GitDecorations } from './decorations';
import type { OperationProgress } from './progress';
import type { GitFailureView } from './remote-errors';

export type GitTab = 'changes' | 'history' | 'branches' | 'remotes';

export interface CoreState {
  status: GitStatus | null;
  changes: GitChanges | null;
  decorations: GitDecorations;
  busy: boolean;
  message: string;
  amend: boolean;
  tab: GitTab;
}
export interface CoreAction {
  refresh(): Promise<void>;
  init(): Promise<void>;
  commitAll(): Promise<string>;
  /** Commits what is staged (or amends the last commit). */
  commit(): Promise<string>;
  stage(relPaths: string[]): Promise<void>;
  unstage(relPaths: string[]): Promise<void>;
  discard(relPaths: string[]): Promise<void>;
  /** Appends the recommended ignore lines the repository lacks to .gitignore. */
  addRecommendedIgnores(): Promise<void>;
  setMessage(message: string): void;
  setAmend(amend: boolean): void;
  setTab(tab: GitTab): void;
  reset(): void;
}

export interface HistoryState {
  history: LogEntry[];
  historySearch: string;
  historyHasMore: boolean;
  historyLoading: boolean;
  historyError: string | null;
  expanded: string | null;
  commitFiles: Record<string, CommitFiles>;
}
export interface HistoryAction {
  loadHistory(reset?: boolean): Promise<void>;
  setHistorySearch(text: string): void;
  toggleCommit(sha: string): Promise<void>;
}

export interface RefsState {
  branches: Branches | null;
  tags: TagInfo[];
  remotes: RemoteInfo[];
}
export interface RefsAction {
  loadRefs(): Promise<void>;
  createBranch(name: string, checkout: boolean): Promise<void>;
  switchBranch(name: string): Promise<void>;
  deleteBranch(name: string, force?: boolean): Promise<void>;
  createTag(name: string, message?: string): Promise<void>;
  deleteTag(name: string): Promise<void>;
  addRemote(name: string, url: string): Promise<void>;
  removeRemote(name: string): Promise<void>;
}

export type RemoteOp = 'fetch' | 'pull' | 'push';
export interface RemoteOpsState {
  running: { op: RemoteOp; progress: OperationProgress | null } | null;
  failure: (GitFailureView & { op: RemoteOp }) | null;
  /** Files a pull left in conflict. */
  pullConflicts: string[];
}
export interface RemoteOpsAction {
  fetch(remote?: string): Promise<boolean>;
  pull(remote?: string): Promise<boolean>;
  push(o?: { remote?: string; setUpstream?: boolean; tags?: boolean }): Promise<boolean>;
  clearFailure(): void;
}

export interface DiffView {
  readonly title: string;
  readonly relPath: string;
  readonly originalLabel: string;
  readonly modifiedLabel: string;
  readonly diff: GitFileDiff;
}
export interface DiffState {
  diff: DiffView | null;
}
export interface DiffAction {
  openFileDiff(relPath: string, mode: FileDiffMode): Promise<void>;
  openCommitDiff(entry: { sha: string; shortSha: string; subject: string }, file: CommitFile): Promise<void>;
  closeDiff(): void;
}

export interface CompatState {
  compatOpen: boolean;
  /** 'working' or a tag name. */
  compatOld: string;
  compatNew: string;
  compatReport: CompatReport | null;
  compatLoading: boolean;
  compatError: string | null;
}
export interface CompatAction {
  openCompat(old?: string): Promise<void>;
  compare(old: string, next: string): Promise<void>;
  insertReleaseNotes(): Promise<string>;
  closeCompat(): void;
}

export type GitStore = CoreState & CoreAction & HistoryState & HistoryAction & RefsState & RefsAction & RemoteOpsState & RemoteOpsAction & DiffState & DiffAction & CompatState & CompatAction;
export type Slice<T> = StateCreator<GitStore, [['zustand/devtools', never]], [], T>;
