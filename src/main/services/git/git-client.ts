import { simpleGit, type SimpleGit } from 'simple-git';
import { ServiceError } from '../errors';

/** Git must never wait on a terminal prompt: with no terminal it would hang the service forever. */
export const NON_INTERACTIVE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
  GCM_INTERACTIVE: 'never',
};

export function gitAt(dir: string, gitBinary = 'git', timeoutMs = 60_000): SimpleGit {
  const env = { ...process.env, ...NON_INTERACTIVE_ENV } as Record<string, string>;
  return simpleGit({ baseDir: dir, binary: gitBinary, timeout: { block: timeoutMs }, config: ['core.quotepath=off'] }).env(env);
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
