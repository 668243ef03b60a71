import type { ValidationReport } from '../connector/findings';
import type { CompatReport } from '../connector/compat/types';
import type { WizardAnswers } from '../connector/wizard';
import type { AddedOperations, ApiDescriptionSource, ApiImportAnswers, ApiImportPreview, ApiImportSelection, MockVendorInfo } from '../models/api-import';
import type { Branches, CommitFiles, FileDiffMode, GitChanges, GitFileDiff, IgnoreCheck, LogPage, LogQuery, PullResult, RemoteInfo, TagInfo } from '../models/git';
import type { PlaybookList } from '../connector/playbooks';
import type { GitIdentity } from '../models/git-identity';
import type { ReviewProgress, ReviewReport } from '../models/review';
import type {
  ConnectionTest,
  InstalledVersion,
  PeekedCertificate,
  PreflightResult,
  PublishHistoryEntry,
  PublishProgressEvent,
  PublishRunRequest,
  PublishRunResult,
  ServerProfile,
  ServerProfileInput,
  RollbackResult,
} from '../models/publish';
import type { InstallOutcome, InstallProgressEvent, InterpreterInfo, PlatformRequirement, RuntimeEnvironment } from '../models/environment';
import type { PlatformRecordDetail, PlatformSnapshot } from '../models/platform-data';
import type { IngestionOverview, IngestRunResult, IngestSampleView } from '../models/ingestion';
import type { CassetteRequest, HealthResult, HookResult, RunResult } from '../models/runtime';
import type {
  DebugBreakpoint,
  DebugBreakpointsChanged,
  DebugContinued,
  DebugEvaluateResult,
  DebugOutput,
  DebugScope,
  DebugSessionInfo,
  DebugStackTrace,
  DebugStartRequest,
  DebugStopped,
  DebugTerminated,
  DebugVariable,
  EvaluateContext,
  ExceptionFilter,
  ProjectBreakpoints,
  SourceBreakpoint,
} from '../models/debug';
import type { AppInfo, ProgressEvent, Settings, ToolInfo } from '../models/settings';
import type { TestConfig, TestConfigInput } from '../models/test-config';
import type { RerecordPreview, SavedTest, TestCollection, TestDataMode, TestRunReport, TestTarget } from '../models/connector-tests';
import type { Result } from '../result';
import type {
  BackupEntry,
  BrowseResult,
  FileContent,
  FileNode,
  GitStatus,
  ProjectSummary,
  ReplaceResult,
  SearchResult,
  SessionState,
} from '../models/workspace';

/** The answer of a request that only says it worked. */
export type Empty = Record<string, never>;

/** Long work answers at once with the run id the caller chose; its progress and its outcome follow as events
 * tagged with that id, so no request stays open for minutes (docs/adding-a-channel.md). */
export interface JobStarted {
  runId: string;
}
/** The last event of a job: its value, or its failure as the AppError a request would have answered. */
export type JobDone<T> = { runId: string } & Result<T>;
interface InProject {
  projectId: string;
}
interface InDebugSession extends InProject {
  sessionId: string;
}
interface SearchQuery {
  query: string;
  isRegex?: boolean;
  matchCase?: boolean;
}

/** Python intelligence (pyright, services/lsp). Lines and characters are 1-based, as Monaco counts them;
 * characters are UTF-16 units. */
export type LspSeverity = 'error' | 'warning' | 'info' | 'hint';
export interface LspDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: LspSeverity;
  message: string;
  rule: string;
  /** Unused or unreachable code: shown faded. */
  unnecessary?: boolean;
  deprecated?: boolean;
}
export interface LspRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
type LspAt = InProject & { relPath: string; line: number; character: number };
type LspDoc = InProject & { relPath: string; text: string; version: number };
/** `kind`: an LSP completion kind in camelCase ("function", "class", "module", "enumMember"...). */
export interface LspCompletionItem {
  label: string;
  kind: string;
  insertText: string;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  range?: LspRange;
}
/** A target outside the project (a framework stub, typeshed, site-packages) has `stub` and its `text`, read-only. */
export interface LspLocation {
  relPath: string;
  line: number;
  character: number;
  stub?: boolean;
  text?: string;
}
export interface LspSignatureHelp {
  signatures: { label: string; documentation?: string; parameters: { label: string | [number, number]; documentation?: string }[]; activeParameter?: number }[];
  activeSignature: number;
  activeParameter: number;
}

