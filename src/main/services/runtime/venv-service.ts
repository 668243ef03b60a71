/** The one place virtualenvs are made and pip installs, for the three kinds of Python environment
 * (python-environments.ts) and every door (the IDE's Environment tab, the CLI, the sandbox's import):
 * `python3 -m venv --system-site-packages --without-pip` (the interpreter's own packages stay visible), then the
 * outer pip installs into it with `--python <venv> --retries 0 --timeout 5 -r requirements.txt` (and `packages/`
 * as a find-links folder), so a requirement that cannot be installed fails in seconds with pip's own words.
 * pip's lines stream to a callback and the requirements it could not install are named. A connector's venv may
 * also see another environment's packages behind its own (the platform default's), through a .pth file. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ifMissing } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { venvPython } from './venv-python';
import { plural } from '../../../shared/plural';

/** Lines of requirements.txt that name something to install. */
export async function requirementLines(folder: string): Promise<string[]> {
  const text = await readFile(path.join(folder, 'requirements.txt'), 'utf8').catch(ifMissing(''));
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

export interface VenvResult {
  readonly status: 'Completed' | 'Failed';
  readonly message: string;
  /** The venv's interpreter: the runtime's pythonCommand for this connector. */
  readonly python?: string;
  /** Requirements pip reported it could not find or build. */
  readonly failed: string[];
  /** The whole pip log (capped at its last 256 KiB). */
  readonly log: string;
}

export interface VenvOptions {
  /** Interpreter that makes the venv and runs pip. Default `['python3']`. */
  readonly python?: string[];
  readonly timeoutMs?: number;
  /** Each line of output as it comes (progress). */
  readonly onLine?: (line: string) => void;
  /** Requirements installed besides requirements.txt (the platform's pre-installed libraries). */
  readonly extra?: readonly string[];
  /** A site-packages folder the venv also sees, behind its own packages (the platform default's); it need not
   * exist yet: Python skips a .pth line naming a missing folder, and sees it once it is made. */
  readonly seePackagesIn?: string;
}

const LOG_CAP = 256 * 1024;

/** Plain text for the log and the parser: a FORCE_COLOR inherited from a test runner or terminal makes pip colour
 * its errors, and the escape codes would end up inside requirement names. */
function pipEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _drop, ...env } = process.env;
  return { ...env, NO_COLOR: '1', PIP_NO_COLOR: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' };
}

// eslint-disable-next-line no-control-regex
const plain = (line: string) => line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

function run(cmd: string[], cwd: string, timeoutMs: number, onLine: (line: string) => void): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    let log = '';
    const partial: Record<'out' | 'err', string> = { out: '', err: '' };
    const [command, ...args] = cmd;
    if (command === undefined) return resolve({ code: -1, log: 'Nothing was run: the command is empty.' });
    const child = spawn(command, args, { cwd, env: pipEnv(), windowsHide: true });
    const take = (key: 'out' | 'err') => (b: Buffer) => {
      const text = partial[key] + b.toString('utf8');
      const lines = text.split(/\r?\n/);
      partial[key] = lines.pop() ?? '';
      for (const l of lines.map(plain)) {
        log = (log + l + '\n').slice(-LOG_CAP);
        if (l.trim()) onLine(l);
      }
    };
    child.stdout.on('data', take('out'));
    child.stderr.on('data', take('err'));
    const timer = setTimeout(() => {
      const stopped = `(stopped after ${Math.round(timeoutMs / 1000)} s)`;
      log = (log + stopped + '\n').slice(-LOG_CAP);
      onLine(stopped);
      child.kill('SIGKILL');
    }, timeoutMs);
    const end = (code: number | null, extra = '') => {
      clearTimeout(timer);
      for (const last of [partial.out, partial.err, extra].map(plain))
        if (last) {
          log += last + '\n';
          onLine(last);
        }
      resolve({ code, log });
    };
    child.once('error', (e) => end(-1, e.message));
    child.once('close', (code) => end(code));
  });
}

/** Names pip gave up on: "No matching distribution found for X", "Failed building wheel for X", ... */
export function failedRequirements(log: string): string[] {
  log = plain(log);
  const found = new Set<string>();
  for (const re of [
    /No matching distribution found for (\S+)/g,
    /Could not find a version that satisfies the requirement (\S+)/g,
    /Failed building wheel for (\S+)/g,
    /Failed to build (\S+)/g,
    /Invalid requirement: '([^']+)'/g,
  ])
    for (const [, name] of log.matchAll(re)) if (name) found.add(name);
  return [...found];
}

/** The one-line reason shown for a failed pip run: the requirements it named, or what stopped pip itself. */
export function pipFailure(log: string, failed: string[], python: string[]): string {
  if (failed.length) return `pip could not install: ${failed.join(', ')}.`;
  if (/No module named pip/.test(log)) return `${python.join(' ')} has no pip: install it (python3 -m ensurepip, or your system's python3-pip package) or pick another interpreter.`;
  if (/no such option: --python/.test(log)) return `The pip of ${python.join(' ')} is older than 22.3: upgrade it (python3 -m pip install -U pip) or pick another interpreter.`;
  return 'pip could not install requirements.txt; see the log.';
}

