import { app, shell } from 'electron';
import path from 'node:path';
import { findAppRoot } from '../app-root';
import { startSandbox } from '../sandbox/server';
import { createServices, type Services } from '../services';
import { defaultUserDataDir } from '../services/settings/paths';
import { sendDesktopEvent } from './desktop-events';
import { openFolderFromDialog } from './dialogs';
import { forwardServiceEvents, registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { openInWindow, openTargetFromArgs, workspaceFromArgs, type OpenTarget } from './open-request';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSafeStorageSecrets, type DesktopSecretStore } from './secrets';
import { installSecurityHandlers } from './security';
import { acquireSingleInstance, currentLaunch, onSecondInstance, type LaunchData } from './single-instance';
import { createMainWindow, focusWindow, targetWindow } from './window';
import { wasmBaselineJsFlags } from '../../shared/wasm-baseline-flags';

export interface ShellPaths {
  readonly rendererDir: string;
  readonly preloadPath: string;
  readonly resourcesDir: string;
}

/** Packaged: out/** sits in app.asar and resources/ is an extraResource next to it. Unpackaged: the repo. */
export function shellPaths(): ShellPaths {
  const appRoot = app.isPackaged ? app.getAppPath() : findAppRoot(__dirname);
  return {
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    preloadPath: path.join(appRoot, 'out', 'preload', 'index.cjs'),
    resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources'),
  };
}

export interface DesktopApp {
  readonly services: Services;
  readonly secrets: DesktopSecretStore;
  /** Settles when a routed open request (second launch, macOS open-file) has been handled; for tests. */
  route(target: OpenTarget | null): Promise<void>;
}

async function startServices(paths: ShellPaths, launch: LaunchData, userDataDir: string, secrets: DesktopSecretStore): Promise<Services> {
  return createServices({
    userDataDir,
    secrets,
    resourcesDir: paths.resourcesDir,
    appVersion: app.getVersion(),
    mode: 'desktop',
    workspaceOverride: workspaceFromArgs(launch.args, launch.cwd),
    openPath: async (p) => (await shell.openPath(p)) === '', // openPath resolves to an error message, '' on success
    moveToTrash: async (p) => (await shell.trashItem(p), true),
    startSandbox,
  });
}

function wireWindows(services: Services, paths: ShellPaths): () => void {
  const newWindow = () => createMainWindow({ preloadPath: paths.preloadPath });
  const unregister = registerIpcHandlers(services);
  const unforward = forwardServiceEvents(services);
  serveRenderer(paths.rendererDir);
  installAppMenu(
    {
      send: (command) => void sendDesktopEvent(targetWindow(), 'menu.command', { command }),
      openFolder: () => void openFolderFromDialog(services, targetWindow()).catch((e) => services.log.error('Open Folder failed', e)),
      newWindow: () => void newWindow(),
    },
    { platform: process.platform, isPackaged: app.isPackaged },
  );
  app.on('activate', () => targetWindow() ?? newWindow()); // macOS: clicking the dock icon with no window open
  return () => (unforward(), unregister());
}

/** Python workers and watchers must stop before the process exits, and stopping them is asynchronous. */
function disposeOnQuit(services: Services, unwire: () => void): void {
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    disposed = true;
    event.preventDefault();
    unwire();
    void Promise.resolve(services.dispose())
      .catch((e) => services.log.error('Shutting down the services failed', e))
      .finally(() => app.quit());
  });
}

/** Runs the desktop app; resolves to null when another instance already runs (this one then quits). */
export async function runDesktopApp(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ShellPaths> = {}): Promise<DesktopApp | null> {
  registerAppScheme();
  installSecurityHandlers();
  // Renderers lint Python with ruff's WebAssembly: compile it like the Node side does (before 'ready', when
  // Chromium reads its switches).
  app.commandLine.appendSwitch('js-flags', wasmBaselineJsFlags());
  // The CLI and browser mode use the same folder, so settings, projects and secrets are shared by all doors.
  const userDataDir = defaultUserDataDir(env);
  app.setPath('userData', userDataDir);
  const launch = currentLaunch();
  if (!acquireSingleInstance(env)) {
    app.quit();
    return null;
  }
  let resolveStarted: (s: { services: Services; paths: ShellPaths }) => void = () => {};
  const started = new Promise<{ services: Services; paths: ShellPaths }>((r) => (resolveStarted = r));
  // Open requests can arrive before the services exist (macOS open-file comes before 'ready'): they wait.
  const route = async (target: OpenTarget | null) => {
    const { services, paths } = await started;
    const win = targetWindow() ?? createMainWindow({ preloadPath: paths.preloadPath });
    focusWindow(win);
    if (target) await openInWindow(services, target, win);
  };
  // Requests from the OS nobody awaits: a failure to open one goes to the log.
  const routeLogged = (target: OpenTarget | null) =>
    void route(target).catch(async (e: unknown) => (await started).services.log.error('Opening the requested folder or package failed', e));
  onSecondInstance(routeLogged);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    routeLogged(openTargetFromArgs([file], launch.cwd));
  });
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());

  await app.whenReady();
  const paths = { ...shellPaths(), ...overrides };
  // Not the CLI's secrets.json: the CLI cannot reach the keychain, so each keeps its own file in the same folder.
  const secrets = createSafeStorageSecrets(path.join(userDataDir, 'desktop-secrets.json'));
  const services = await startServices(paths, launch, userDataDir, secrets);
  const unwire = wireWindows(services, paths);
  const status = secrets.status();
  if (status.warning) services.log.warn(status.warning);
  disposeOnQuit(services, unwire);
  resolveStarted({ services, paths });
  const first = openTargetFromArgs(launch.args, launch.cwd);
  await route(first);
  return { services, secrets, route };
}
