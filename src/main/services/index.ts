import path from 'node:path';
import { createConnectorTestsService, type ConnectorTestsService } from './connector-tests';
import { testReplayOf } from './connector-tests/test-replay';
import type { ProjectSummary } from '../../shared/models/workspace';
import { createAppService, type AppService } from './app/app-service';
import { createLogger, type Logger } from './app/logger';
import type { AuthoringService } from './authoring/authoring-service';
import { createApiImportDesk, type ApiImportDesk } from './api-import/api-import-desk';
import { createBackupService, type BackupService } from './backup/backup-service';
import { createEventBus, type EventBus } from './events';
import { createDebugService, type DebugService } from './debug';
import { createCredentialBroker, type CredentialBroker } from './git/credential-broker';
import type { GitService } from './git/git-service';
import { createHeadlessServices } from './headless';
import { createLspService, type LspService } from './lsp';
import { createWorkspaceCloner } from './projects/clone-into-workspace';
import type { ProjectService } from './projects/project-service';
import { installSamples } from './projects/sample-installer';
import { createPlatformService, type PlatformService } from './platform/platform-service';
import { ingestionFromHeadless } from './ingestion';
import { createProjectIngestion, type ProjectIngestion } from './ingestion/project-ingestion';
import { createPublishRunner, type PublishRunner } from './publish/publish-run';
import { createPublishService, type PublishService } from './publish/publish-service';
import { createLocalSandbox, type LocalSandboxService, type StartLocalServer } from './publish/local-sandbox';
import { cleanLeftovers, type LeftoverReport } from './packaging/leftovers';
import { createReviewDesk, type ReviewDesk } from './reviewdesk/review-desk';
import type { EnvironmentService } from './runtime/environment-service';
import { createFileSecretStore } from './secrets/file-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { adoptLoginShellPath } from './settings/child-environment';
import type { SettingsService } from './settings/settings-service';
import { asReceived } from '../../shared/connector/server-config';
import { createTestConfigStore, type TestConfigStore } from './testconfig/test-config-store';
import { createTestRunner, type TestRunner } from './testconfig/test-runner';
import { createToolsService, type ToolsService } from './tools-service';
import type { TrustService } from './trust/trust-service';
import type { ValidateService } from './validate';
import type { VersionsService } from './versions/versions-service';
import { createFileService, type FileService } from './workspace/file-service';
import { browseFolders } from './workspace/folder-browser';
import { createSearchService, type SearchService } from './workspace/search-service';
import { moveToTrash as systemTrash } from './workspace/trash';
import { createWatcherPool } from './workspace/watcher';

export interface ServicesConfig {
  userDataDir: string;
  resourcesDir: string;
  appVersion: string;
  mode: 'desktop' | 'browser';
  /** `--workspace DIR`: used and remembered in settings. */
  workspaceOverride?: string;
  /** Desktop passes shell.openPath; browser mode has none and shows the path instead. */
  openPath?: (absPath: string) => Promise<boolean>;
  moveToTrash?: (absPath: string) => Promise<boolean>;
  /** Desktop passes a safeStorage-backed store; browser mode and the CLI use an encrypted file. */
  secrets?: SecretStore;
  echoLogs?: boolean;
  /** The bundled sandbox server (src/main/sandbox), handed in by the door: the Publish view's Start local sandbox. */
  startSandbox?: StartLocalServer;
}

/** What the doors (IPC, the browser host's RPC and WebSocket, the router) reach: one service per panel or
 * concern, each an interface of its own module. */
export interface Services {
  readonly lsp: LspService;
  readonly log: Logger;
  /** The windows and WebSocket clients listen here. */
  readonly events: EventBus;
  readonly trust: TrustService;
  /** A change of settings applies at once: the large-file limit, and the runtime's interpreter and limits. */
  readonly settings: Pick<SettingsService, 'get' | 'update'>;
  readonly tools: ToolsService;
  /** Browser mode's folder picker. */
  readonly folders: { browse: typeof browseFolders };
  readonly projects: ProjectService;
  /** Reading a project's files starts watching it: changes on disk come as `files.changed`. */
  readonly files: FileService;
  readonly search: SearchService;
  readonly git: GitService;
  /** git's credential prompts, carried to the window and back. */
  readonly credentials: CredentialBroker;
  readonly reviewDesk: ReviewDesk;
  readonly authoring: AuthoringService;
  /** Starting a connector from an API description, adding operations from one, and mock vendors (issue 20). */
  readonly apiImport: ApiImportDesk;
  readonly versions: VersionsService;
  /** Clones `url` into the workspace (restricted) and opens it as a project; `name`: the folder, default the
   * repository's name. */
  readonly cloneIntoWorkspace: (url: string, name?: string) => Promise<ProjectSummary>;
  readonly backup: BackupService;
  readonly validate: ValidateService;
  readonly secrets: SecretStore;
  readonly testing: TestRunner;
  /** Debug sessions of health checks and actions in the connector's worker (debugpy, DAP), and each project's
   * breakpoints. */
  readonly debug: DebugService;
  readonly testConfigs: TestConfigStore;
  /** The project's pytest tests: list, run, "Save as test" (issue 17). */
  readonly connectorTests: ConnectorTestsService;
  readonly environments: EnvironmentService;
  /** Each project's simulated FortiSOAR records and files (the "Platform data" view). */
  readonly platform: PlatformService;
  readonly ingestion: ProjectIngestion;
  /** Profiles, pre-flight and history, plus the UI's publish job. */
  readonly publish: PublishService & PublishRunner;
  /** The Publish view's local sandbox server and its profile. */
  readonly localSandbox: LocalSandboxService;
  readonly app: AppService;
  /** Settles when the start-up clean-up of interrupted saves and imports is done (tests wait on it). */
  readonly leftoversCleaned: Promise<LeftoverReport>;
  /** Stops the watchers, the language servers and the runtime's workers. */
  dispose(): Promise<void>;
}

