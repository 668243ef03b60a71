/**
 * The composition root every door shares. Each service is made here, once, from the same recipe: the desktop
 * window and browser mode get them through createServices (index.ts), which awaits them all and adds what only a
 * running app needs (file watchers, the language server, the sample install, review clean-up, the publish runner);
 * a CLI command calls createHeadlessServices and builds only what it uses, on first use.
 *
 * Every recipe loads its module on demand (`await import`), so `connector-studio validate` does not load git,
 * the runtime or the reviewer, and stays as quick to start as when it built its validator by hand.
 */
import path from 'node:path';
import { platformEnvironmentHint } from '../../shared/models/environment-hint';
import type { Logger } from './app/logger';
import type { ApiImportService } from './api-import/api-import-service';
import type { AuthoringService } from './authoring/authoring-service';
import type { DebugpyInstaller } from './debug/debugpy-install';
import type { PytestRunner } from './connector-tests/pytest-runner';
import type { DocsService } from './docs';
import { createEventBus, type EventBus } from './events';
import type { AskCredential } from './git/askpass';
import type { GitService } from './git/git-service';
import type { ProjectService } from './projects/project-service';
import type { DirectPublisher } from './publish/direct-publish';
import type { ReviewService } from './review';
import type { PlatformHub } from './platform/hub';
import type { EnvironmentDeps, EnvironmentService } from './runtime/environment-service';
import type { RuntimeHolder } from './runtime/runtime-holder';
import { defaultWorkspaceRoot } from './settings/paths';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import type { TrustService } from './trust/trust-service';
import type { ValidateService } from './validate';
import type { VersionsService } from './versions/versions-service';

export interface HeadlessConfig {
  readonly userDataDir: string;
  readonly resourcesDir: string;
  /** `--workspace DIR`: used and remembered in settings. */
  readonly workspaceOverride?: string;
  /** Where the home folder is (the default workspace); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** An interpreter that wins over Settings' (the CLI's CONNECTOR_STUDIO_PYTHON); empty: Settings decide. */
  readonly pythonOverride?: string;
  /** The app's rotating log, or the CLI's stderr. */
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Progress and results of long work for whichever door listens; a CLI command may leave it out. */
  readonly events?: EventBus;
  /** Only the app's first start writes the default settings and the initial trust list (SettingsOptions and
   * TrustOptions say why); a CLI command writes them only when it changes them. Default false. */
  readonly persistFirstStart?: boolean;
  /** How git asks for a password (the app's dialog); without it a clone that needs one fails with git's words. */
  readonly askCredential?: AskCredential;
  readonly moveToTrash?: (absPath: string) => Promise<boolean>;
  /** More of the environment service's hooks (the app's install jobs report where they end). */
  readonly environmentHooks?: Partial<Pick<EnvironmentDeps, Exclude<keyof EnvironmentDeps, 'userDataDir' | 'connectorDirOf' | 'settingsPython' | 'stopWorker' | 'emit'>>>;
  /** Where the simulated platform keeps the records and files connectors create (docs/platform-api.md):
   * `perProject`, one store per connector folder under <user data>/platform/ (the IDE); else one store for
   * everything the command runs, in `dir` (`--platform-data DIR`) or in memory (the CLI's default). */
  readonly platformData?: { readonly perProject: true } | { readonly dir?: string };
}

/** A service built on first use: the first call builds it; every later call, also while the first is running,
 * gets the same one. `started`: the one built so far, without building it. */
export type Lazy<T> = (() => Promise<T>) & { started: () => Promise<T> | undefined };

/** The services every door shares, each built on first use (settings and the event bus at once). */
export interface HeadlessServices {
  readonly config: HeadlessConfig;
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The config's bus, or one of its own that nobody listens to. */
  readonly events: EventBus;
  readonly settings: SettingsService;
  /** What went wrong reading the user's files at start (a malformed settings.json moved aside), for the UI. */
  notices(): Promise<string[]>;
  /** The interpreter for workers, venvs and pyright when a connector has none of its own (the config's override,
   * else Settings'), as a command. */
  pythonCommand(): Promise<string[]>;
  /** Settings' git, read when git runs (a change in Settings applies to the next git call). */
  gitBinary(): string;
  readonly trust: Lazy<TrustService>;
  readonly git: Lazy<GitService>;
  readonly projects: Lazy<ProjectService>;
  readonly environments: Lazy<EnvironmentService>;
  /** Refreshed from the settings once before it is handed out. */
  readonly runtime: Lazy<RuntimeHolder>;
  /** debugpy in the tools environment, installed on first use (the debugger, `run`/`health --debug`). */
  readonly debugpy: Lazy<DebugpyInstaller>;
  /** The simulated platform's stores and the endpoint the workers reach them through (config.platformData). */
  readonly platform: Lazy<PlatformHub>;
  /** pytest over a project's tests (the Tests view, `test`): pytest from the tools environment, installed on first use. */
  readonly pytest: Lazy<PytestRunner>;
  readonly validate: Lazy<ValidateService>;
  /** pyright resolves imports against the configured Python and the connector's virtualenv, as in the editor. */
  readonly reviewer: Lazy<ReviewService>;
  readonly docs: Lazy<DocsService>;
  readonly versions: Lazy<VersionsService>;
  readonly authoring: Lazy<AuthoringService>;
  /** Connectors from a vendor's API description (`new --from-openapi|--from-postman|--from-curl`). */
  readonly apiImport: Lazy<ApiImportService>;
  /** Publishing to a server named on the command line. */
  readonly publisher: Lazy<DirectPublisher>;
  /** Where the sandbox keeps its servers' data unless told otherwise. */
  readonly sandboxDataDir: string;
  /** Stops the workers a command started; the rest holds no process or handle. Once is enough. */
  dispose(): Promise<void>;
}

