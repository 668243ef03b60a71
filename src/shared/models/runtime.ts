import type { PlatformRecordChange } from './platform-data';

/** Public shapes of the simulated runtime. Health and run results follow DESIGN.md's CLI contract
 * (FortiSOAR's envelopes plus our fields); everything else is optional extra detail for the UI. */

export interface LogEntry {
  /** ISO 8601, UTC. */
  readonly time: string;
  /** Python's level name: DEBUG, INFO, WARNING, ERROR, CRITICAL. */
  readonly level: string;
  /** Logger name, e.g. `connectors.virustotal` for `get_logger('virustotal')`. */
  readonly logger: string;
  readonly message: string;
  readonly module?: string;
  readonly funcName?: string;
  readonly lineno?: number;
}

export type OutputStream = 'stdout' | 'stderr';

/** Why a call ended without an answer from the connector: the worker was then stopped or found dead. */
export type WorkerFailure = 'timeout' | 'crash' | 'spawn';

/** What every call returns besides its envelope. */
export interface CallOutput {
  /** Wall time of the round trip as the caller saw it (includes starting Python on a cold call). */
  readonly durationMs: number;
  readonly logs: LogEntry[];
  readonly stdout: string;
  readonly stderr: string;
  readonly workerFailure?: WorkerFailure;
}

/** Side effects the framework shims recorded instead of talking to a FortiSOAR server. */
export interface CallEffects {
  /** `update_connnector_config(...)` calls: the host should save `config` as the test configuration. */
  readonly configUpdates?: Array<{ connector: string | null; version: string | null; configId: string | null; config: Record<string, unknown> }>;
  /** `trigger_ingest_playbook(...)` calls (first 1000 records of each). */
  readonly ingested?: Array<{ playbook: string; count: number; batchSize: number; dedupField: string | null; records: unknown[] }>;
  /** `make_request` / `make_cyops_request` calls answered by the simulator. */
  readonly crudhubRequests?: Array<{ method: string; iri: string; body: unknown }>;
  /** Records of the simulated platform (platform-data.ts) the call created, updated or deleted, in order. */
  readonly platformRecords?: PlatformRecordChange[];
}

/** What the host did with a configuration update the connector made during the call (`update_connnector_config`):
 * it saved it, as FortiSOAR does, or, for a CLI `--config` file that git tracks, refused to write it. */
export interface ConfigSaved {
  /** Fields whose value changed, sorted; a secret's name is listed, its value never. */
  readonly fields: string[];
  /** The test configuration's name, or the CLI's configuration file. */
  readonly target: string;
  /** The CLI left a file that git tracks unchanged (refreshed tokens must not land in git). */
  readonly notWritten?: 'git-tracked';
}

export interface HealthResult extends CallOutput, CallEffects {
  readonly status: 'Available' | 'Disconnected';
  readonly message: string;
  /** Set when the connector updated its configuration during the check and the host kept the change. */
  readonly configSaved?: ConfigSaved;
}

export interface SchemaDiff {
  /** Keys of the operation's output_schema missing from the data's top level. */
  readonly missing: string[];
  /** Top-level keys of the data that output_schema does not declare. */
  readonly extra: string[];
}

export interface RunResult extends CallOutput, CallEffects {
  readonly operation: string;
  readonly status: 'Success' | 'Failed';
  readonly message: string;
  readonly data: unknown;
  readonly schema: SchemaDiff;
  /** Time spent inside `execute` itself, measured by the worker. */
  readonly operationMs?: number;
  /** The action returned `(data, True)` or a binary Result; bytes arrive base64-encoded. */
  readonly binary?: boolean;
  readonly encoding?: 'base64';
  /** The playbook environment after the call, when the connector added to it. */
  readonly env?: Record<string, unknown>;
  /** Set when the connector updated its configuration during the run and the host kept the change. */
  readonly configSaved?: ConfigSaved;
}

export type HookName =
  | 'on_app_start'
  | 'on_add_config'
  | 'on_update_config'
  | 'on_delete_config'
  | 'on_activate'
  | 'on_deactivate'
  | 'teardown';

export interface HookResult extends CallOutput, CallEffects {
  readonly hook: HookName;
  readonly status: 'Success' | 'Failed';
  readonly message: string;
  readonly data: unknown;
  /** Set when the hook was not run because the project is in Restricted Mode (workspace trust). */
  readonly skipped?: 'restricted';
}

