/** Finding Python interpreters: what one reports about itself, and every python3 / python3.x on PATH. */
import { execFile } from 'node:child_process';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { InterpreterInfo } from '../../../shared/models/environment';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ifMissing, ifUnreadable } from '../errors';

const PROBE = 'import sys,platform;print(platform.python_version());print(sys.executable)';

function run(cmd: string[], args: string[], timeoutMs = 8000): Promise<string | null> {
  const [command, ...leading] = cmd;
  if (command === undefined) return Promise.resolve(null); // no interpreter to ask: as if it did not run
  return new Promise((resolve) => {
    execFile(command, [...leading, ...args], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}

/** Runs the interpreter once; `found: false` when it does not start (a pyenv shim of a version not selected fails too). */
export async function probeInterpreter(cmd: string[]): Promise<InterpreterInfo> {
  const out = await run(cmd, ['-c', PROBE]);
  const [version, exe] = out?.split(/\r?\n/) ?? [];
  return version ? { command: cmd.join(' '), version, path: exe, found: true } : { command: cmd.join(' '), found: false };
}

/** One Python script's JSON answer, or null when it fails or does not answer in JSON. */
export async function askPython<T>(cmd: string[], script: string): Promise<T | null> {
  const out = await run(cmd, ['-c', script]);
  return out === null ? null : ((parseJsonOrUndefined(out) as T | undefined) ?? null);
}

const NAME = process.platform === 'win32' ? /^python(3(\.\d+)?)?\.exe$/i : /^python3(\.\d+)?$/;

/** Files named python3 or python3.x on PATH: the first of each name by its bare name (as a shell finds it),
 * later ones by absolute path. */
async function onPath(): Promise<string[][]> {
  const seen = new Set<string>();
  const found: string[][] = process.platform === 'win32' ? [['py', '-3']] : [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    // PATH often names folders that are gone or closed to this user: they hold no interpreter to offer.
    const names = await readdir(dir).catch(ifUnreadable([] as string[]));
    for (const name of names.filter((n) => NAME.test(n)).sort()) {
      found.push([seen.has(name) ? path.join(dir, name) : name]);
      seen.add(name);
    }
  }
  return found;
}

/** Working interpreters on PATH, one per real executable, newest version first. */
export async function detectInterpreters(): Promise<InterpreterInfo[]> {
  const probed = await Promise.all((await onPath()).map(probeInterpreter));
  const byExe = new Map<string, InterpreterInfo>();
  for (const p of probed.filter((i) => i.found && i.path)) {
    const real = await realpath(p.path!).catch(ifMissing(p.path!));
    if (!byExe.has(real)) byExe.set(real, p);
  }
  const key = (v = '') => v.split('.').map((n) => n.padStart(4, '0')).join('.');
  return [...byExe.values()].sort((a, b) => key(b.version).localeCompare(key(a.version)) || a.command.length - b.command.length);
}
