/** A connector's Python environment: its interpreter (Settings by default, or its own), its virtualenv, and the
 * platform default it runs on when it has none (python-environments.ts defines the three kinds). The connector's
 * live in the user data folder under `environments/<hash of the connector folder>/`, never in the project: the
 * project is shared through git and .tgz files, and a venv is machine-specific. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  PLATFORM_LIBRARIES,
  type EnvironmentKind,
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
import { createPythonEnvironments, platformSitePackages, platformVenv, type PlatformCreation } from './python-environments';
import { venvPython } from './venv-python';
import { installConnectorVenv, makeConnectorVenv, requirementLines } from './venv-service';

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
  /** Makes (or remakes) the platform default for the connector's interpreter, as a job like startInstall
   * (CONFLICT while it is being made); the outcome describes this connector's environment afterwards. */
  startCreatePlatform(projectId: string, runId: string): Promise<JobStarted>;
  /** The same operations by connector folder: the CLI has folders, not projects. */
  environmentOf(connectorDir: string): Promise<RuntimeEnvironment>;
  /** Makes the connector's venv, empty, unless it exists (then nothing changes). */
  createVenvIn(connectorDir: string, runId: string): Promise<InstallOutcome>;
  installIn(connectorDir: string, runId: string, extras?: PlatformRequirement[]): Promise<InstallOutcome>;
  createPlatformFor(connectorDir: string, runId: string): Promise<InstallOutcome>;
  /** Installs the IDE's tools (python-environments TOOLS_PACKAGES) for the connector's Python version. */
  installToolsFor(connectorDir: string, runId: string): Promise<InstallOutcome>;
  /** For the runtime: the venv's python, else the platform default's for the interpreter's version, else the
   * connector's chosen interpreter, else undefined (Settings'). */
  pythonFor(connectorDir: string): Promise<string[] | undefined>;
  /** Which kind of environment the connector's worker runs on, as pythonFor picks it, without probing the
   * interpreter's packages (environmentOf does). */
  kindOf(connectorDir: string): Promise<EnvironmentKind>;
  /** Where the connector's virtualenv lives (in the user data folder), whether or not it exists. */
  venvOf(connectorDir: string): string;
  /** The venvs whose packages the connector's code may import, in the worker's order, for pyright: its own, then
   * the platform default (of its interpreter's version once known, else every one made). */
  venvsOf(connectorDir: string): string[];
  /** The platform default for an interpreter, for the sandbox: its python once it is made, and the site-packages
   * a connector venv sees behind its own (whether or not made yet). */
  platformOf(python: string[]): Promise<PlatformRef>;
}

export interface PlatformRef {
  readonly python?: string;
  readonly sitePackages?: string;
}

const LOG_CAP = 256 * 1024;
const splitCommand = (s: string) => s.trim().split(/\s+/);

