/** Git channels (status, staging, history, branches, tags, remotes, clone) and comparing connector versions. */
import type { CompatReport } from '../../connector/compat/types';
import type { Branches, CommitFiles, FileDiffMode, GitChanges, GitFileDiff, IgnoreCheck, LogPage, LogQuery, PullResult, RemoteInfo, TagInfo } from '../../models/git';
import type { GitIdentity } from '../../models/git-identity';
import type { GitStatus, ProjectSummary } from '../../models/workspace';
import type { Empty, InProject } from './common';

export interface GitChannels {
  'git.status': { req: InProject; res: GitStatus };
  'git.init': { req: InProject; res: GitStatus };
  'git.commitAll': { req: InProject & { message: string }; res: { sha: string } };
  'git.changes': { req: InProject; res: GitChanges };
  'git.stage': { req: InProject & { relPaths: string[] }; res: Empty };
  'git.unstage': { req: InProject & { relPaths: string[] }; res: Empty };
  'git.commit': { req: InProject & { message?: string; amend?: boolean }; res: { sha: string } };
  /** The user's global git identity (user.name, user.email); null while either is missing. */
  'git.identity': { req: Empty; res: GitIdentity | null };
  /** Writes user.name and user.email to the user's global git config. */
  'git.setIdentity': { req: GitIdentity; res: GitIdentity };
  'git.discard': { req: InProject & { relPaths: string[] }; res: Empty };
  /** Appends the recommended ignore lines (venvs, Python caches, user data) the repository lacks to .gitignore. */
  'git.addRecommendedIgnores': { req: InProject; res: IgnoreCheck };
  'git.fileDiff': { req: InProject & { relPath: string; mode?: FileDiffMode }; res: GitFileDiff };
  'git.log': { req: InProject & { query: LogQuery }; res: LogPage };
  'git.commitFiles': { req: InProject & { rev: string }; res: CommitFiles };
  'git.commitFileDiff': { req: InProject & { rev: string; relPath: string; oldPath?: string }; res: GitFileDiff };
  'git.branches': { req: InProject; res: Branches };
  'git.createBranch': { req: InProject & { name: string; from?: string; checkout?: boolean }; res: Empty };
  'git.switchBranch': { req: InProject & { name: string }; res: Empty };
  'git.deleteBranch': { req: InProject & { name: string; force?: boolean }; res: Empty };
  'git.tags': { req: InProject; res: TagInfo[] };
  'git.createTag': { req: InProject & { name: string; message?: string }; res: Empty };
  'git.deleteTag': { req: InProject & { name: string }; res: Empty };
  'git.remotes': { req: InProject; res: RemoteInfo[] };
  'git.addRemote': { req: InProject & { name: string; url: string }; res: Empty };
  'git.removeRemote': { req: InProject & { name: string }; res: Empty };
  /** Network operations report `progress.updated` events with id `git:<op>:<projectId>`. */
  'git.fetch': { req: InProject & { remote?: string }; res: Empty };
  'git.pull': { req: InProject & { remote?: string; branch?: string }; res: PullResult };
  'git.push': { req: InProject & { remote?: string; branch?: string; setUpstream?: boolean; tags?: boolean }; res: Empty };
  'git.clone': { req: { url: string; name?: string }; res: ProjectSummary };
  'git.answerCredential': { req: { requestId: string; value: string | null }; res: Empty };
  /** Compatibility report between two versions of the project's connector (folder, .tgz or git:<rev>). */
  'versions.compare': { req: InProject & { old?: string; new?: string }; res: CompatReport };
}
