/** The three kinds of Python environment, defined once for every feature and door (docs/ARCHITECTURE.md,
 * "Python environments"). All live in the user data folder, never in a project: a venv is machine-specific, and
 * the project is shared through git and .tgz files.
 * - The connector's environment, `environments/<hash of its folder>/venv` (environment-service.ts), holds its
 *   requirements.txt. It sees the platform default's packages behind its own, as a FortiSOAR server installs a
 *   connector's requirements beside the libraries it pre-installs.
 * - The platform default, `platform-env/py<major.minor>/venv`, is shared by every connector without a venv of its
 *   own and holds PLATFORM_LIBRARIES. It is made on demand (a job with progress) and no connector's install
 *   writes into it.
 * - The tools environment, `tools-env/py<major.minor>/`, a plain folder (pip --target) of the IDE's own packages
 *   for the worker (TOOLS_PACKAGES). The worker appends it to sys.path (resources/python/tools_path.py), behind
 *   everything of the connector's, so a version the connector pins wins; no connector environment gets them.
 * The worker's interpreter: the connector's venv, else the platform default for the interpreter's Python
 * version, else the plain interpreter (the connector's own choice, else Settings'). */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PLATFORM_LIBRARIES, type PlatformEnvironmentState, type ToolsEnvironmentState } from '../../../shared/models/environment';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ifMissing } from '../errors';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { probeInterpreter } from './interpreters';
import { venvPython } from './venv-python';
import { installIntoFolder, installPlatformVenv, type VenvResult } from './venv-service';

/** What the IDE's features need inside the worker: the debugger, the test runner, templates. */
export const TOOLS_PACKAGES = ['debugpy', 'pytest', 'jinja2', 'jmespath'] as const;

/** The worker's environment variable naming the tools root; the worker picks its own version's folder in it. */
export const TOOLS_ROOT_VARIABLE = 'CS_TOOLS_ROOT';

const MARKER = 'platform-env.json';

/** '3.11' of '3.11.7'. */
export const shortVersion = (version: string | undefined): string | undefined => (version ? /^(\d+\.\d+)/.exec(version)?.[1] : undefined);

export const platformDir = (userDataDir: string, version: string) => path.join(userDataDir, 'platform-env', `py${version}`);
export const platformVenv = (userDataDir: string, version: string) => path.join(platformDir(userDataDir, version), 'venv');

/** The platform default's site-packages, whether or not it exists yet (a connector venv links to it). */
export function platformSitePackages(userDataDir: string, version: string, platform: NodeJS.Platform = process.platform): string {
  const venv = platformVenv(userDataDir, version);
  return platform === 'win32' ? path.win32.join(venv, 'Lib', 'site-packages') : path.posix.join(venv, 'lib', `python${version}`, 'site-packages');
}

export const toolsRoot = (userDataDir: string) => path.join(userDataDir, 'tools-env');
export const toolsDir = (userDataDir: string, version: string) => path.join(toolsRoot(userDataDir), `py${version}`);

/** What every worker's environment carries so runner.py finds the tools of its own Python version. */
export function toolsWorkerEnv(userDataDir: string): Record<string, string> {
  return { [TOOLS_ROOT_VARIABLE]: toolsRoot(userDataDir) };
}

/** Written last when the platform default is made: until it exists the venv is not used (half made, or being
 * remade). */
interface PlatformMarker {
  readonly createdAt: string;
  /** The interpreter that made it. */
  readonly python: string;
  readonly failed: string[];
}

export interface PlatformCreation extends VenvResult {
  readonly version?: string;
}

export interface PythonEnvironments {
  /** major.minor of the interpreter, asked once per command for the service's life; undefined when it does not run. */
  versionOf(python: string[]): Promise<string | undefined>;
  /** The platform default's python when it is made, by two stats: the resolver asks before every worker call. */
  readyPlatformPython(version: string | undefined): string | undefined;
  platform(version: string | undefined): Promise<PlatformEnvironmentState>;
  tools(version: string | undefined): Promise<ToolsEnvironmentState>;
  /** Makes (or remakes) the platform default for `python`'s version with PLATFORM_LIBRARIES. Never throws. */
  createPlatform(python: string[], onLine: (line: string) => void): Promise<PlatformCreation>;
  /** Installs TOOLS_PACKAGES (or `packages`) into the tools folder of `python`'s version. Never throws. */
  installTools(python: string[], onLine: (line: string) => void, packages?: readonly string[]): Promise<PlatformCreation>;
}

