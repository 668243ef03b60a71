/** Installs a connector's requirements.txt into its own virtualenv, like FortiSOAR's import does, but fast
 * and offline-friendly: the venv sees the system's packages, and pip gets no retries and a 5 s timeout, so a
 * requirement that cannot be installed fails in seconds with pip's own words. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { venvPython } from '../services/runtime/venv-python';

export interface RequirementsResult {
  readonly status: 'Completed' | 'Failed';
  readonly message: string;
  readonly output: string;
  /** The venv's interpreter, when one was made. */
  readonly python?: string;
}

const OUTPUT_CAP = 64 * 1024;

function run(cmd: string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd[0], cmd.slice(1), { cwd, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' }, windowsHide: true });
    const add = (b: Buffer) => (output = (output + b.toString('utf8')).slice(-OUTPUT_CAP));
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    const timer = setTimeout(() => {
      output += `\n(stopped after ${Math.round(timeoutMs / 1000)} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${e.message}` });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Lines of requirements.txt that name something to install. */
export async function requirementLines(folder: string): Promise<string[]> {
  const text = await readFile(path.join(folder, 'requirements.txt'), 'utf8').catch(() => '');
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

export async function installRequirements(folder: string, venvDir: string, python: string[], timeoutMs = 120_000): Promise<RequirementsResult> {
  if ((await requirementLines(folder)).length === 0) return { status: 'Completed', message: 'No requirements to install.', output: '' };
  await rm(venvDir, { recursive: true, force: true });
  // --without-pip makes the venv in a fraction of a second; the outer pip installs into it with --python.
  const venv = await run([...python, '-m', 'venv', '--system-site-packages', '--without-pip', venvDir], folder, timeoutMs);
  if (venv.code !== 0) return { status: 'Failed', message: 'Could not create a virtualenv for the connector.', output: venv.output };
  const links = existsSync(path.join(folder, 'packages')) ? ['--find-links', path.join(folder, 'packages')] : [];
  const pipArgs = ['-m', 'pip', '--python', venvPython(venvDir), 'install', '--no-input', '--retries', '0', '--timeout', '5', ...links, '-r', 'requirements.txt'];
  const pip = await run([...python, ...pipArgs], folder, timeoutMs);
  if (pip.code !== 0) {
    const old = /no such option: --python/.test(pip.output) ? ' (this pip is older than 22.3: upgrade pip for the sandbox)' : '';
    return { status: 'Failed', message: `pip could not install requirements.txt${old}.`, output: pip.output };
  }
  return { status: 'Completed', message: 'Requirements installed.', output: pip.output, python: venvPython(venvDir) };
}