/** The one typed channel map: every request the UI can make. Channel = `domain.method`. */
export interface Contract {
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
  'backup.save': {
    req: InProject & { relPath: string; text: string; baseEtag: string | null };
    res: { savedAt: number };
  };
  'backup.discard': { req: InProject & { relPath: string }; res: Empty };
  'backup.list': { req: Empty; res: BackupEntry[] };
  'session.get': { req: Empty; res: SessionState };
  'session.save': { req: { state: SessionState }; res: Empty };
  'connector.validate': { req: InProject & { metadataOnly?: boolean }; res: ValidationReport };
  'templates.list': { req: Empty; res: { id: string; title: string; description: string; category: string }[] };
  'templates.defaults': { req: { templateId: string; name: string }; res: WizardAnswers };
  'templates.storeNames': { req: Empty; res: string[] };
  'connector.create': { req: { answers: WizardAnswers }; res: ProjectSummary };
  /** The operations an API description (OpenAPI, Postman, cURL) offers, and what each would generate. */
  'apiImport.preview': { req: { source: ApiDescriptionSource }; res: ApiImportPreview };
  /** A project on the blank template from the picked operations, opened and trusted. */
  'apiImport.create': { req: { source: ApiDescriptionSource; selection: ApiImportSelection; answers: ApiImportAnswers }; res: ProjectSummary };
  /** The picked operations appended to the project; those already there are not touched. */
  'apiImport.addOperations': { req: InProject & { source: ApiDescriptionSource; selection: ApiImportSelection }; res: AddedOperations };
  /** A mock vendor serving the description on 127.0.0.1 until stopped (or the app quits). */
  'mockVendor.start': { req: { source: ApiDescriptionSource; port?: number }; res: MockVendorInfo };
  'mockVendor.stop': { req: { port: number }; res: Empty };
  'connector.addVersion': { req: InProject & { level: 'major' | 'minor' | 'patch' }; res: { from: string; to: string; tag: string; sha: string } };
  'connector.duplicate': { req: InProject & { name: string; label: string; version: string }; res: ProjectSummary };
  /** Validates, then writes a deterministic .tgz beside the project; the bytes come back for a browser download.
   * With a runId, streams `package.progress` events tagged with it while the files are packed. */
  'package.export': {
    req: InProject & { force?: boolean; runId?: string };
    res: { file: string; fileName: string; bytes: number; name: string; version: string; entries: string[]; base64: string };
  };
  /** `skipped`: stray files beside the connector folder in the archive (e.g. `._name`), not imported.
   * `warnings`: one line per skipped file and per dropped virtualenv or git folder, for the user to see. */
  /** CONFLICT (details: name, existingVersion, importedVersion) when a project of the package's info.json name
   * exists and no `mode` says what to do: 'replace' commits the package as a new version of it, 'copy' makes
   * `<name>-2`. */
  'package.import': { req: { fileName: string; base64: string; mode?: 'replace' | 'copy' }; res: ProjectSummary & { skipped?: string[]; warnings?: string[]; replaced?: boolean; sha?: string; copyOf?: string } };
  /** Reviewer mode: a .tgz unpacked safely and opened read-only (not part of the workspace until imported). */
  /** `warnings`: what the safe extraction left out (stray files, virtualenv and git folders). */
  'review.openPackage': { req: { fileName: string; base64: string }; res: ProjectSummary & { warnings?: string[] } };
  /** `runId`: names the run in the `review.progress` events it sends. */
  'review.run': { req: InProject & { against?: string; checkInstall?: boolean; certification?: boolean; runId?: string }; res: ReviewReport };
  'review.html': { req: InProject & { against?: string }; res: { html: string; fileName: string } };
  'docs.generate': { req: InProject & { format: 'markdown' | 'html' }; res: { text: string } };
  'playbooks.list': { req: InProject; res: PlaybookList };
  'playbooks.generateSamples': { req: InProject; res: { added: string[]; skipped: string[] } };
  'testConfig.list': { req: InProject; res: TestConfig[] };
  'testConfig.save': { req: InProject & { config: TestConfigInput }; res: { config: TestConfig; hook: HookResult } };
  'testConfig.delete': { req: InProject & { id: string }; res: { hook: HookResult } };
  'testConfig.setActive': { req: InProject & { id: string; active: boolean }; res: { config: TestConfig; hook: HookResult } };
  /** `cassette` records the call's HTTP to, or replays it from, `<project root>/tests/cassettes/<operation>-<name>.json` (health: `check_health-<name>.json`). */
  'runtime.health': { req: InProject & { configId: string; cassette?: CassetteRequest }; res: HealthResult };
  /** Logs and output stream as `runtime.output` events tagged with the caller's runId while it runs. */
  'runtime.execute': {
    req: InProject & { runId: string; operation: string; params: Record<string, unknown>; configId?: string; cassette?: CassetteRequest };
    res: RunResult;
  };
  'runtime.stop': { req: InProject; res: Empty };
  /** The project's pytest tests (`tests/test_*.py`, pytest --collect-only in the connector's environment). */
  'tests.list': { req: InProject; res: TestCollection };
  /** Runs all tests, a file or one node id offline (cassettes replayed, simulated platform); answers when done. */
  'tests.run': { req: InProject & { target?: TestTarget }; res: TestRunReport };
  /** Writes (or rewrites) the test of recording `<operation>-<name>` into `tests/test_<operation>.py`, and the
   * helper module once. `mode` defaults to `exact`. */
  'tests.saveAsTest': { req: InProject & { operation: string; name: string; mode?: TestDataMode }; res: SavedTest };
  /** Re-record: runs the test's call live against the vendor (with the configuration `configId`, else the
   * recorded one) into a pending recording and answers what changed against its cassette. */
  'tests.rerecord': { req: InProject & { testId: string; configId?: string }; res: RerecordPreview };
  /** Accept: the pending recording replaces the test's cassette and run record (both scrubbed). */
  'tests.acceptRerecord': { req: InProject & { recording: string }; res: { cassette: string; runRecord: string } };
  /** Keep: the pending recording is thrown away; the test's recording stays. */
  'tests.keepRecording': { req: InProject & { recording: string }; res: Empty };
  /** The connector's interpreter, virtualenv (in the user data folder) and installed packages. */
  'runtime.environment': { req: InProject; res: RuntimeEnvironment };
  /** Working python3 / python3.x interpreters on PATH. */
  'runtime.interpreters': { req: Empty; res: InterpreterInfo[] };
  /** The connector's own interpreter ('' = Settings); restarts its worker and removes a venv made by another one. */
  'runtime.setInterpreter': { req: InProject & { interpreter: string }; res: RuntimeEnvironment };
  /** Remakes the venv and installs requirements.txt (+ packages/, + `extras`) as a job: answers at once (CONFLICT
   * while the connector's install runs), then `runtime.installProgress` events and one `runtime.installDone`
   * tagged with the caller's runId. */
  'runtime.installDependencies': { req: InProject & { runId: string; extras?: PlatformRequirement[] }; res: JobStarted };
  /** Makes (or remakes) the platform default (FortiSOAR's pre-installed libraries) for the connector's interpreter,
   * as a job like installDependencies: `runtime.installProgress`, then one `runtime.installDone` whose environment
   * is the connector's afterwards. CONFLICT while it is being made. */
  'runtime.createPlatformEnvironment': { req: InProject & { runId: string }; res: JobStarted };
  'runtime.removeEnvironment': { req: InProject; res: RuntimeEnvironment };
  /** The project's simulated FortiSOAR data (records, files, ingested batches) that its runs created. */
  'platform.snapshot': { req: InProject; res: PlatformSnapshot };
  /** One record of the project's simulated FortiSOAR data, whole, as a connector GETs it (an attachment's `file`
   * embedded; a File IRI gives its File record). VALIDATION for an IRI that names no record, NOT_FOUND once it is gone. */
  'platform.record': { req: InProject & { iri: string }; res: PlatformRecordDetail };
  /** Empties the project's simulated FortiSOAR data (in the user data folder; the project's files are untouched). */
  'platform.reset': { req: InProject; res: Empty };
  /** Data ingestion (issue 19): what the connector declares and the field mapping of its Create Record step. */
  'ingestion.overview': { req: InProject; res: IngestionOverview };
  /** The fetch playbook in sample-data mode, as the Data Ingestion wizard runs it (the connector's code runs). */
  'ingestion.fetchSample': { req: InProject & { configId: string }; res: IngestSampleView };
  /** N pulls of the ingest playbook on a virtual clock into the project's simulated platform. */
  'ingestion.run': { req: InProject & { configId: string; pulls: number; intervalMinutes?: number }; res: IngestRunResult };
  /** The debugger (shared/models/debug.ts says the conventions). Every request names its project; those about a
   * session also its sessionId (NOT_FOUND once the session has ended). Starting needs a trusted project. */
  /** Answers at once with the session's id; the session then installs debugpy into the tools environment on first
   * use (`runtime.installProgress` events tagged with the runId), attaches, runs the target and reports
   * `debug.stopped`/`debug.continued`/`debug.output` and one `debug.terminated`. CONFLICT while another session of
   * the project runs. */
  'debug.start': { req: InProject & DebugStartRequest; res: { sessionId: string } };
  /** Stops the session (its worker and every process below it end) and starts the same target again with the
   * project's current breakpoints; answers the new session's id (same runId). */
  'debug.restart': { req: InDebugSession; res: { sessionId: string } };
  'debug.stop': { req: InDebugSession; res: Empty };
  /** The project's live sessions (zero or one), e.g. after the window reloads. */
  'debug.sessions': { req: InProject; res: DebugSessionInfo[] };
  /** `threadId` defaults to the thread of the last stop. */
  'debug.continue': { req: InDebugSession & { threadId?: number }; res: Empty };
  /** Step Over. */
  'debug.next': { req: InDebugSession & { threadId?: number }; res: Empty };
  'debug.stepIn': { req: InDebugSession & { threadId?: number }; res: Empty };
  'debug.stepOut': { req: InDebugSession & { threadId?: number }; res: Empty };
  'debug.pause': { req: InDebugSession & { threadId?: number }; res: Empty };
  /** The paused thread's frames, newest first, the connector's only ("just my code"). */
  'debug.stackTrace': { req: InDebugSession & { threadId?: number }; res: DebugStackTrace };
  'debug.scopes': { req: InDebugSession & { frameId: number }; res: DebugScope[] };
  /** A scope's or a value's children; `start`/`count` page the indexed children of a big list. */
  'debug.variables': {
    req: InDebugSession & { variablesReference: number; filter?: 'indexed' | 'named'; start?: number; count?: number };
    res: DebugVariable[];
  };
  /** Evaluates in the frame (default: the top frame of the last stop). */
  'debug.evaluate': { req: InDebugSession & { expression: string; frameId?: number; context: EvaluateContext }; res: DebugEvaluateResult };
  /** The project's stored breakpoints and exception filters (user data folder, kept across restarts). */
  'debug.breakpoints': { req: InProject; res: ProjectBreakpoints };
  /** Replaces the breakpoints of one file (`path` inside the project); stored for the project and applied to its
   * live session (or only `sessionId`'s). Answers them as the debugger placed them (`verified`, moved `line`);
   * `debug.breakpointsChanged` follows. */
  'debug.setBreakpoints': { req: InProject & { sessionId?: string; path: string; breakpoints: SourceBreakpoint[] }; res: DebugBreakpoint[] };
  /** Stored for the project and applied to its live session. */
  'debug.setExceptionFilters': { req: InProject & { sessionId?: string; filters: ExceptionFilter[] }; res: Empty };
  /** Server profiles: the secret (password, API key, HMAC private key) is write-only; profiles show `secretSet`. */
  'publish.profiles': { req: Empty; res: ServerProfile[] };
  /** Starts the bundled sandbox server on 127.0.0.1 (once per run) and points the "Local sandbox" profile at it. */
  'sandbox.start': { req: Empty; res: { url: string; profileId: string; profileName: string; started: boolean } };
  'publish.saveProfile': { req: { profile: ServerProfileInput }; res: ServerProfile };
  'publish.removeProfile': { req: { profileId: string }; res: Empty };
  /** After the user compared the fingerprint; no sha256 unpins. */
  'publish.pinCertificate': { req: { profileId: string; sha256?: string }; res: ServerProfile };
  /** A saved profile by id, or an unsaved one with its secret (the editor's "Test" before "Save"). */
  'publish.testConnection': { req: { profileId: string } | { profile: ServerProfileInput & { secret: string } }; res: ConnectionTest };
  'publish.inspectCertificate': { req: { profileId: string }; res: PeekedCertificate };
  'publish.installedVersions': { req: { profileId: string; name: string }; res: InstalledVersion[] };
  'publish.preflight': { req: InProject & { profileId: string }; res: PreflightResult };
  /** A job: answers at once, then `publish.progress` events and one `publish.done` tagged with the caller's runId. */
  'publish.run': { req: PublishRunRequest; res: JobStarted };
  /** Newest first. */
  'publish.history': { req: InProject; res: PublishHistoryEntry[] };
  /** Puts the version of a kept archive (its file name, as the history lists it) back on the profile's server. */
  'publish.rollback': { req: InProject & { profileId: string; archive: string }; res: RollbackResult };
  /** Open Python files are synced to the project's pyright server; diagnostics come back as `lsp.diagnostics`. */
  'lsp.open': { req: LspDoc; res: Empty };
  'lsp.change': { req: LspDoc; res: Empty };
  'lsp.close': { req: InProject & { relPath: string }; res: Empty };
  'lsp.completion': { req: LspAt; res: { items: LspCompletionItem[]; incomplete: boolean } };
  'lsp.hover': { req: LspAt; res: { markdown: string; range?: LspRange } | null };
  'lsp.definition': { req: LspAt; res: LspLocation[] };
  'lsp.signatureHelp': { req: LspAt; res: LspSignatureHelp | null };
  /** Starts the project's language server ahead of the first Python file (diagnostics for every file). */
  'lsp.start': { req: InProject; res: Empty };
  /** Stops the project's language server (the window left the project). */
  'lsp.stop': { req: InProject; res: Empty };
}