/** The app's services: the shared ones from the composition root (headless.ts, as the CLI gets them), built at once,
 * plus what only a running app has: file watchers, the language server, the sample install on the first start,
 * the review desk's clean-up, secrets, test configurations, publishing and the event bus the windows listen to.
 * No service imports electron. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const log: Logger = createLogger(path.join(config.userDataDir, 'logs'), config.echoLogs);
  await adoptLoginShellPath((m) => log.info(m));
  const events = createEventBus();
  const trash = config.moveToTrash ?? ((p: string) => systemTrash(p, (m, x) => log.warn(m, x)));
  const credentials = createCredentialBroker(events);
  const core = createHeadlessServices({
    userDataDir: config.userDataDir,
    resourcesDir: config.resourcesDir,
    workspaceOverride: config.workspaceOverride,
    log,
    events,
    persistFirstStart: true,
    askCredential: credentials.ask,
    moveToTrash: trash,
    platformData: { perProject: true },
    environmentHooks: { done: (e) => events.emit('runtime.installDone', e), log: log.error },
  });
  const { settings } = core;
  const s0 = await settings.load();
  const trust = await core.trust();
  const git = await core.git();
  if (await settings.isFirstStart()) {
    const samples = await installSamples({ samplesDir: path.join(config.resourcesDir, 'samples'), workspaceRoot: s0.workspaceRoot, git, log: log.warn });
    for (const root of samples) await trust.trust(root);
  }
  const [projects, environments, runtime, validate, authoring, versions, reviewer, docs] = await Promise.all([
    core.projects(),
    core.environments(),
    core.runtime(),
    core.validate(),
    core.authoring(),
    core.versions(),
    core.reviewer(),
    core.docs(),
  ]);
  const watchers = createWatcherPool((projectId, relPaths) => {
    events.emit('files.changed', { projectId, relPaths });
    // Saved or external edits apply to the next test run without restarting the worker.
    if (relPaths.some((p) => p.endsWith('.py') || p.endsWith('info.json')))
      projects
        .connectorDirOf(projectId)
        .then((dir) => runtime.current().reload(dir))
        .catch((e: unknown) => log.warn(`Reloading the saved code of ${projectId} in its Python worker failed`, e));
  }, undefined, (m, x) => log.warn(m, x));
  const rootOf = async (projectId: string) => {
    const root = await projects.rootOf(projectId);
    watchers.watchProject(projectId, root);
    return root;
  };
  const largeLimit = { bytes: s0.largeFileLimitKb * 1024 };
  const reviewDesk = createReviewDesk({
    projects,
    userDataDir: config.userDataDir,
    reviewer,
    docs,
    // The editor's language server has usually checked the project already: the review reuses its findings.
    checkedPythonFindings: (projectId, files) => lsp.checkedFindings(projectId, files),
    emitProgress: (e) => events.emit('review.progress', e),
  });
  await reviewDesk.cleanUp();
  await trust.restrict(reviewDesk.dir);
  // A save or an import killed mid-way leaves temp files and staging folders: remove stale ones, in the
  // background so a large workspace does not delay the window.
  const leftoversCleaned = cleanLeftovers({ workspaceRoot: s0.workspaceRoot, projectDirs: s0.extraProjects }).then(
    (r) => {
      for (const f of r.failed) log.warn(`Could not remove the leftover ${f.path}: ${f.message}`);
      if (r.removed.length) log.info(`Removed ${r.removed.length} leftover temp files or folders from interrupted saves and imports`);
      return r;
    },
    (e: unknown): LeftoverReport => {
      log.warn(`Cleaning leftovers of interrupted saves and imports failed: ${(e as Error).message}`);
      return { removed: [], failed: [] };
    },
  );
  const files = createFileService({ rootOf, isReadOnly: projects.isReadOnly, largeFileLimitBytes: () => largeLimit.bytes, moveToTrash: trash });
  const tools = createToolsService(settings);
  const secrets = config.secrets ?? createFileSecretStore(config.userDataDir);
  const testConfigs = createTestConfigStore(config.userDataDir, secrets);
  const publish = createPublishService({ userDataDir: config.userDataDir, secrets, validate, log: (m, x) => log.warn(m, x) });
  const publishRunner = createPublishRunner({
    publish,
    connectorDirOf: projects.connectorDirOf,
    rootOf: projects.rootOf,
    testConfigs,
    createTag: git.createTag,
    progress: (e) => events.emit('publish.progress', e),
    done: (e) => events.emit('publish.done', e),
    log: log.error,
  });
  const lsp = createLspService({
    rootOf: projects.rootOf,
    connectorDirOf: projects.connectorDirOf,
    pythonPath: async () => (await settings.get()).pythonPath,
    // The connector's virtualenv from the Environment tab, then the platform default: what its worker imports.
    extraVenvs: (dir) => environments.venvsOf(dir),
    isTrusted: trust.isTrusted,
    emit: (payload) => events.emit('lsp.diagnostics', payload),
    events,
    stubsDir: path.join(config.resourcesDir, 'python', 'stubs'),
    log: (m) => log.warn(m),
  });
  const testing = createTestRunner({
    runtime: runtime.current,
    connectorDirOf: projects.connectorDirOf,
    rootOf: projects.rootOf,
    configs: testConfigs,
    events,
    timeoutMs: () => runtime.timeoutMs(),
    isRestricted: async (projectId) => !trust.isTrusted(await projects.rootOf(projectId)),
  });
  const services: Services = {
    lsp,
    log,
    events,
    trust,
    settings: {
      get: settings.get,
      update: async (patch: Parameters<typeof settings.update>[0]) => {
        const next = await settings.update(patch);
        largeLimit.bytes = next.largeFileLimitKb * 1024;
        await runtime.refresh();
        return next;
      },
    },
    tools,
    folders: { browse: browseFolders },
    projects,
    files,
    search: createSearchService(rootOf),
    git,
    credentials,
    reviewDesk,
    authoring,
    apiImport: createApiImportDesk({
      resourcesDir: config.resourcesDir,
      git,
      projects,
      trust,
      workspaceRoot: async () => (await settings.get()).workspaceRoot,
      log: (m, x) => log.warn(m, x),
    }),
    versions,
    cloneIntoWorkspace: createWorkspaceCloner({ workspaceRoot: async () => (await settings.get()).workspaceRoot, git, trust, projects, events }),
    backup: createBackupService(config.userDataDir, (m, x) => log.warn(m, x)),
    validate,
    secrets,
    testing,
    debug: createDebugService({
      userDataDir: config.userDataDir,
      events,
      rootOf: projects.rootOf,
      connectorDirOf: projects.connectorDirOf,
      runtime: runtime.current,
      testing,
      configValues: async (projectId, id) => asReceived(await testConfigs.resolve(projectId, id), await testConfigs.find(projectId, id), 'call'),
      debugpy: core.debugpy,
      pythonDir: path.join(config.resourcesDir, 'python'),
      log: (m) => log.warn(m),
      testReplay: async (projectId, testId) => testReplayOf(await projects.rootOf(projectId), testId),
    }),
    testConfigs,
    connectorTests: createConnectorTestsService({
      rootOf: projects.rootOf,
      connectorDirOf: projects.connectorDirOf,
      resourcesDir: config.resourcesDir,
      runner: core.pytest,
      runtime: runtime.current,
      configValues: async (projectId, id) => asReceived(await testConfigs.resolve(projectId, id), await testConfigs.find(projectId, id), 'call'),
      userDataDir: config.userDataDir,
      timeoutMs: () => runtime.timeoutMs(),
    }),
    environments,
    platform: createPlatformService({ hub: core.platform, connectorDirOf: projects.connectorDirOf }),
    ingestion: createProjectIngestion({
      ingestion: ingestionFromHeadless(core),
      connectorDirOf: projects.connectorDirOf,
      configValues: async (projectId, id) => asReceived(await testConfigs.resolve(projectId, id), await testConfigs.find(projectId, id), 'call'),
    }),
    publish: { ...publish, ...publishRunner },
    localSandbox: createLocalSandbox({ userDataDir: config.userDataDir, startServer: config.startSandbox, profiles: publish, pythonCommand: core.pythonCommand, platform: environments.platformOf }),
    app: createAppService({ version: config.appVersion, mode: config.mode, userDataDir: config.userDataDir, logsDir: log.dir, settings: settings.get, tools: tools.detect, openPath: config.openPath, secretKey: secrets.keyLocation, notices: core.notices }),
    leftoversCleaned,
    dispose: async () => {
      await leftoversCleaned;
      watchers.stopAll();
      await lsp.dispose();
      await services.localSandbox.dispose();
      await services.debug.dispose();
      await services.apiImport.dispose();
      await runtime.stopAll();
      await core.dispose();
    },
  };
  log.info(`Services started (${config.mode}, workspace ${s0.workspaceRoot})`);
  return services;
}
