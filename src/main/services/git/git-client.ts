import { simpleGit, type SimpleGit } from 'simple-git';
import { ServiceError } from '../errors';

/** Git must never wait on a terminal prompt: with no terminal it would hang the service forever. */
export const NON_INTERACTIVE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
  GCM_INTERACTIVE: 'never',
};

/** Editors and pagers are never wanted (every message arrives on the command line), so they are dropped. */
const DROPPED = /^(EDITOR|VISUAL|PAGER|GIT_EDITOR|GIT_PAGER|GIT_SEQUENCE_EDITOR|GIT_ASKPASS|SSH_ASKPASS)$/i;

export function gitEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !DROPPED.test(k)) env[k] = v;
  return { ...env, ...NON_INTERACTIVE_ENV };
}

export function gitAt(dir: string, gitBinary = 'git', timeoutMs = 60_000): SimpleGit {
  const env = gitEnv();
  return simpleGit({
    baseDir: dir,
    binary: gitBinary,
    timeout: { block: timeoutMs },
    config: ['core.quotepath=off'],
    unsafe: { allowUnsafeSshCommand: true },
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