/** Makes (or remakes) `venvDir`, empty, for the connector in `folder`: the interpreter's own packages stay visible
 * (--system-site-packages), and `seePackagesIn`'s behind the venv's own. */
export async function makeConnectorVenv(folder: string, venvDir: string, o: VenvOptions = {}): Promise<{ code: number | null; log: string }> {
  const python = o.python?.length ? o.python : ['python3'];
  const onLine = o.onLine ?? (() => undefined);
  await rm(venvDir, { recursive: true, force: true });
  onLine(`Creating a virtualenv in ${venvDir}`);
  const venv = await run([...python, '-m', 'venv', '--system-site-packages', '--without-pip', venvDir], folder, o.timeoutMs ?? 300_000, onLine);
  if (venv.code !== 0 || !o.seePackagesIn) return venv;
  // Without the link the venv still works, on its own packages and the system's: said, not fatal.
  const linked = await linkPackages(venvDir, o.seePackagesIn).then(
    () => '',
    (e: Error) => `Could not let the virtualenv see ${o.seePackagesIn} (${e.message}); it runs without the platform default's packages.`,
  );
  if (linked) onLine(linked);
  return linked ? { code: venv.code, log: `${venv.log}${linked}\n` } : venv;
}

/** Makes (or remakes) `venvDir` for the connector in `folder` and installs its requirements. Never throws. */
export async function installConnectorVenv(folder: string, venvDir: string, o: VenvOptions = {}): Promise<VenvResult> {
  const python = o.python?.length ? o.python : ['python3'];
  const timeoutMs = o.timeoutMs ?? 300_000;
  const onLine = o.onLine ?? (() => undefined);
  const listed = await requirementLines(folder);
  const extra = (o.extra ?? []).filter((x) => !listed.includes(x));
  const wanted = [...listed, ...extra];
  const venv = await makeConnectorVenv(folder, venvDir, o);
  if (venv.code !== 0) return { status: 'Failed', message: `Could not create a virtualenv with ${python.join(' ')}.`, failed: [], log: venv.log };
  if (wanted.length === 0) return { status: 'Completed', message: 'No requirements to install.', python: venvPython(venvDir), failed: [], log: venv.log };
  onLine(`Installing ${plural(wanted.length, 'requirement')}: ${wanted.join(', ')}`);
  const links = existsSync(path.join(folder, 'packages')) ? ['--find-links', path.join(folder, 'packages')] : [];
  const pip = await run(
    [...python, '-m', 'pip', '--python', venvPython(venvDir), 'install', '--no-input', '--retries', '0', '--timeout', '5', ...links, ...(listed.length ? ['-r', 'requirements.txt'] : []), ...extra],
    folder,
    timeoutMs,
    onLine,
  );
  const log = venv.log + pip.log;
  if (pip.code === 0) return { status: 'Completed', message: 'Requirements installed.', python: venvPython(venvDir), failed: [], log };
  const failed = failedRequirements(pip.log);
  return {
    status: 'Failed',
    message: pipFailure(pip.log, failed, python),
    python: venvPython(venvDir),
    failed,
    log,
  };
}

/** The venv's own site-packages folder: `lib/python3.x/site-packages` (Windows: `Lib/site-packages`). */
export async function venvSitePackages(venvDir: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  if (platform === 'win32') return path.win32.join(venvDir, 'Lib', 'site-packages');
  const lib = path.join(venvDir, 'lib');
  const versions = (await readdir(lib).catch(ifMissing([] as string[]))).filter((n) => /^python3\.\d+$/.test(n));
  return versions[0] === undefined ? undefined : path.join(lib, versions[0], 'site-packages');
}

export const LINK_FILE = 'connector-studio-platform.pth';

/** A .pth line in the venv's site-packages: Python appends the folder to sys.path after the venv's own packages
 * and before the system's, so the connector's pinned versions win and pip never writes into the linked folder. */
async function linkPackages(venvDir: string, folder: string): Promise<void> {
  const own = await venvSitePackages(venvDir);
  if (own) await writeFileAtomic(path.join(own, LINK_FILE), `${folder}\n`);
}

