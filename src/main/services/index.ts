import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from './errors';
import { resolveInside } from './workspace/safe-path';
import { createAppService } from './app/app-service';
import { createAuthoringService } from './authoring/authoring-service';
import { createLogger, type Logger } from './app/logger';
import { createBackupService } from './backup/backup-service';
import { createEventBus } from './events';
import { createCredentialBroker } from './git/credential-broker';
import { withGitProgress } from './git/git-progress';
import { setGitTrust } from './git/git-runner';
import { createGitService } from './git/git-service';
import { createTrustService, registeredProjectRoots } from './trust/trust-service';
import { createProjectService } from './projects/project-service';
import { createPublishService } from './publish/publish-service';
import { createPublishRunner } from './publish/publish-run';
import { installSamples } from './projects/sample-installer';
import { defaultWorkspaceRoot } from './settings/paths';
import { loginShellPath } from './settings/tool-detect';
import { createSettingsService } from './settings/settings-service';
import type { Settings } from '../../shared/models/settings';
import { createRuntimeService } from './runtime';
import { createEnvironmentService } from './runtime/environment-service';
import type { PythonResolver } from './runtime/runtime-service';
import type { RuntimeService } from './runtime/types';
import { createFileSecretStore } from './secrets/file-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { pythonCandidates } from './settings/tool-detect';
import { createTestConfigStore } from './testconfig/test-config-store';
import { createTestRunner } from './testconfig/test-runner';
import { createReviewDesk } from './reviewdesk/review-desk';
import { createToolsService } from './tools-service';
import { createValidateService } from './validate';
import { createVersionsService } from './versions/versions-service';
import { createLspService } from './lsp';
import { createFileService } from './workspace/file-service';
import { browseFolders } from './workspace/folder-browser';
import { createSearchService } from './workspace/search-service';
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
}

