import { execFile } from 'node:child_process';
import type { ToolInfo } from '../../../shared/models/settings';
import { gitVersion } from '../git/git-runner';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 5000, env, windowsHide: true }, (error, stdout, stderr) =>
      resolve(error ? null : `${stdout}${stderr}`.trim()),
    );
  });
}

/** Windows ships no python3 (only a Store stub), so `py -3` comes first there. */
/** An interpreter and its leading arguments, e.g. `['py', '-3']`. */
export type PythonCommand = [string, ...string[]];

/** The first candidate is the one to use when none is probed. */
export function pythonCandidates(configured: string, platform = process.platform): [PythonCommand, ...PythonCommand[]] {
  if (configured) {
    const [command = configured, ...args] = configured.split(' ');
    return [[command, ...args]];
  }
  return platform === 'win32' ? [['py', '-3'], ['python']] : [['python3'], ['python']];
}

const PY_HINT: Record<string, string> = {
  win32: 'Install Python 3 from python.org (tick "Add to PATH"), or set the interpreter in Settings.',
  darwin: 'Install Python 3 with `brew install python` or from python.org, or set the interpreter in Settings.',
  linux: 'Install Python 3 with your package manager (e.g. `sudo apt install python3 python3-venv`), or set the interpreter in Settings.',
};
const GIT_HINT: Record<string, string> = {
  win32: 'Install Git for Windows from git-scm.com, or set its path in Settings.',
  darwin: 'Run `xcode-select --install` or `brew install git`, or set its path in Settings.',
  linux: 'Install git with your package manager (e.g. `sudo apt install git`), or set its path in Settings.',
};

export async function detectPython(configured: string, env: NodeJS.ProcessEnv = process.env): Promise<ToolInfo> {
  for (const [cmd, ...pre] of pythonCandidates(configured)) {
    const out = await run(cmd, [...pre, '-c', 'import sys,platform;print(platform.python_version());print(sys.executable)'], env);
    if (out) {
      const [version, exe] = out.split(/\r?\n/);
      return { id: 'python', found: true, command: [cmd, ...pre].join(' '), version, path: exe };
    }
  }
  return { id: 'python', found: false, command: configured || 'python3', hint: PY_HINT[process.platform] ?? PY_HINT.linux };
}

export async function detectGit(configured: string, env: NodeJS.ProcessEnv = process.env): Promise<ToolInfo> {
  const cmd = configured || 'git';
  const out = await gitVersion(cmd, env);
  return out
    ? { id: 'git', found: true, command: cmd, version: out.replace(/^git version\s*/, '') }
    : { id: 'git', found: false, command: cmd, hint: GIT_HINT[process.platform] ?? GIT_HINT.linux };
}

/** Apps started from the macOS Dock get a minimal PATH; read the login shell's once so python and git are found. */
export async function loginShellPath(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (process.platform !== 'darwin' || !env.SHELL) return null;
  const out = await run(env.SHELL, ['-ilc', 'printf "__PATH__%s" "$PATH"'], env);
  return out?.split('__PATH__')[1] ?? null;
}