const nameOf = (requirement: string) => requirement.split(/[<>=!~;[\s]/)[0]!.toLowerCase().replace(/[-_.]+/g, '-');

/** Makes (or remakes) the platform default's venv and installs `requirements` (PLATFORM_LIBRARIES). One that pip
 * cannot install does not keep the others out: after a failed install of all of them, the rest are installed
 * without the ones pip named (or, when that does not settle it, each alone), and those that fail are named.
 * Never throws. */
export async function installPlatformVenv(venvDir: string, requirements: readonly string[], o: VenvOptions = {}): Promise<VenvResult> {
  const python = o.python?.length ? o.python : ['python3'];
  const timeoutMs = o.timeoutMs ?? 300_000;
  const onLine = o.onLine ?? (() => undefined);
  const cwd = path.dirname(venvDir);
  await rm(venvDir, { recursive: true, force: true });
  await mkdir(cwd, { recursive: true });
  onLine(`Creating a virtualenv in ${venvDir}`);
  const venv = await run([...python, '-m', 'venv', '--system-site-packages', '--without-pip', venvDir], cwd, timeoutMs, onLine);
  if (venv.code !== 0) return { status: 'Failed', message: `Could not create a virtualenv with ${python.join(' ')}.`, failed: [], log: venv.log };
  const pip = (wanted: readonly string[]) =>
    run([...python, '-m', 'pip', '--python', venvPython(venvDir), 'install', '--no-input', '--retries', '0', '--timeout', '5', ...wanted], cwd, timeoutMs, onLine);
  onLine(`Installing ${plural(requirements.length, 'requirement')}: ${requirements.join(', ')}`);
  const all = await pip(requirements);
  let log = (venv.log + all.log).slice(-LOG_CAP);
  if (all.code === 0) return { status: 'Completed', message: 'Platform libraries installed.', python: venvPython(venvDir), failed: [], log };
  const named = new Set(failedRequirements(all.log).map(nameOf));
  // pip itself did not run (no pip, too old): installing one at a time would fail the same way.
  if (named.size === 0 && /No module named pip|no such option: --python/.test(all.log))
    return { status: 'Failed', message: pipFailure(all.log, [], python), python: venvPython(venvDir), failed: [...requirements], log };
  // Usually pip names the requirement it could not find: the rest go in one more run. When what it named is not
  // one of ours (a dependency of one), each is installed alone to find the one that pulls it in.
  let failed = requirements.filter((r) => named.has(nameOf(r)));
  const rest = requirements.filter((r) => !failed.includes(r));
  const second = failed.length && rest.length ? await pip(rest) : undefined;
  if (second) log = (log + second.log).slice(-LOG_CAP);
  const settled = failed.length > 0 && (rest.length === 0 || second?.code === 0);
  if (!settled) {
    failed = [];
    for (const requirement of requirements) {
      onLine(`Installing ${requirement} alone`);
      const one = await pip([requirement]);
      log = (log + one.log).slice(-LOG_CAP);
      if (one.code !== 0) failed.push(requirement);
    }
  }
  if (failed.length === 0) return { status: 'Completed', message: 'Platform libraries installed.', python: venvPython(venvDir), failed, log };
  return { status: 'Failed', message: `pip could not install: ${failed.join(', ')}; the other platform libraries are installed.`, python: venvPython(venvDir), failed, log };
}

/** Installs `packages` into a plain folder for `python`'s version (pip --target): the tools environment. pip
 * works in a temporary folder beside it that replaces `folder` only once every package is in, so the worker never
 * sees half an install. Never throws. */
export async function installIntoFolder(folder: string, packages: readonly string[], o: VenvOptions = {}): Promise<VenvResult> {
  const python = o.python?.length ? o.python : ['python3'];
  const timeoutMs = o.timeoutMs ?? 300_000;
  const onLine = o.onLine ?? (() => undefined);
  const staging = `${folder}.new`;
  const old = `${folder}.old`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(folder), { recursive: true });
  onLine(`Installing ${plural(packages.length, 'package')} into ${folder}: ${packages.join(', ')}`);
  const pip = await run([...python, '-m', 'pip', 'install', '--no-input', '--retries', '0', '--timeout', '5', '--target', staging, ...packages], path.dirname(folder), timeoutMs, onLine);
  if (pip.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    const failed = failedRequirements(pip.log);
    return { status: 'Failed', message: pipFailure(pip.log, failed, python), failed, log: pip.log };
  }
  await rm(old, { recursive: true, force: true });
  const hadOld = await rename(folder, old).then(() => true, ifMissing(false));
  await rename(staging, folder);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return { status: 'Completed', message: 'Packages installed.', failed: [], log: pip.log };
}

/** What the sandbox's import job stores as install_result: FortiSOAR's shape. */
export interface RequirementsResult {
  readonly status: 'Completed' | 'Failed';
  readonly message: string;
  /** pip's output, its last 64 KiB (the sandbox keeps it in its state file). */
  readonly output: string;
  /** The venv's interpreter, when the install completed into one. */
  readonly python?: string;
}

const OUTPUT_CAP = 64 * 1024;

/** Installs requirements.txt as FortiSOAR's import does (the sandbox): a connector with none gets no virtualenv
 * and runs on the platform default (or the base interpreter); otherwise installConnectorVenv, seeing the platform
 * default's packages behind its own (`seePackagesIn`) as on the server, and the connector runs from the venv only
 * if pip succeeded. */
export async function installRequirements(folder: string, venvDir: string, python: string[], timeoutMs = 120_000, seePackagesIn?: string): Promise<RequirementsResult> {
  if ((await requirementLines(folder)).length === 0) return { status: 'Completed', message: 'No requirements to install.', output: '' };
  const r = await installConnectorVenv(folder, venvDir, { python, timeoutMs, ...(seePackagesIn ? { seePackagesIn } : {}) });
  const output = r.log.slice(-OUTPUT_CAP);
  return r.status === 'Completed' && r.python ? { status: 'Completed', message: 'Requirements installed.', output, python: r.python } : { status: 'Failed', message: r.message, output };
}
