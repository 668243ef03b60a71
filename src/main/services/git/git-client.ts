import { simpleGit, type SimpleGit } from 'simple-git';
import { ServiceError } from '../errors';
import { restrictedGitEnvSync } from './restricted-config';

/** Which folders git may run with their own config (hooks, filters, fsmonitor). The composition root hands in
 * the trust service's answer; until then, and in tools that have none, every folder is restricted. */
let isTrustedFolder: (dir: string) => boolean = () => false;
export function setGitTrust(fn: (dir: string) => boolean): void {
  isTrustedFolder = fn;
}

/** Git must never wait on a terminal prompt: with no terminal it would hang the service forever. */
export const NON_INTERACTIVE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
  GCM_INTERACTIVE: 'never',
};

/** Editors and pagers are never wanted (every message arrives on the command line), so they are dropped. */
const DROPPED = /^(EDITOR|VISUAL|PAGER|GIT_EDITOR|GIT_PAGER|GIT_SEQUENCE_EDITOR|GIT_ASKPASS|SSH_ASKPASS)$/i;

/** The environment every git command runs with; given the folder it runs in, a folder the user has not trusted
 * also gets the overrides that keep its own config from running anything (restricted-config.ts). */
export function gitEnv(base: NodeJS.ProcessEnv = process.env, dir?: string, gitBinary = 'git'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !DROPPED.test(k) && !/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|PARAMETERS)$/.test(k)) env[k] = v;
  const safe = { ...env, ...NON_INTERACTIVE_ENV };
  return dir === undefined || isTrustedFolder(dir) ? safe : { ...safe, ...restrictedGitEnvSync(dir, gitBinary, safe) };
}

/** simple-git refuses config that can run commands unless told; ours are the overrides that neutralise them. */
export const RESTRICTED_OK = {
  allowUnsafeConfigEnvCount: true,
  allowUnsafeFsMonitor: true,
  allowUnsafeHooksPath: true,
  allowUnsafePager: true,
  allowUnsafeEditor: true,
  allowUnsafeAskPass: true,
  allowUnsafeGitProxy: true,
  allowUnsafeDiffExternal: true,
  allowUnsafeDiffTextConv: true,
  allowUnsafeFilter: true,
  allowUnsafeMergeDriver: true,
  allowUnsafeGpgProgram: true,
  allowUnsafeCredentialHelper: true,
  allowUnsafeSshCommand: true,
  allowUnsafeProtocolOverride: true,
  allowUnsafeConfigPaths: true,
} as const;

export function gitAt(dir: string, gitBinary = 'git', timeoutMs = 60_000): SimpleGit {
  const env = gitEnv(process.env, dir, gitBinary);
  return simpleGit({
    baseDir: dir,
    binary: gitBinary,
    timeout: { block: timeoutMs },
    config: ['core.quotepath=off'],
    unsafe: RESTRICTED_OK,
    // The user's own GIT_* settings (CA bundle, proxies) are theirs to keep; simple-git's guard would refuse them.
    allowEnvironment: Object.keys(env).filter((k) => /^GIT_/i.test(k)),
  }).env(env);
}

/** Runs one named git step and turns its failure into a GIT error that says which step failed. */
export async function gitStep<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const msg = (e as Error).message.trim().split('\n').slice(0, 6).join('\n');
    throw new ServiceError('GIT', `git ${what} failed: ${msg}`);
  }
}
