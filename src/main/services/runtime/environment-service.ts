/** A connector's Python environment: its interpreter (Settings by default, or its own) and its virtualenv.
 * Both live in the user data folder under `environments/<hash of the connector folder>/`, never in the project:
 * the project is shared through git and .tgz files, and a venv is machine-specific. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  PLATFORM_LIBRARIES,
  type InstallOutcome,
  type InstallProgressEvent,
  type LastInstall,
  type PlatformRequirement,
  type RuntimeEnvironment,
} from '../../../shared/models/environment';
import type { JobDone, JobStarted } from '../../../shared/ipc/contract';
import { ServiceError } from '../errors';
import { createJobRegistry } from '../jobs';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { readJsonFile } from '../workspace/json-file';
import { askPython, probeInterpreter } from './interpreters';
import { venvPython } from './venv-python';
import { installConnectorVenv, requirementLines } from './venv-service';

export interface EnvironmentDeps {
  userDataDir: string;
  connectorDirOf: (projectId: string) => Promise<string>;
  /** The Settings interpreter as a command (e.g. `['python3']`). */
  settingsPython: () => Promise<string[]>;
  /** Stops the connector's worker: the next call starts one with the new interpreter. */
  stopWorker: (connectorDir: string) => Promise<void>;
  emit: (e: InstallProgressEvent) => void;
  /** Where an install started with startInstall ends (the UI's `runtime.installDone`); the CLI never starts one. */
  done?: (e: JobDone<InstallOutcome>) => void;
  log?: (msg: string, extra?: unknown) => void;
}

interface Prefs {
  interpreter?: string;
  lastInstall?: LastInstall;
}

/** Packages in the venv's own site-packages, and the platform libraries the interpreter can import. */
const PACKAGES_SCRIPT = `import importlib.metadata as m, importlib.util as u, sysconfig, json, sys
own = {d.metadata['Name']: d.version for d in m.distributions(path=[sysconfig.get_paths()['purelib']])} if sys.prefix != sys.base_prefix else {}
libs = {}
for mod, dist in ${JSON.stringify(PLATFORM_LIBRARIES.map((l) => [l.module, l.requirement]))}:
    if u.find_spec(mod) is None: continue
    try: libs[mod] = m.version(dist)
    except Exception: libs[mod] = ''
print(json.dumps({'own': own, 'libs': libs}))`;

/** A connector's interpreter and virtualenv, as the Environment tab and the runtime see them. */
export interface EnvironmentService {
  /** The interpreter, venv, installed packages and requirements of the project's connector. */
  environment(projectId: string): Promise<RuntimeEnvironment>;
  /** The connector's own interpreter ('' goes back to Settings); VALIDATION when it does not run as Python. A venv
   * made by another interpreter is removed: its python would still be the old one. */
  setInterpreter(projectId: string, interpreter: string): Promise<RuntimeEnvironment>;
  /** CONFLICT while an install runs for the connector. */
  removeVenv(projectId: string): Promise<RuntimeEnvironment>;
  /** Builds the venv from requirements.txt plus `extras` and waits for the outcome (the CLI, tests). */
  install(projectId: string, runId: string, extras?: PlatformRequirement[]): Promise<InstallOutcome>;
  /** The UI's install: answers at once (CONFLICT while this connector's install runs); the outcome comes as
   * the deps' `done`, progress as `emit`. */
  startInstall(projectId: string, runId: string, extras?: PlatformRequirement[]): Promise<JobStarted>;
  /** For the runtime: the venv's python, else the connector's chosen interpreter, else undefined (Settings'). */
  pythonFor(connectorDir: string): Promise<string[] | undefined>;
  /** Where the connector's virtualenv lives (in the user data folder), whether or not it exists. */
  venvOf(connectorDir: string): string;
}

const LOG_CAP = 256 * 1024;
const splitCommand = (s: string) => s.trim().split(/\s+/);

