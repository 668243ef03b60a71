/** The one place a connector's virtualenv is made and its requirements installed, for the IDE's Environment tab,
 * the CLI and the sandbox's import: `python3 -m venv --system-site-packages --without-pip` (the platform's
 * pre-installed libraries come from the system), then the outer pip installs into it with
 * `--python <venv> --retries 0 --timeout 5 -r requirements.txt` (and `packages/` as a find-links folder), so a
 * requirement that cannot be installed fails in seconds with pip's own words. pip's lines stream to a callback
 * and the requirements it could not install are named. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ifMissing } from '../errors';
import { venvPython } from './venv-python';

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

/** Makes (or remakes) `venvDir` for the connector in `folder` and installs its requirements. Never throws. */
export async function installConnectorVenv(folder: string, venvDir: string, o: VenvOptions = {}): Promise<VenvResult> {
  const python = o.python?.length ? o.python : ['python3'];
  const timeoutMs = o.timeoutMs ?? 300_000;
  const onLine = o.onLine ?? (() => undefined);
  const listed = await requirementLines(folder);
  const extra = (o.extra ?? []).filter((x) => !listed.includes(x));
  const wanted = [...listed, ...extra];
  await rm(venvDir, { recursive: true, force: true });
  onLine(`Creating a virtualenv in ${venvDir}`);
  // The platform's pre-installed libraries (requests, arrow, ...) come from the system site-packages.
  const venv = await run([...python, '-m', 'venv', '--system-site-packages', '--without-pip', venvDir], folder, timeoutMs, onLine);
  if (venv.code !== 0) return { status: 'Failed', message: `Could not create a virtualenv with ${python.join(' ')}.`, failed: [], log: venv.log };
  if (wanted.length === 0) return { status: 'Completed', message: 'No requirements to install.', python: venvPython(venvDir), failed: [], log: venv.log };
  onLine(`Installing ${wanted.length} requirement${wanted.length === 1 ? '' : 's'}: ${wanted.join(', ')}`);
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
 * and runs on the base interpreter; otherwise installConnectorVenv, and the connector runs from the venv only if
 * pip succeeded. */
export async function installRequirements(folder: string, venvDir: string, python: string[], timeoutMs = 120_000): Promise<RequirementsResult> {
  if ((await requirementLines(folder)).length === 0) return { status: 'Completed', message: 'No requirements to install.', output: '' };
  const r = await installConnectorVenv(folder, venvDir, { python, timeoutMs });
  const output = r.log.slice(-OUTPUT_CAP);
  return r.status === 'Completed' && r.python ? { status: 'Completed', message: 'Requirements installed.', output, python: r.python } : { status: 'Failed', message: r.message, output };
}