/** Builds every service from explicit dependencies; no service imports electron. */
export async function createServices(config: ServicesConfig) {
  const log: Logger = createLogger(path.join(config.userDataDir, 'logs'), config.echoLogs);
  const shellPath = await loginShellPath();
  if (shellPath) process.env.PATH = shellPath;
  const events = createEventBus();
  const trash = config.moveToTrash ?? systemTrash;
  const settings = createSettingsService({ userDataDir: config.userDataDir, defaultWorkspace: defaultWorkspaceRoot(), workspaceOverride: config.workspaceOverride });
  const s0 = await settings.load();
  const trust = await createTrustService({
    userDataDir: config.userDataDir,
    initiallyTrusted: () => registeredProjectRoots(s0),
    log: (m) => log.warn(m),
  });
  setGitTrust(trust.isTrusted);
  const credentials = createCredentialBroker(events);
  const gitBinary = () => settings.current()?.gitPath || 'git';
  const git = createGitService(gitBinary, { userDataDir: config.userDataDir, askCredential: credentials.ask });
  if (await settings.isFirstStart()) {
    const samples = await installSamples({ samplesDir: path.join(config.resourcesDir, 'samples'), workspaceRoot: s0.workspaceRoot, git, log: log.warn });
    for (const root of samples) await trust.trust(root);
  }
  const projects = createProjectService({ settings, git, moveToTrash: trash, isTrusted: trust.isTrusted });
  const environments = createEnvironmentService({
    userDataDir: config.userDataDir,
    connectorDirOf: projects.connectorDirOf,
    settingsPython: async () => pythonCandidates((await settings.get()).pythonPath)[0],
    stopWorker: (dir) => runtime.current().stop(dir),
    emit: (e) => events.emit('runtime.installProgress', e),
    done: (e) => events.emit('runtime.installDone', e),
    log: log.error,
  });
  const runtime = createRuntimeHolder(config, () => settings.get(), environments.pythonFor);
  const watchers = createWatcherPool((projectId, relPaths) => {
    events.emit('files.changed', { projectId, relPaths });
    // Saved or external edits apply to the next test run without restarting the worker.
    if (relPaths.some((p) => p.endsWith('.py') || p.endsWith('info.json')))
      projects.connectorDirOf(projectId).then((dir) => runtime.current().reload(dir), () => undefined);
  });
  const rootOf = async (projectId: string) => {
    const root = await projects.rootOf(projectId);
    watchers.watchProject(projectId, root);
    return root;
  };
  const largeLimit = { bytes: s0.largeFileLimitKb * 1024 };
  const reviewDesk = createReviewDesk({ projects, userDataDir: config.userDataDir });
  await reviewDesk.cleanUp();
  await trust.restrict(reviewDesk.dir);
  const files = createFileService({ rootOf, isReadOnly: projects.isReadOnly, largeFileLimitBytes: () => largeLimit.bytes, moveToTrash: trash });
  const tools = createToolsService(settings);
  const validate = createValidateService();
  const secrets = config.secrets ?? createFileSecretStore(config.userDataDir);
  const testConfigs = createTestConfigStore(config.userDataDir, secrets);
  await runtime.refresh();
  const publish = createPublishService({ userDataDir: config.userDataDir, secrets, validate });
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
    // The connector's virtualenv from the Environment tab, so pyright resolves what was installed there.
    extraVenvs: (dir) => [environments.venvOf(dir)],
    isTrusted: trust.isTrusted,
    emit: (payload) => events.emit('lsp.diagnostics', payload),
    events,
    stubsDir: path.join(config.resourcesDir, 'python', 'stubs'),
    log: (m) => log.warn(m),
  });
  const services = {
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
    authoring: createAuthoringService({
      resourcesDir: config.resourcesDir,
      git,
      projects,
      validate,
      workspaceRoot: async () => (await settings.get()).workspaceRoot,
      emit: (e) => events.emit('package.progress', e),
      trust,
    }),
    versions: createVersionsService({ gitBinary }),
    /** Clones into the workspace, then registers the result as a project. */
    cloneIntoWorkspace: async (url: string, name?: string) => {
      const { workspaceRoot } = await settings.get();
      const folder = name ?? (url.replace(/\/+$/, '').split(/[/:]/).pop() ?? 'repository').replace(/\.git$/, '');
      if (!/^[A-Za-z0-9._-]+$/.test(folder) || /^\.+$/.test(folder)) throw new ServiceError('VALIDATION', `Cannot name a folder after "${url}": give the clone a name.`);
      await mkdir(workspaceRoot, { recursive: true });
      const dest = await resolveInside(workspaceRoot, folder);
      // A clone is someone else's code: restricted until the user trusts it.
      await trust.restrict(dest);
      await withGitProgress(events, `git:clone:${folder}`, `Cloning ${url}`, (net) => git.clone(url, dest, net));
      return projects.open(dest);
    },
    backup: createBackupService(config.userDataDir),
    validate,
    secrets,
    testing: createTestRunner({
      runtime: runtime.current,
      connectorDirOf: projects.connectorDirOf,
      rootOf: projects.rootOf,
      configs: testConfigs,
      events,
      timeoutMs: () => runtime.timeoutMs(),
      isRestricted: async (projectId) => !trust.isTrusted(await projects.rootOf(projectId)),
    }),
    testConfigs,
    environments,
    publish: { ...publish, ...publishRunner },
    app: createAppService({ version: config.appVersion, mode: config.mode, userDataDir: config.userDataDir, logsDir: log.dir, settings: settings.get, tools: tools.detect, openPath: config.openPath, secretKey: secrets.keyLocation }),
    dispose: async () => {
      watchers.stopAll();
      await lsp.dispose();
      await runtime.current().stopAll();
    },
  };
  log.info(`Services started (${config.mode}, workspace ${s0.workspaceRoot})`);
  return services;
}

export type Services = Awaited<ReturnType<typeof createServices>>;

/** One runtime for the configured interpreter and memory limit; a change of either stops the old workers and
 * starts afresh. */
function createRuntimeHolder(config: ServicesConfig, settings: () => Promise<Pick<Settings, 'pythonPath' | 'runtimeTimeoutSec' | 'workerMemoryLimitMb'>>, resolvePython?: PythonResolver) {
  let key = '';
  let timeoutSec = 60;
  let runtime: RuntimeService | null = null;
  return {
    current: (): RuntimeService => runtime as RuntimeService,
    timeoutMs: () => timeoutSec * 1000,
    async refresh() {
      const s = await settings();
      timeoutSec = s.runtimeTimeoutSec;
      const command = pythonCandidates(s.pythonPath)[0];
      const next = `${command.join(' ')}\0${s.workerMemoryLimitMb}`;
      if (runtime && next === key) return;
      await runtime?.stopAll();
      key = next;
      runtime = createRuntimeService({
        pythonCommand: command,
        timeoutMs: timeoutSec * 1000,
        memoryLimitMb: s.workerMemoryLimitMb,
        dataDir: path.join(config.userDataDir, 'runtime'),
        runnerPath: path.join(config.resourcesDir, 'python', 'runner.py'),
        resolvePython,
      });
    },
  };
}