/** Commands the desktop menu sends to the focused window. */
export type MenuCommand =
  | 'file.save'
  | 'file.saveAll'
  | 'view.toggleTheme'
  | 'view.fullScreenEditor'
  | 'view.commandPalette'
  | 'help.openLogsFolder'
  | 'help.exportDiagnostics';

/** Pushes from the services to the UI, over the same per-window channel. */
export interface Events {
  'menu.command': { command: MenuCommand };
  /** A folder or .tgz to open: from Open Folder..., a second launch, or the OS (file association). */
  'app.openRequested': { path: string; kind: 'folder' | 'package'; projectId?: string; error?: string };
  'files.changed': { projectId: string; relPaths: string[] };
  'progress.updated': ProgressEvent;
  'projects.changed': { reason: string };
  'git.credentialRequested': { requestId: string; url: string; prompt: string; kind: string };
  'runtime.output': { runId: string; kind: 'log' | 'stdout' | 'stderr'; text: string };
  'runtime.installProgress': InstallProgressEvent;
  'runtime.installDone': JobDone<InstallOutcome>;
  'publish.progress': PublishProgressEvent;
  'publish.done': JobDone<PublishRunResult>;
  /** Export packing: `done` of `total` archive entries (the folder itself counts), for the caller's runId. */
  'package.progress': { runId: string; projectId: string; done: number; total: number };
  /** The debugger (shared/models/debug.ts): a session stopped (`frame`: the line to show), ran on, printed, ended. */
  'debug.stopped': DebugStopped;
  'debug.continued': DebugContinued;
  'debug.output': DebugOutput;
  'debug.terminated': DebugTerminated;
  'debug.breakpointsChanged': DebugBreakpointsChanged;
  'lsp.diagnostics': { projectId: string; relPath: string; diagnostics: LspDiagnostic[] };
  /** A running review's sections (pending, running, done with counts), each time one changes. */
  'review.progress': { projectId: string; runId: string } & ReviewProgress;
}

export type Channel = keyof Contract;
export type Req<C extends Channel> = Contract[C]['req'];
export type Res<C extends Channel> = Contract[C]['res'];
export type EventName = keyof Events;

/** Each job channel and the event that ends its runs. */
export interface JobDoneEvents {
  'publish.run': 'publish.done';
  'runtime.installDependencies': 'runtime.installDone';
  'runtime.createPlatformEnvironment': 'runtime.installDone';
}
export type JobChannel = keyof JobDoneEvents;
/** What a job of the channel ends with, when it succeeds. */
export type JobValue<C extends JobChannel> = Events[JobDoneEvents[C]] extends JobDone<infer T> ? T : never;