export function createPythonEnvironments(userDataDir: string, log?: (msg: string) => void): PythonEnvironments {
  const versions = new Map<string, Promise<string | undefined>>();

  function versionOf(python: string[]): Promise<string | undefined> {
    const key = python.join('\0');
    let v = versions.get(key);
    if (!v) versions.set(key, (v = probeInterpreter(python).then((i) => shortVersion(i.version))));
    return v;
  }

  function readyPlatformPython(version: string | undefined): string | undefined {
    if (!version) return undefined;
    const python = venvPython(platformVenv(userDataDir, version));
    return existsSync(path.join(platformDir(userDataDir, version), MARKER)) && existsSync(python) ? python : undefined;
  }

  async function marker(version: string): Promise<PlatformMarker | undefined> {
    const file = path.join(platformDir(userDataDir, version), MARKER);
    const text = await readFile(file, 'utf8').catch(ifMissing(undefined));
    if (text === undefined) return undefined;
    const value = parseJsonOrUndefined(text) as PlatformMarker | undefined;
    // A damaged marker is a platform default to make again, not a reason to refuse to describe the connector.
    if (!value) log?.(`${file} is damaged (not JSON): the platform default counts as not made; create it again.`);
    return value;
  }

  async function platform(version: string | undefined): Promise<PlatformEnvironmentState> {
    if (!version) return { path: path.join(userDataDir, 'platform-env'), exists: false, failed: [] };
    const venv = platformVenv(userDataDir, version);
    const made = readyPlatformPython(version) ? await marker(version) : undefined;
    return {
      path: venv,
      exists: made !== undefined,
      pythonVersion: version,
      ...(made ? { python: venvPython(venv), createdAt: made.createdAt } : {}),
      failed: made?.failed ?? [],
    };
  }

  async function tools(version: string | undefined): Promise<ToolsEnvironmentState> {
    if (!version) return { path: toolsRoot(userDataDir), exists: false, packages: [] };
    const dir = toolsDir(userDataDir, version);
    const names = await readdir(dir).catch(ifMissing(undefined));
    const packages = (names ?? [])
      .map((n) => /^(.+)-([^-]+)\.dist-info$/.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, name, v]) => ({ name: name!, version: v! }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { path: dir, exists: names !== undefined, packages };
  }

  async function createPlatform(python: string[], onLine: (line: string) => void): Promise<PlatformCreation> {
    const version = await versionOf(python);
    if (!version) return { status: 'Failed', message: `${python.join(' ')} does not run as a Python interpreter: pick another one, in Settings or for the connector.`, failed: [], log: '' };
    const dir = platformDir(userDataDir, version);
    await rm(path.join(dir, MARKER), { force: true }); // from now on nobody runs on it until it is made again
    const r = await installPlatformVenv(platformVenv(userDataDir, version), PLATFORM_LIBRARIES.map((l) => l.requirement), { python, onLine });
    // A venv with some of the libraries is still the closer simulation; the missing ones are named in the marker.
    if (r.python && r.failed.length < PLATFORM_LIBRARIES.length) {
      const made: PlatformMarker = { createdAt: new Date().toISOString(), python: python.join(' '), failed: r.failed };
      await writeJsonAtomic(path.join(dir, MARKER), made);
    }
    return { ...r, version };
  }

  async function installTools(python: string[], onLine: (line: string) => void, packages: readonly string[] = TOOLS_PACKAGES): Promise<PlatformCreation> {
    const version = await versionOf(python);
    if (!version) return { status: 'Failed', message: `${python.join(' ')} does not run as a Python interpreter.`, failed: [], log: '' };
    return { ...(await installIntoFolder(toolsDir(userDataDir, version), packages, { python, onLine })), version };
  }

  return { versionOf, readyPlatformPython, platform, tools, createPlatform, installTools };
}
