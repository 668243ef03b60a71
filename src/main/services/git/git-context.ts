/** What every git module shares: the binary, the client the Git panel's commands use (from the one git runner,
 * git-runner.ts), and the credential bridge for commands that talk to a remote. */
import { ServiceError } from '../errors';
import { checkRelative } from '../workspace/safe-path';
import { installAskpassScript, withAskpass, type AskCredential } from './askpass';
import { LOCAL_TIMEOUT_MS, NETWORK_TIMEOUT_MS, gitClient, type GitClient, type GitProgress } from './git-runner';

export type { GitProgress };

export interface GitServiceOptions {
  /** Where the askpass helper is written. Without it git gets no askpass and fails fast on credentials. */
  readonly userDataDir?: string;
  /** Asks the UI for a user name, password or passphrase; can also be attached later (setAskCredential). */
  readonly askCredential?: AskCredential;
  /** Local commands: stop git after this long without output. Default 60 s. */
  readonly timeoutMs?: number;
  /** Clone, fetch, pull, push: stop after this long without output (progress counts). Default 120 s. */
  readonly networkTimeoutMs?: number;
  /** Where failures that must not stop the work are reported (a credential prompt that broke). Default console.warn. */
  readonly log?: (msg: string, extra?: unknown) => void;
}

export interface NetworkOptions {
  readonly onProgress?: (p: GitProgress) => void;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The git clients the Git panel's modules share. Pathspecs are literal, and any non-zero exit fails. */
export interface GitContext {
  /** A client for commands that never leave the machine. */
  git(dir: string): GitClient;
  /** Runs `fn` with a client whose credential prompts reach the UI and whose progress reaches `o.onProgress`. */
  network<T>(dir: string, o: NetworkOptions, fn: (g: GitClient) => Promise<T>): Promise<T>;
  /** Attaches (or with undefined detaches) the UI's credential prompt. */
  setAskCredential(fn: AskCredential | undefined): void;
}

export function createGitContext(gitBinary: () => string, opts: GitServiceOptions = {}): GitContext {
  let ask = opts.askCredential;
  let script: Promise<string> | undefined;
  const localTimeout = opts.timeoutMs ?? LOCAL_TIMEOUT_MS;
  const networkTimeout = opts.networkTimeoutMs ?? NETWORK_TIMEOUT_MS;
  /** Literal pathspecs: a file named `:(glob)*` or `*.py` is a file name the user clicked, not a pattern.
   * `commit` with nothing staged exits 1 quietly, so any non-zero exit fails. */
  const client = (dir: string, timeoutMs: number, o: NetworkOptions, extraEnv?: Record<string, string>): GitClient =>
    gitClient(dir, gitBinary(), { timeoutMs: o.timeoutMs ?? timeoutMs, okExitCodes: [0], literalPathspecs: true, extraEnv, onProgress: o.onProgress, signal: o.signal });

  /** A client for commands that never leave the machine. */
  const git = (dir: string): GitClient => client(dir, localTimeout, {});

  /** Runs `fn` with a client whose credential prompts reach the UI and whose progress reaches `o.onProgress`. */
  async function network<T>(dir: string, o: NetworkOptions, fn: (g: GitClient) => Promise<T>): Promise<T> {
    if (opts.userDataDir && !script) script = installAskpassScript(opts.userDataDir);
    const path = script ? await script : undefined;
    const run = (extraEnv: Record<string, string>) => fn(client(dir, networkTimeout, o, extraEnv));
    return path ? withAskpass(path, ask, run, opts.log) : run({});
  }

  return {
    git,
    network,
    setAskCredential(fn: AskCredential | undefined) {
      ask = fn;
    },
  };
}

/** Checks a project-relative path from a door before git sees it. */
export function relArg(rel: string): string {
  const clean = checkRelative(rel);
  if (clean === '') throw new ServiceError('VALIDATION', 'Name a file inside the project.');
  return clean;
}

/** `rev:./path`, which git resolves relative to the working directory (the project root). */
export const atRev = (rev: string, rel: string) => `${rev}:./${relArg(rel)}`;