export interface CallOptions {
  /** Overrides the service's timeout for this call. */
  readonly timeoutMs?: number;
  /** Streams each log record as it happens (the result still carries them all). */
  readonly onLog?: (entry: LogEntry) => void;
  readonly onOutput?: (stream: OutputStream, text: string) => void;
  /** Records the call's HTTP (made through requests) to this cassette file, or answers it from the file offline. */
  readonly cassette?: CassetteSpec;
  /** The caller's run id (Test Actions' runId): the platform records it as the writer of what the call creates. */
  readonly runId?: string;
  /** Every encoded form of the call's secrets, as the worker reports them before the connector runs (a debug
   * session masks the values it shows with them). */
  readonly onSecrets?: (forms: readonly string[]) => void;
  /** A debug session's: the call's timeout stands still while the connector is paused at a breakpoint. */
  readonly timeoutPause?: TimeoutPause;
}

/** Whether a call's time runs: a debug session sets `paused` while the connector is stopped in the debugger. */
export interface TimeoutPause {
  readonly paused: boolean;
  /** Calls `listener` whenever `paused` changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A cassette as the UI names it: `<project root>/tests/cassettes/<operation>-<name>.json` (health: operation `check_health`), committed with the project (scrubbed); see shared/models/cassette.ts. */
export interface CassetteRequest {
  readonly mode: 'record' | 'replay';
  readonly name: string;
}

export interface CassetteSpec {
  readonly mode: 'record' | 'replay';
  /** Absolute path of the cassette's JSON file. */
  readonly path: string;
}

export interface ExecuteOptions extends CallOptions {
  /** The playbook environment passed as `execute(..., env=env)`. */
  readonly env?: Record<string, unknown>;
}

export interface RuntimeServiceOptions {
  /** Interpreter and leading arguments, e.g. `['py', '-3']` or a virtualenv's python. Default `['python3']`. */
  readonly pythonCommand?: string[];
  /** Per call. Default 60000. */
  readonly timeoutMs?: number;
  /** Cap on each of stdout, stderr and log text per call. Default 1 MiB. */
  readonly outputCapBytes?: number;
  /** Cap on the JSON size of an action's data. Default 32 MiB. */
  readonly dataCapBytes?: number;
  /** Working folder of the workers; `attachments/` inside it stands in for FortiSOAR's file store. */
  readonly dataDir: string;
  /** Defaults to resources/python/runner.py of the app. */
  readonly runnerPath?: string;
  /** settings.TMP_FILE_ROOT of the workers, where the framework's helpers write files for the connector. Default
   * '/tmp' on POSIX, as on the server (connectors hard-code it); the system temp folder elsewhere. */
  readonly tmpFileRoot?: string;
  /** Extra environment for the workers (e.g. PYTHONPATH, proxy settings), on top of the part of the IDE's
   * environment a worker inherits (never its tokens or credentials). */
  readonly env?: Record<string, string>;
  /** Address-space limit of each worker in MB (Settings > Runtime). Default 2048; 0: none. */
  readonly memoryLimitMb?: number;
  /** Where problems nobody awaits are reported (a worker that would not stop, a reload that failed). Default
   * console.warn. */
  readonly warn?: (message: string) => void;
}

export interface ListenOptions {
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** Answer only once a debugger has attached and sent configurationDone (the CLI's --debug). */
  readonly wait?: boolean;
  /** Default: the runtime's timeout, none with `wait`. */
  readonly timeoutMs?: number;
}

/** Where the worker's debugpy listens, or why it does not (the step that failed, e.g. "import debugpy: ..."). */
export type DebuggerListening = { readonly ok: true; readonly port: number; readonly pid?: number } | { readonly ok: false; readonly message: string };

export interface WorkerInfo {
  readonly folder: string;
  readonly pid: number | undefined;
  readonly alive: boolean;
}

export interface RuntimeService {
  checkHealth(folder: string, config: Record<string, unknown>, options?: CallOptions): Promise<HealthResult>;
  execute(
    folder: string,
    operation: string,
    params: Record<string, unknown>,
    config: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<RunResult>;
  runHook(folder: string, hook: HookName, args: unknown[], options?: CallOptions): Promise<HookResult>;
  /** Makes debugpy listen on 127.0.0.1 in the folder's worker, once per worker (resources/python/debug_support.py). */
  listenForDebugger(folder: string, options?: ListenOptions): Promise<DebuggerListening>;
  /** Drops the connector's modules in its worker so saved edits apply on the next call. */
  reload(folder: string): Promise<void>;
  stop(folder: string): Promise<void>;
  stopAll(): Promise<void>;
  /** Running workers, for diagnostics, tests and benchmarks. */
  workers(): WorkerInfo[];
}