export function createEnvironmentService(deps: EnvironmentDeps): EnvironmentService {
  const dirOf = (connectorDir: string) =>
    path.join(deps.userDataDir, 'environments', createHash('sha1').update(path.resolve(connectorDir)).digest('hex').slice(0, 16));
  const venvOf = (connectorDir: string) => path.join(dirOf(connectorDir), 'venv');
  const prefsFile = (connectorDir: string) => path.join(dirOf(connectorDir), 'environment.json');
  const prefsCache = new Map<string, Prefs>();
  const pythons = createPythonEnvironments(deps.userDataDir, deps.log);
  // One install per connector folder at a time: two pips rebuilding the same venv would break it. The shared
  // environments (platform default, tools) are keyed by their folder, so two connectors cannot make one twice.
  const installs = createJobRegistry<InstallOutcome>({
    busyMessage: 'Dependencies are already being installed for this connector (or its platform default is being made); wait for that to finish.',
    done: (e) => deps.done?.(e),
    log: deps.log,
  });
  const installing = (connectorDir: string) => installs.isRunning(path.resolve(connectorDir));
  const platformKey = (version: string | undefined) => `platform:${version ?? ''}`;
  /** The Python version of each connector's interpreter as last seen, for the synchronous venvsOf. */
  const lastVersion = new Map<string, string>();

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

  /** The interpreter that builds the venvs: the connector's own choice, or the Settings one. */
  async function baseCommand(connectorDir: string): Promise<string[]> {
    const chosen = (await prefsOf(connectorDir)).interpreter;
    return chosen ? splitCommand(chosen) : deps.settingsPython();
  }

  /** The platform default's python for the base interpreter's version, when it is made and not being remade. */
  async function platformPython(base: string[]): Promise<string | undefined> {
    const version = await pythons.versionOf(base);
    return installs.isRunning(platformKey(version)) ? undefined : pythons.readyPlatformPython(version);
  }

  /** For the runtime: the venv's python when there is a venv, else the platform default's, else the connector's
   * choice, else undefined (the runtime's default, from Settings). Called before every worker call, so it only
   * reads caches and stats (the interpreter's version is asked once). */
  async function pythonFor(connectorDir: string): Promise<string[] | undefined> {
    const venv = venvPython(venvOf(connectorDir));
    if (!installing(connectorDir) && existsSync(venv)) return [venv];
    const chosen = (await prefsOf(connectorDir)).interpreter;
    const platform = existsSync(path.join(deps.userDataDir, 'platform-env')) ? await platformPython(await baseCommand(connectorDir)) : undefined;
    if (platform) return [platform];
    return chosen ? splitCommand(chosen) : undefined;
  }

  async function kindOf(connectorDir: string): Promise<EnvironmentKind> {
    if (!installing(connectorDir) && existsSync(venvPython(venvOf(connectorDir)))) return 'connector';
    const platform = existsSync(path.join(deps.userDataDir, 'platform-env')) ? await platformPython(await baseCommand(connectorDir)) : undefined;
    return platform ? 'platform' : 'interpreter';
  }

  /** `finishing`: the key of the job that calls this as its last step, so the environment it made counts. */
  async function describe(connectorDir: string, finishing?: string): Promise<RuntimeEnvironment> {
    const prefs = await prefsOf(connectorDir);
    const venvDir = venvOf(connectorDir);
    const hasVenv = existsSync(venvPython(venvDir));
    const settings = await deps.settingsPython();
    const base = prefs.interpreter ? splitCommand(prefs.interpreter) : settings;
    const version = await pythons.versionOf(base);
    if (version) lastVersion.set(path.resolve(connectorDir), version);
    const [platform, tools] = await Promise.all([pythons.platform(version), pythons.tools(version)]);
    const key = platformKey(version);
    const onPlatform = !hasVenv && platform.exists && platform.python !== undefined && (key === finishing || !installs.isRunning(key));
    const command = hasVenv ? [venvPython(venvDir)] : onPlatform ? [platform.python!] : base;
    const [info, probe, requirements] = await Promise.all([
      probeInterpreter(command),
      askPython<{ own: Record<string, string>; libs: Record<string, string> }>(command, PACKAGES_SCRIPT),
      requirementLines(connectorDir),
    ]);
    return {
      kind: hasVenv ? 'connector' : onPlatform ? 'platform' : 'interpreter',
      interpreter: { ...info, source: hasVenv ? 'venv' : onPlatform ? 'platform' : prefs.interpreter ? 'connector' : 'settings' },
      selected: prefs.interpreter ?? '',
      settingsInterpreter: settings.join(' '),
      venv: { exists: hasVenv, path: venvDir, ...(hasVenv ? { python: venvPython(venvDir) } : {}) },
      packages: hasVenv ? Object.entries(probe?.own ?? {}).map(([name, version]) => ({ name, version })).sort((a, b) => a.name.localeCompare(b.name)) : [],
      requirements,
      hasPackagesDir: existsSync(path.join(connectorDir, 'packages')),
      platformLibraries: PLATFORM_LIBRARIES.map((l) => ({ ...l, ...(probe?.libs[l.module] !== undefined ? { installedVersion: probe.libs[l.module] } : {}) })),
      platform,
      tools,
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
  async function installIn(dir: string, runId: string, extras: PlatformRequirement[] = []): Promise<InstallOutcome> {
    return installs.run(path.resolve(dir), () => installInto(dir, runId, extras), () => deps.stopWorker(dir));
  }

  async function install(projectId: string, runId: string, extras: PlatformRequirement[] = []): Promise<InstallOutcome> {
    return installIn(await deps.connectorDirOf(projectId), runId, extras);
  }

  /** The UI's install: answers at once (CONFLICT while this connector's install runs); the outcome comes as `done`. */
  async function startInstall(projectId: string, runId: string, extras: PlatformRequirement[] = []): Promise<JobStarted> {
    const dir = await deps.connectorDirOf(projectId);
    return installs.start(path.resolve(dir), runId, () => installInto(dir, runId, extras), () => deps.stopWorker(dir));
  }

  /** The platform default's site-packages for the connector's interpreter: its venv sees them behind its own. */
  async function linkFor(base: string[]): Promise<{ seePackagesIn?: string }> {
    const version = await pythons.versionOf(base);
    return version ? { seePackagesIn: platformSitePackages(deps.userDataDir, version) } : {};
  }

  /** Streams each line as progress, keeping the log the user sees (pip's lines and ours). */
  function recorder(runId: string, wanted: string[]) {
    let log = '';
    const onLine = progressTracker(wanted, (line, fraction) => {
      log = (log + line + '\n').slice(-LOG_CAP);
      deps.emit({ runId, line, fraction });
    });
    return { onLine, log: () => log };
  }

  /** Afterwards (once the venv counts as there again) install and startInstall stop its worker: the next call
   * starts from the new venv. */
  async function installInto(dir: string, runId: string, extras: PlatformRequirement[]): Promise<InstallOutcome> {
    await deps.stopWorker(dir); // the worker must not run from a venv being rebuilt
    const wanted = [...(await requirementLines(dir)), ...extras];
    const rec = recorder(runId, wanted);
    const base = await baseCommand(dir);
    const r = await installConnectorVenv(dir, venvOf(dir), { python: base, extra: extras, onLine: rec.onLine, ...(await linkFor(base)) });
    const lastInstall: LastInstall = { at: new Date().toISOString(), status: r.status, message: r.message, failed: r.failed, extras };
    await savePrefs(dir, { lastInstall });
    deps.emit({ runId, line: r.message, fraction: 1 });
    return { status: r.status, message: r.message, failed: r.failed, log: rec.log(), environment: await describe(dir) };
  }

  async function createVenvIn(dir: string, runId: string): Promise<InstallOutcome> {
    if (existsSync(venvPython(venvOf(dir)))) return { status: 'Completed', message: `The virtualenv exists: ${venvOf(dir)}.`, failed: [], log: '', environment: await describe(dir) };
    return installs.run(
      path.resolve(dir),
      async () => {
        const rec = recorder(runId, []);
        const base = await baseCommand(dir);
        const r = await makeConnectorVenv(dir, venvOf(dir), { python: base, onLine: rec.onLine, ...(await linkFor(base)) });
        const message = r.code === 0 ? `Created the virtualenv ${venvOf(dir)}.` : `Could not create a virtualenv with ${base.join(' ')}.`;
        deps.emit({ runId, line: message, fraction: 1 });
        return { status: r.code === 0 ? 'Completed' : 'Failed', message, failed: [], log: rec.log(), environment: await describe(dir) };
      },
      () => deps.stopWorker(dir),
    );
  }

  /** Runs one of the shared environments' jobs (keyed `key`) and describes the connector afterwards. */
  async function sharedJob(
    dir: string,
    runId: string,
    key: string,
    wanted: readonly string[],
    work: (base: string[], onLine: (line: string) => void) => Promise<PlatformCreation>,
  ): Promise<InstallOutcome> {
    const rec = recorder(runId, [...wanted]);
    const r = await work(await baseCommand(dir), rec.onLine);
    deps.emit({ runId, line: r.message, fraction: 1 });
    return { status: r.status, message: r.message, failed: r.failed, log: rec.log(), environment: await describe(dir, key) };
  }

  const requirementsOfPlatform = PLATFORM_LIBRARIES.map((l) => l.requirement);
  /** The platform default's job for the connector's interpreter: its key and its work. */
  async function platformJob(dir: string, runId: string) {
    const key = platformKey(await pythons.versionOf(await baseCommand(dir)));
    return { key, work: () => sharedJob(dir, runId, key, requirementsOfPlatform, (base, onLine) => pythons.createPlatform(base, onLine)) };
  }

  async function createPlatformFor(dir: string, runId: string): Promise<InstallOutcome> {
    const { key, work } = await platformJob(dir, runId);
    return installs.run(key, work, () => deps.stopWorker(dir));
  }

  async function startCreatePlatform(projectId: string, runId: string): Promise<JobStarted> {
    const dir = await deps.connectorDirOf(projectId);
    const { key, work } = await platformJob(dir, runId);
    return installs.start(key, runId, work, () => deps.stopWorker(dir));
  }

  async function installToolsFor(dir: string, runId: string): Promise<InstallOutcome> {
    const key = `tools:${(await pythons.versionOf(await baseCommand(dir))) ?? ''}`;
    return installs.run(key, () => sharedJob(dir, runId, key, [], (base, onLine) => pythons.installTools(base, onLine)), () => deps.stopWorker(dir));
  }

  function venvsOf(connectorDir: string): string[] {
    const root = path.join(deps.userDataDir, 'platform-env');
    const known = lastVersion.get(path.resolve(connectorDir));
    const made = known ? [known] : existsSync(root) ? readdirSync(root).map((n) => /^py(\d+\.\d+)$/.exec(n)?.[1]).filter((v): v is string => v !== undefined) : [];
    return [venvOf(connectorDir), ...made.filter((v) => pythons.readyPlatformPython(v)).map((v) => platformVenv(deps.userDataDir, v))];
  }

  async function platformOf(base: string[]): Promise<PlatformRef> {
    const [python, { seePackagesIn }] = await Promise.all([platformPython(base), linkFor(base)]);
    return { ...(python ? { python } : {}), ...(seePackagesIn ? { sitePackages: seePackagesIn } : {}) };
  }

  return {
    platformOf,
    environment,
    setInterpreter,
    removeVenv,
    install,
    startInstall,
    startCreatePlatform,
    environmentOf: (dir) => describe(dir),
    createVenvIn,
    installIn,
    createPlatformFor,
    installToolsFor,
    pythonFor,
    kindOf,
    venvOf,
    venvsOf,
  };
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
