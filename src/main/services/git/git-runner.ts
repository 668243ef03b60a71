/** The one way Connector Studio runs git (as GitHub Desktop's `git()`): every service gets its client here, so
 * each command runs the binary from Settings' git path, with no terminal prompt, with a timeout, and, in a
 * folder the user has not trusted, with the overrides that keep the repository's own config from running
 * anything (restricted-config.ts). tests/architecture/one-git-runner.test.ts keeps other modules from starting
 * git themselves. */
import { execFileSync } from 'node:child_process';
import { GitError, simpleGit, type SimpleGit, type SimpleGitOptions, type SimpleGitProgressEvent } from 'simple-git';
import { RESTRICTED_PROBE_ENV, DRIVER_KEYS_ARGS, restrictedConfigEnv } from './restricted-config';

export type GitClient = SimpleGit;
export type GitProgress = SimpleGitProgressEvent;

/** Commands that never leave the machine. */
export const LOCAL_TIMEOUT_MS = 60_000;
/** Clone, fetch, pull, push (progress counts as output). */
export const NETWORK_TIMEOUT_MS = 120_000;

/** Which folders git may run with their own config (hooks, filters, fsmonitor). The composition root hands in
 * the trust service's answer; until then, and in tools that have none, every folder is restricted. */
let isTrustedFolder: (dir: string) => boolean = () => false;
export function setGitTrust(fn: (dir: string) => boolean): void {
  isTrustedFolder = fn;
}

/** Git must never wait on a terminal prompt: with no terminal it would hang the service forever. */
const NON_INTERACTIVE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
  GCM_INTERACTIVE: 'never',
};

/** Editors and pagers are never wanted (every message arrives on the command line), so they are dropped. */
const DROPPED = /^(EDITOR|VISUAL|PAGER|GIT_EDITOR|GIT_PAGER|GIT_SEQUENCE_EDITOR|GIT_ASKPASS|SSH_ASKPASS)$/i;

/** Lists the driver keys the folder's config defines. `git config` itself runs no hook, filter or fsmonitor.
 * Synchronous because simple-git takes its environment when the client is built; it is one short process, and
 * only for folders the user has not trusted. */
function listDriverKeys(dir: string, gitBinary: string, baseEnv: Record<string, string>): string[] {
  try {
    return execFileSync(gitBinary, DRIVER_KEYS_ARGS, {
      cwd: dir, env: { ...baseEnv, ...RESTRICTED_PROBE_ENV }, windowsHide: true, timeout: 15_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    }).split('\n').filter(Boolean);
  } catch (e) {
    // Exit 1 means no such keys (a folder outside any repository has none): the fixed list still applies. Any other
    // failure must not run git in this folder with overrides that may miss one of its drivers.
    if ((e as { status?: unknown }).status === 1) return [];
    throw e;
  }
}

/** The environment every git command runs with; given the folder it runs in, a folder the user has not trusted
 * also gets the overrides that keep its own config from running anything. */
function gitEnv(base: NodeJS.ProcessEnv, dir: string | undefined, binary: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !DROPPED.test(k) && !/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|PARAMETERS)$/.test(k)) env[k] = v;
  const safe = { ...env, ...NON_INTERACTIVE_ENV };
  return dir === undefined || isTrustedFolder(dir) ? safe : { ...safe, ...restrictedConfigEnv(listDriverKeys(dir, binary, safe)) };
}

/** simple-git refuses config that can run commands unless told; ours are the overrides that neutralise them.
 * The binary is Settings' git path or `git`, never a repository's word, so a path with spaces is allowed. */
const RESTRICTED_OK = {
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
  allowUnsafeCustomBinary: true,
} as const;

export interface GitRunOptions {
  /** Stop git after this long without output. Default LOCAL_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** The exit codes that mean success; any other fails the command. Without it a command fails only when it
   * exits non-zero and wrote to stderr (simple-git's rule; `git config <key>` with no value relies on it). */
  readonly okExitCodes?: readonly number[];
  /** Pathspecs are file names the user clicked (`:(glob)*`, `*.py`), never patterns. */
  readonly literalPathspecs?: boolean;
  /** Our own variables on top of the safe environment (the askpass bridge). */
  readonly extraEnv?: Record<string, string>;
  readonly onProgress?: (p: GitProgress) => void;
  readonly signal?: AbortSignal;
}

/** Fails every exit outside `ok`. A process stopped by the timeout or an abort, or one that never started, has
 * no exit code of its own (a signal, a negative errno), so it fails too. The failure carries git's exit code
 * (gitExitCode), so a probe can tell its "no" (exit 1) from git not running at all. */
function exitCodeRule(ok: readonly number[]): SimpleGitOptions['errors'] {
  return (error, result) => {
    if (result.exitCode === 0) return error;
    if (ok.includes(result.exitCode)) return undefined;
    const failure = error instanceof Error ? error : new GitError(undefined, Buffer.concat(error ? [error] : [...result.stdOut, ...result.stdErr]).toString('utf8'));
    return Object.assign(failure, { exitCode: result.exitCode });
  };
}

/** The exit code of a failed command run with okExitCodes; undefined for any other failure. */
export function gitExitCode(e: unknown): number | undefined {
  const code = e instanceof Error ? (e as Error & { exitCode?: unknown }).exitCode : undefined;
  return typeof code === 'number' ? code : undefined;
}

/** For `.catch` on a git probe run with okExitCodes: `value` when git answered with exit code `code` (the probe's
 * "no", as `rev-parse --verify --quiet` or `config <key>` exit 1); any other failure (no git, a timeout, a broken
 * repository) still fails. */
export const onGitExit =
  <T>(code: number, value: T) =>
  (e: unknown): T => {
    if (gitExitCode(e) === code) return value;
    throw e;
  };

function build(dir: string | undefined, binary: string, o: GitRunOptions, base: NodeJS.ProcessEnv): GitClient {
  const env = { ...gitEnv(base, dir, binary), ...(o.literalPathspecs ? { GIT_LITERAL_PATHSPECS: '1' } : {}), ...(o.extraEnv ?? {}) };
  return simpleGit({
    ...(dir === undefined ? {} : { baseDir: dir }),
    binary,
    timeout: { block: o.timeoutMs ?? LOCAL_TIMEOUT_MS },
    config: ['core.quotepath=off'],
    progress: o.onProgress,
    errors: o.okExitCodes && exitCodeRule(o.okExitCodes),
    abort: o.signal,
    unsafe: RESTRICTED_OK,
    // The user's own GIT_* settings (CA bundle, proxies) are theirs to keep; SSH_ASKPASS is ours (extraEnv).
    allowEnvironment: [...Object.keys(env).filter((k) => /^GIT_/i.test(k)), 'SSH_ASKPASS'],
  }).env(env);
}

/** A client for git in `dir`, running `binary` (Settings' git path, or `git`). */
export function gitClient(dir: string, binary: string, o: GitRunOptions = {}): GitClient {
  return build(dir, binary, o, process.env);
}

/** `git --version` of a binary, for Settings' tool check: its words, or null when it does not run. */
export async function gitVersion(binary: string, base: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  try {
    return (await build(undefined, binary, { timeoutMs: 5000, okExitCodes: [0] }, base).raw(['--version'])).trim() || null;
  } catch {
    // The caller reports "not found" with how to install git or set its path.
    return null;
  }
}
