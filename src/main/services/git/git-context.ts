/** What every git module shares: the binary, one way to build a client, and the credential bridge for
 * commands that talk to a remote. */
import { simpleGit, type SimpleGit, type SimpleGitProgressEvent } from 'simple-git';
import { ServiceError } from '../errors';
import { checkRelative } from '../workspace/safe-path';
import { installAskpassScript, withAskpass, type AskCredential } from './askpass';
import { RESTRICTED_OK, gitEnv } from './git-client';

export type GitProgress = SimpleGitProgressEvent;

export interface GitServiceOptions {
  /** Where the askpass helper is written. Without it git gets no askpass and fails fast on credentials. */
  readonly userDataDir?: string;
  /** Asks the UI for a user name, password or passphrase; can also be attached later (setAskCredential). */
  readonly askCredential?: AskCredential;
  /** Local commands: stop git after this long without output. Default 60 s. */
  readonly timeoutMs?: number;
  /** Clone, fetch, pull, push: stop after this long without output (progress counts). Default 120 s. */
  readonly networkTimeoutMs?: number;
}

export interface NetworkOptions {
  readonly onProgress?: (p: GitProgress) => void;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

interface ClientOptions extends NetworkOptions {
  readonly extraEnv?: Record<string, string>;
}

/** Our own env on top of the non-interactive one. Literal pathspecs: a file named `:(glob)*` or `*.py` is a
 * file name the user clicked, not a pattern. */
function buildClient(dir: string, binary: string, timeoutMs: number, o: ClientOptions): SimpleGit {
  const env = { ...gitEnv(process.env, dir, binary), GIT_LITERAL_PATHSPECS: '1', ...(o.extraEnv ?? {}) };
  return simpleGit({
    baseDir: dir,
    binary,
    timeout: { block: o.timeoutMs ?? timeoutMs },
    config: ['core.quotepath=off'],
    progress: o.onProgress,
    // simple-git only fails a command that wrote to stderr; `commit` with nothing staged exits 1 quietly.
    errors: (error, result) => error ?? (result.exitCode !== 0 ? Buffer.concat([...result.stdOut, ...result.stdErr]) : undefined),
    abort: o.signal,
    unsafe: RESTRICTED_OK,
    // The user's own GIT_* settings (CA bundle, proxies) are theirs to keep; SSH_ASKPASS is ours.
    allowEnvironment: [...Object.keys(env).filter((k) => /^GIT_/i.test(k)), 'SSH_ASKPASS'],
  }).env(env);
}

export function createGitContext(gitBinary: () => string, opts: GitServiceOptions = {}) {
  let ask = opts.askCredential;
  let script: Promise<string> | undefined;
  const localTimeout = opts.timeoutMs ?? 60_000;
  const networkTimeout = opts.networkTimeoutMs ?? 120_000;

  /** A client for commands that never leave the machine. */
  const git = (dir: string): SimpleGit => buildClient(dir, gitBinary(), localTimeout, {});

  /** Runs `fn` with a client whose credential prompts reach the UI and whose progress reaches `o.onProgress`. */
  async function network<T>(dir: string, o: NetworkOptions, fn: (g: SimpleGit) => Promise<T>): Promise<T> {
    if (opts.userDataDir && !script) script = installAskpassScript(opts.userDataDir);
    const path = script ? await script : undefined;
    const run = (extraEnv: Record<string, string>) => fn(buildClient(dir, gitBinary(), networkTimeout, { ...o, extraEnv }));
    return path ? withAskpass(path, ask, run) : run({});
  }

  return {
    git,
    network,
    setAskCredential(fn: AskCredential | undefined) {
      ask = fn;
    },
  };
}

export type GitContext = ReturnType<typeof createGitContext>;

/** Checks a project-relative path from a door before git sees it. */
export function relArg(rel: string): string {
  const clean = checkRelative(rel);
  if (clean === '') throw new ServiceError('VALIDATION', 'Name a file inside the project.');
  return clean;
}

/** `rev:./path`, which git resolves relative to the working directory (the project root). */
export const atRev = (rev: string, rel: string) => `${rev}:./${relArg(rel)}`;
