/** Workspace channels: the app, settings, tools, folders, projects, their files, editor backups and the session. */
import type { AppInfo, Settings, ToolInfo } from '../../models/settings';
import type {
  BackupEntry,
  BrowseResult,
  FileContent,
  FileNode,
  ProjectSummary,
  ReplaceResult,
  SearchResult,
  SessionState,
} from '../../models/workspace';
import type { Empty, InProject, SearchQuery } from './common';

export interface WorkspaceChannels {
  'app.info': { req: Empty; res: AppInfo };
  'app.exportDiagnostics': { req: Empty; res: { path: string; bytes: number } };
  'app.openLogsFolder': { req: Empty; res: { path: string; opened: boolean } };
  'settings.get': { req: Empty; res: Settings };
  'settings.update': { req: { patch: Partial<Omit<Settings, 'extraProjects'>> }; res: Settings };
  'tools.detect': { req: Empty; res: ToolInfo[] };
  'fs.browse': { req: { path?: string }; res: BrowseResult };
  'projects.list': { req: Empty; res: ProjectSummary[] };
  'projects.open': { req: { path: string }; res: ProjectSummary };
  'projects.delete': { req: InProject; res: { removed: string; toTrash: boolean } };
  /** Workspace trust: lets the project's code run (health, actions, its own virtualenv, its git config). */
  'projects.trust': { req: InProject; res: ProjectSummary };
  'files.tree': { req: InProject; res: FileNode };
  'files.read': { req: InProject & { relPath: string }; res: FileContent };
  'files.write': {
    req: InProject & { relPath: string; text?: string; base64?: string; etag?: string | null };
    res: { etag: string };
  };
  'files.createDir': { req: InProject & { relPath: string }; res: { relPath: string } };
  'files.rename': { req: InProject & { from: string; to: string }; res: { relPath: string } };
  'files.delete': { req: InProject & { relPath: string }; res: { toTrash: boolean } };
  'files.search': { req: InProject & SearchQuery; res: SearchResult };
  'files.replace': {
    req: InProject & SearchQuery & { replacement: string; relPaths?: string[]; skip?: string[] };
    res: ReplaceResult;
  };
  'backup.save': {
    req: InProject & { relPath: string; text: string; baseEtag: string | null };
    res: { savedAt: number };
  };
  'backup.discard': { req: InProject & { relPath: string }; res: Empty };
  'backup.list': { req: Empty; res: BackupEntry[] };
  'session.get': { req: Empty; res: SessionState };
  'session.save': { req: { state: SessionState }; res: Empty };
}