export function createEnvironmentService(deps: EnvironmentDeps): EnvironmentService {
  const dirOf = (connectorDir: string) =>
    path.join(deps.userDataDir, 'environments', createHash('sha1').update(path.resolve(connectorDir)).digest('hex').slice(0, 16));
  const venvOf = (connectorDir: string) => path.join(dirOf(connectorDir), 'venv');
  const prefsFile = (connectorDir: string) => path.join(dirOf(connectorDir), 'environment.json');
  const prefsCache = new Map<string, Prefs>();
  // One install per connector folder at a time: two pips rebuilding the same venv would break it.
  const installs = createJobRegistry<InstallOutcome>({
    busyMessage: 'Dependencies are already being installed for this connector; wait for that install to finish.',
    done: (e) => deps.done?.(e),
    log: deps.log,
  });
  const installing = (connectorDir: string) => installs.isRunning(path.resolve(connectorDir));

  async function prefsOf(connectorDir: string): Promise<Prefs> {
    const file = prefsFile(connectorDir);
    let prefs = prefsCache.get(file);
    if (!prefs) prefsCache.set(file, (prefs = await readJsonFile<Prefs>(file, {})));
    return prefs;
  }

  async function savePrefs(connectorDir: string, patch: Partial<Prefs>): Promise<void> {
    const next = { ...(await prefsOf(connectorDir)), ...patch };
    await writeJsonAtomic(prefsFile(connectorDir), next);
    prefsCache.set(prefsFile(connectorDir), next);
  }

  /** The interpreter that builds the venv: the connector's own choice, or the Settings one. */
  async function baseCommand(connectorDir: string): Promise<string[]> {
    const chosen = (await prefsOf(connectorDir)).interpreter;
    return chosen ? splitCommand(chosen) : deps.settingsPython();
  }

  /** For the runtime: the venv's python when there is a venv, else the connector's choice, else undefined
   * (the runtime's default, from Settings). Called before every worker call, so it only reads a cache and stats. */
  async function pythonFor(connectorDir: string): Promise<string[] | undefined> {
    const venv = venvPython(venvOf(connectorDir));
    if (!installing(connectorDir) && existsSync(venv)) return [venv];
    const chosen = (await prefsOf(connectorDir)).interpreter;
    return chosen ? splitCommand(chosen) : undefined;
  }

  async function describe(connectorDir: string): Promise<RuntimeEnvironment> {
    const prefs = await prefsOf(connectorDir);
    const venvDir = venvOf(connectorDir);
    const hasVenv = existsSync(venvPython(venvDir));
    const settings = await deps.settingsPython();
    const command = hasVenv ? [venvPython(venvDir)] : prefs.interpreter ? splitCommand(prefs.interpreter) : settings;
    const [info, probe, requirements] = await Promise.all([
      probeInterpreter(command),
      askPython<{ own: Record<string, string>; libs: Record<string, string> }>(command, PACKAGES_SCRIPT),
      requirementLines(connectorDir),
    ]);
    return {
      interpreter: { ...info, source: hasVenv ? 'venv' : prefs.interpreter ? 'connector' : 'settings' },
      selected: prefs.interpreter ?? '',
      settingsInterpreter: settings.join(' '),
      venv: { exists: hasVenv, path: venvDir, ...(hasVenv ? { python: venvPython(venvDir) } : {}) },
      packages: Object.entries(probe?.own ?? {}).map(([name, version]) => ({ name, version })).sort((a, b) => a.name.localeCompare(b.name)),
      requirements,
      hasPackagesDir: existsSync(path.join(connectorDir, 'packages')),
      platformLibraries: PLATFORM_LIBRARIES.map((l) => ({ ...l, ...(probe?.libs[l.module] !== undefined ? { installedVersion: probe.libs[l.module] } : {}) })),
      ...(prefs.lastInstall ? { lastInstall: prefs.lastInstall } : {}),
    };
  }

  async function environment(projectId: string): Promise<RuntimeEnvironment> {
    return describe(await deps.connectorDirOf(projectId));
  }

  /** '' goes back to Settings. A venv made by another interpreter is removed: its python would still be the old one. */
  async function setInterpreter(projectId: string, interpreter: string): Promise<RuntimeEnvironment> {
    const dir = await deps.connectorDirOf(projectId);
    const next = interpreter.trim();
    if (next) {
      const probe = await probeInterpreter(splitCommand(next));
      if (!probe.found) throw new ServiceError('VALIDATION', `"${next}" does not run as a Python interpreter. Pick one of the detected interpreters or give a full path.`);
    }
    if (next !== ((await prefsOf(dir)).interpreter ?? '')) {
      await deps.stopWorker(dir);
      await rm(venvOf(dir), { recursive: true, force: true });
      await savePrefs(dir, { interpreter: next || undefined });
    }
    return describe(dir);
  }

  async function removeVenv(projectId: string): Promise<RuntimeEnvironment> {
    const dir = await deps.connectorDirOf(projectId);
    if (installing(dir)) throw new ServiceError('CONFLICT', 'Dependencies are being installed; wait for the install to finish.');
    await deps.stopWorker(dir);
    await rm(venvOf(dir), { recursive: true, force: true });
    return describe(dir);
  }

  /** Installs and waits for the outcome (the CLI, tests). */
  async function install(projectId: string, runId: string, extras: PlatformRequirement[] = []): Promise<InstallOutcome> {
    const dir = await deps.connectorDirOf(projectId);
    return installs.run(path.resolve(dir), () => installInto(dir, runId, extras), () => deps.stopWorker(dir));
  }

  /** The UI's install: answers at once (CONFLICT while this connector's install runs); the outcome comes as `done`. */
  async function startInstall(projectId: string, runId: string, extras: PlatformRequirement[] = []): Promise<JobStarted> {
    const dir = await deps.connectorDirOf(projectId);
    return installs.start(path.resolve(dir), runId, () => installInto(dir, runId, extras), () => deps.stopWorker(dir));
  }

  /** Afterwards (once the venv counts as there again) install and startInstall stop its worker: the next call
   * starts from the new venv. */
  async function installInto(dir: string, runId: string, extras: PlatformRequirement[]): Promise<InstallOutcome> {
    await deps.stopWorker(dir); // the worker must not run from a venv being rebuilt
    const wanted = [...(await requirementLines(dir)), ...extras];
    // The log the user sees is every line streamed: pip's and ours ("Creating a virtualenv", "Installing 2 ...").
    let log = '';
    const progress = progressTracker(wanted, (line, fraction) => {
      log = (log + line + '\n').slice(-LOG_CAP);
      deps.emit({ runId, line, fraction });
    });
    const r = await installConnectorVenv(dir, venvOf(dir), { python: await baseCommand(dir), extra: extras, onLine: progress });
    const lastInstall: LastInstall = { at: new Date().toISOString(), status: r.status, message: r.message, failed: r.failed, extras };
    await savePrefs(dir, { lastInstall });
    deps.emit({ runId, line: r.message, fraction: 1 });
    return { status: r.status, message: r.message, failed: r.failed, log, environment: await describe(dir) };
  }

  return { environment, setInterpreter, removeVenv, install, startInstall, pythonFor, venvOf };
}

/** A rough fraction from pip's lines: the venv is 10%, each requirement pip collects (or finds satisfied) moves
 * it on, capped at the number asked for (dependencies are collected too), and installing them is 90%. */
export function progressTracker(wanted: string[], emit: (line: string, fraction: number) => void): (line: string) => void {
  let fraction = 0;
  let collected = 0;
  const total = Math.max(1, wanted.length);
  return (line) => {
    if (/^Creating a virtualenv/.test(line)) fraction = 0.05;
    else if (/^Installing \d+ requirement/.test(line)) fraction = 0.1;
    else if (/^\s*(Collecting|Processing|Requirement already satisfied:) /.test(line) && collected < total) fraction = 0.1 + (0.7 * ++collected) / total;
    else if (/^Installing collected packages/.test(line)) fraction = 0.9;
    emit(line, Math.round(fraction * 100) / 100);
  };
}