function once<T>(make: () => Promise<T>): Lazy<T> {
  let made: Promise<T> | undefined;
  return Object.assign(() => (made ??= make()), { started: () => made });
}

export function createHeadlessServices(config: HeadlessConfig): HeadlessServices {
  const log = config.log;
  const events = config.events ?? createEventBus();
  const settings = createSettingsService({
    userDataDir: config.userDataDir,
    defaultWorkspace: defaultWorkspaceRoot(config.env),
    workspaceOverride: config.workspaceOverride,
    persistFirstStart: config.persistFirstStart === true,
    warn: (m) => log.warn(m),
  });

  /** The interpreter for workers, venvs and pyright when a connector has none of its own. */
  async function pythonCommand(): Promise<string[]> {
    const { pythonCandidates } = await import('./settings/tool-detect');
    return pythonCandidates(config.pythonOverride || (await settings.get()).pythonPath)[0];
  }
  /** Settings' git, read when git runs (a change in Settings applies to the next git call). */
  const gitBinary = () => settings.current()?.gitPath || 'git';

  const trust = once(async (): Promise<TrustService> => {
    const [{ createTrustService, registeredProjectRoots }, { setGitTrust }] = await Promise.all([import('./trust/trust-service'), import('./git/git-runner')]);
    const s0 = await settings.get();
    const made = await createTrustService({
      userDataDir: config.userDataDir,
      initiallyTrusted: () => registeredProjectRoots(s0),
      log: (m) => log.warn(m),
      persistInitial: config.persistFirstStart === true,
    });
    // git asks on every run whether the folder's own configuration (hooks, filters) may run.
    setGitTrust(made.isTrusted);
    return made;
  });

  const git = once(async (): Promise<GitService> => {
    const [{ createGitService }] = await Promise.all([import('./git/git-service'), settings.get(), trust()]);
    return createGitService(gitBinary, { userDataDir: config.userDataDir, askCredential: config.askCredential, log: (m, x) => log.warn(m, x) });
  });

  const projects = once(async (): Promise<ProjectService> => {
    const [{ createProjectService }, { moveToTrash }, g, t] = await Promise.all([import('./projects/project-service'), import('./workspace/trash'), git(), trust()]);
    return createProjectService({ settings, git: g, moveToTrash: config.moveToTrash ?? ((p) => moveToTrash(p, (m, x) => log.warn(m, x))), isTrusted: t.isTrusted, log: (m, x) => log.warn(m, x) });
  });

  const environments = once(async (): Promise<EnvironmentService> => {
    const { createEnvironmentService } = await import('./runtime/environment-service');
    return createEnvironmentService({
      userDataDir: config.userDataDir,
      connectorDirOf: async (projectId) => (await projects()).connectorDirOf(projectId),
      settingsPython: pythonCommand,
      stopWorker: async (dir) => (await runtime()).current().stop(dir),
      emit: (e) => events.emit('runtime.installProgress', e),
      ...config.environmentHooks,
    });
  });

  const platform = once(async (): Promise<PlatformHub> => {
    const [{ createPlatformHub, storesPerFolder }, { createMemoryStore, openFolderStore }] = await Promise.all([import('./platform/hub'), import('./platform/store')]);
    const where = config.platformData ?? {};
    if ('perProject' in where) return createPlatformHub({ storeFor: storesPerFolder(path.join(config.userDataDir, 'platform')), warn: (m) => log.warn(m) });
    const shared = where.dir ? openFolderStore(where.dir) : createMemoryStore();
    return createPlatformHub({ storeFor: () => shared, warn: (m) => log.warn(m) });
  });

  const runtime = once(async (): Promise<RuntimeHolder> => {
    const [{ createRuntimeHolder }, { toolsWorkerEnv }, envs] = await Promise.all([import('./runtime/runtime-holder'), import('./runtime/python-environments'), environments()]);
    const holder = createRuntimeHolder({
      userDataDir: config.userDataDir,
      resourcesDir: config.resourcesDir,
      settings: () => settings.get(),
      pythonCommand,
      resolvePython: envs.pythonFor,
      platform: async (folder) => (await platform()).connectionFor(folder),
      warn: (m) => log.warn(m),
      env: toolsWorkerEnv(config.userDataDir),
      failureHint: (folder, message) => platformEnvironmentHint(message, folder, () => envs.kindOf(folder)),
    });
    await holder.refresh();
    return holder;
  });

  const debugpy = once(async (): Promise<DebugpyInstaller> => {
    const [{ createDebugpyInstaller }, { createPythonEnvironments }] = await Promise.all([import('./debug/debugpy-install'), import('./runtime/python-environments')]);
    return createDebugpyInstaller({ environments, pythons: createPythonEnvironments(config.userDataDir, (m) => log.warn(m)), pythonCommand });
  });

  const pytest = once(async (): Promise<PytestRunner> => {
    const [{ createPytestRunner }, { createPytestInstaller }, { createPythonEnvironments }, s] = await Promise.all([
      import('./connector-tests/pytest-runner'),
      import('./connector-tests/pytest-install'),
      import('./runtime/python-environments'),
      settings.get(),
    ]);
    const installer = createPytestInstaller({ environments, pythons: createPythonEnvironments(config.userDataDir, (m) => log.warn(m)), pythonCommand });
    return createPytestRunner({
      resourcesDir: config.resourcesDir,
      userDataDir: config.userDataDir,
      pythonFor: installer.pythonFor,
      ensurePytest: installer.ensurePytest,
      platformEnv: async (folder) => {
        const c = await (await platform()).connectionFor(folder);
        return { CS_PLATFORM_URL: c.url, CS_PLATFORM_TOKEN: c.token };
      },
      // A whole suite may run many calls: ten times one call's limit.
      timeoutMs: s.runtimeTimeoutSec * 10_000,
    });
  });

  const validate = once(async (): Promise<ValidateService> => (await import('./validate')).createValidateService());

  /** pyright resolves imports against the configured Python and the connector's virtualenv, as in the editor. */
  const reviewer = once(async (): Promise<ReviewService> => {
    const [{ createReviewService }, envs, s] = await Promise.all([import('./review'), environments(), settings.get()]);
    return createReviewService({ pyright: (dir) => ({ pythonPath: config.pythonOverride || (settings.current() ?? s).pythonPath, extraVenvs: envs.venvsOf(dir) }) });
  });

  const docs = once(async (): Promise<DocsService> => (await import('./docs')).createDocsService());

  const versions = once(async (): Promise<VersionsService> => {
    const [{ createVersionsService }] = await Promise.all([import('./versions/versions-service'), git()]);
    return createVersionsService({ gitBinary });
  });

  const authoring = once(async (): Promise<AuthoringService> => {
    const [{ createAuthoringService }, g, p, v, t] = await Promise.all([import('./authoring/authoring-service'), git(), projects(), validate(), trust()]);
    return createAuthoringService({
      resourcesDir: config.resourcesDir,
      git: g,
      projects: p,
      validate: v,
      workspaceRoot: async () => (await settings.get()).workspaceRoot,
      emit: (e) => events.emit('package.progress', e),
      trust: t,
    });
  });

  const apiImport = once(async (): Promise<ApiImportService> => {
    const [{ createApiImportService }, g] = await Promise.all([import('./api-import/api-import-service'), git()]);
    return createApiImportService({ resourcesDir: config.resourcesDir, git: g });
  });

  const publisher = once(async (): Promise<DirectPublisher> => {
    const [{ createDirectPublisher }, v] = await Promise.all([import('./publish/direct-publish'), validate()]);
    return createDirectPublisher({ userDataDir: config.userDataDir, validate: v, log: (m, x) => log.warn(m, x) });
  });

  let disposed = false;
  return {
    config,
    log,
    events,
    settings,
    notices: () => settings.notices(),
    pythonCommand,
    gitBinary,
    trust,
    git,
    projects,
    environments,
    runtime,
    debugpy,
    platform,
    pytest,
    validate,
    reviewer,
    docs,
    versions,
    authoring,
    apiImport,
    publisher,
    sandboxDataDir: path.join(config.userDataDir, 'sandbox'),
    async dispose() {
      if (disposed) return;
      disposed = true;
      // A runtime that failed to start has no workers to stop; its failure went to whoever asked for it.
      const started = runtime.started();
      const holder = started && (await started.catch((e: unknown) => log.warn(`The runtime never started: ${(e as Error).message}`)));
      await holder?.stopAll();
      const hub = platform.started();
      await (hub && (await hub.catch((e: unknown) => log.warn(`The simulated platform never started: ${(e as Error).message}`))))?.close();
    },
  };
}
