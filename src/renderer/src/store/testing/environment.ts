import type { InstallOutcome, InterpreterInfo, PlatformRequirement, RuntimeEnvironment } from '../../../../shared/models/environment';
import { messageOf } from '../../api/api-error';
import { call, onEvent } from '../../api/client';
import { runJob } from '../../api/jobs';
import { toastError } from '../app/store';
import { createStore } from '../create-store';

/** One install (the connector's dependencies, or the platform default): live pip lines while it runs, then pip's
 * whole log. */
export interface InstallRun {
  readonly runId: string;
  /** What it installs: the connector's venv, or the platform default shared by connectors without one. */
  readonly target: 'dependencies' | 'platform';
  readonly running: boolean;
  readonly fraction: number;
  readonly lines: string[];
  readonly outcome?: InstallOutcome;
  readonly error?: string;
}

interface EnvironmentState {
  projectId: string | null;
  env: RuntimeEnvironment | null;
  /** Pythons found on PATH; null until detected. */
  interpreters: InterpreterInfo[] | null;
  loading: boolean;
  error: string | null;
  /** Platform libraries ticked to install besides requirements.txt. */
  extras: PlatformRequirement[];
  install: InstallRun | null;
  logOpen: boolean;
}

interface EnvironmentAction {
  open(projectId: string): Promise<void>;
  reload(): Promise<void>;
  detectInterpreters(): Promise<void>;
  setInterpreter(interpreter: string): Promise<void>;
  toggleExtra(requirement: PlatformRequirement, on: boolean): void;
  installDependencies(): Promise<void>;
  /** Makes (or remakes) the platform default for the connector's interpreter. */
  createPlatform(): Promise<void>;
  removeVenv(): Promise<void>;
  setLogOpen(open: boolean): void;
}

const INITIAL: EnvironmentState = { projectId: null, env: null, interpreters: null, loading: false, error: null, extras: [], install: null, logOpen: false };
const MAX_LINES = 2000;
let runCounter = 0;

/** The Test view's Environment tab: the connector's interpreter and its virtualenv (services/runtime/environment-service). */
export const useEnvironmentStore = createStore<EnvironmentState & EnvironmentAction>('testing-environment', (set, get) => {
  /** Runs a request that answers with the environment; its failure shows as the panel's error. */
  async function withEnv(action: string, request: () => Promise<RuntimeEnvironment>): Promise<void> {
    const projectId = get().projectId;
    set({ loading: true, error: null }, false, `${action}/start`);
    try {
      const env = await request();
      if (get().projectId === projectId) set({ env, loading: false }, false, `${action}/done`);
    } catch (e) {
      if (get().projectId === projectId) set({ error: messageOf(e), loading: false }, false, `${action}/failed`);
    }
  }

  /** One install job, its pip lines as progress; only one runs at a time from this tab. */
  async function runInstall(target: InstallRun['target']): Promise<void> {
    const projectId = get().projectId!;
    const runId = `install-${Date.now().toString(36)}-${(runCounter++).toString(36)}`;
    set({ install: { runId, target, running: true, fraction: 0, lines: [] }, error: null }, false, 'install/start');
    const update = (patch: Partial<InstallRun>) => {
      const run = get().install;
      if (run?.runId === runId && get().projectId === projectId) set({ install: { ...run, ...patch } }, false, 'install/progress');
    };
    const off = onEvent('runtime.installProgress', (e) => {
      if (e.runId === runId) update({ fraction: e.fraction, lines: [...(get().install?.lines ?? []), e.line].slice(-MAX_LINES) });
    });
    try {
      const outcome = await (target === 'platform'
        ? runJob('runtime.createPlatformEnvironment', { projectId, runId })
        : runJob('runtime.installDependencies', { projectId, runId, extras: get().extras }));
      update({ running: false, fraction: 1, outcome });
      if (get().projectId === projectId) set({ env: outcome.environment, logOpen: get().logOpen || outcome.status === 'Failed' }, false, 'install/done');
    } catch (e) {
      update({ running: false, error: messageOf(e) });
    } finally {
      off();
    }
  }

  return {
    ...INITIAL,
    open: async (projectId) => {
      if (get().projectId !== projectId) set({ ...INITIAL, projectId }, false, 'open');
      await get().reload();
      if (get().env?.lastInstall && !get().install) set({ extras: [...get().env!.lastInstall!.extras] }, false, 'open/extras');
    },
    reload: () => withEnv('reload', () => call('runtime.environment', { projectId: get().projectId! })),
    detectInterpreters: async () => {
      const interpreters = (await call('runtime.interpreters', {}).catch(toastError)) ?? [];
      set({ interpreters }, false, 'detectInterpreters');
    },
    setInterpreter: (interpreter) => withEnv('setInterpreter', () => call('runtime.setInterpreter', { projectId: get().projectId!, interpreter })),
    toggleExtra: (requirement, on) => {
      const rest = get().extras.filter((r) => r !== requirement);
      set({ extras: on ? [...rest, requirement] : rest }, false, 'toggleExtra');
    },
    installDependencies: () => runInstall('dependencies'),
    createPlatform: () => runInstall('platform'),
    removeVenv: () => withEnv('removeVenv', () => call('runtime.removeEnvironment', { projectId: get().projectId! })),
    setLogOpen: (logOpen) => set({ logOpen }, false, 'setLogOpen'),
  };
});
