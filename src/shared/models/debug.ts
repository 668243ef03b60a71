/** The debugger's public shapes (issue 16): a debug session runs a health check or an action in the connector's
 * own worker (the simulated FortiSOAR runtime, so what you debug is what you run) with debugpy inside it, and the
 * services speak the Debug Adapter Protocol to it (services/debug). The UI sees only these shapes, through the
 * `debug.*` channels and events of shared/ipc/contract.ts.
 *
 * Conventions:
 * - Lines and columns are 1-based, as Monaco and DAP count them.
 * - `path` is a file's path inside the project, relative to the project root with '/' separators, as
 *   `files.read` takes it (e.g. `my-connector/operations.py`). A frame in a file outside the project (the
 *   framework shims, the standard library, site-packages) has no `path`, only `name` and `origin`.
 * - `variablesReference` is DAP's lazy handle: 0 means a leaf; any other number is expanded with
 *   `debug.variables` while the session is paused at the stop that produced it (a handle dies when the
 *   session continues or steps).
 * - Secrets of the configuration are masked in every value, evaluate result and output line, as in the logs
 *   (`masked` says a value was changed).
 */
import type { AppError } from '../result';
import type { HealthResult, RunResult } from './runtime';

/** Where a debug session is. `starting`: debugpy is being installed (first use), the worker started or the
 * debugger attached; `running`: the call runs; `paused`: stopped at a breakpoint, a step, an exception or a
 * pause; `terminated`: the call ended (its result is in `debug.terminated`) or the session was stopped. */
export type DebugSessionState = 'starting' | 'running' | 'paused' | 'terminated';

/** What the session runs, in the project's connector. */
export type DebugTarget =
  /** check_health with a saved test configuration. */
  | { readonly kind: 'health'; readonly configId: string }
  /** One action, as Test Actions' Run: no configId runs with an empty configuration. */
  | { readonly kind: 'execute'; readonly operation: string; readonly params: Record<string, unknown>; readonly configId?: string }
  /** A saved test's recorded call (`tests/test_<op>.py::test_<op>_<name>`, pytest's node id), replayed offline from
   * its cassette in the worker with the run record's parameters and configuration, as the test replays it. */
  | { readonly kind: 'test'; readonly testId: string };

/** A breakpoint as the user set it, on one line. A condition is a Python expression; a hit condition is a count
 * or a comparison ('3', '>= 3', '% 2'); a logpoint (`logMessage`, with `{expression}` parts) prints instead of
 * stopping and never pauses. */
export interface SourceBreakpoint {
  readonly line: number;
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

/** A breakpoint in a file, as stored for the project and as the debugger confirmed it. `verified` is set once a
 * session has placed it (debugpy may move it to the next line with code: `line` is then the moved line);
 * absent while no session runs. `message` says why it could not be placed. */
export interface DebugBreakpoint extends SourceBreakpoint {
  readonly path: string;
  readonly verified?: boolean;
  readonly message?: string;
}

/** 'raised': stop where connector code raises an exception (even one it catches); 'uncaught': stop where an
 * exception leaves the connector's code (into the framework, which would turn it into a failed result).
 * Exceptions inside the framework shims and the runner never stop ("just my code"). */
export type ExceptionFilter = 'raised' | 'uncaught';
export const EXCEPTION_FILTERS: readonly ExceptionFilter[] = ['raised', 'uncaught'];

/** The project's breakpoints and exception filters, kept in the user data folder across restarts. */
export interface ProjectBreakpoints {
  /** Every breakpoint of the project, by file then line. */
  readonly breakpoints: DebugBreakpoint[];
  readonly exceptionFilters: ExceptionFilter[];
}

/** Where a frame's code lives: the connector's own files (in the project), the framework (the simulated
 * FortiSOAR's shims and runner), or a library (standard library, site-packages). With "just my code" a stack
 * holds connector frames; the others are named for a file debugpy still counts as the user's (outside the
 * project). */
export type FrameOrigin = 'connector' | 'framework' | 'library';

export interface DebugStackFrame {
  /** DAP frame id: valid while the session stays paused at this stop. */
  readonly id: number;
  /** The function's name. */
  readonly name: string;
  /** Inside the project; absent for a file outside it. */
  readonly path?: string;
  /** The file's name, for frames outside the project (e.g. `connector.py`, `requests/api.py`). */
  readonly fileName?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly origin: FrameOrigin;
}

/** The paused thread's frames, newest first: only the connector's own ("just my code": debugpy leaves out the
 * framework shims, the runner, the standard library and site-packages, and never stops in them). */
export interface DebugStackTrace {
  readonly frames: DebugStackFrame[];
}

export interface DebugScope {
  /** 'Locals', 'Globals', ... as debugpy names them. */
  readonly name: string;
  readonly variablesReference: number;
  /** Large scopes (Globals) are worth fetching only when opened. */
  readonly expensive: boolean;
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
}

export interface DebugVariable {
  readonly name: string;
  /** The value as text (repr), truncated by debugpy for big values; secrets masked. */
  readonly value: string;
  readonly type?: string;
  /** 0: nothing to expand; otherwise expand with `debug.variables` (lazy: children are fetched on demand). */
  readonly variablesReference: number;
  /** For a big container: how many children it has, so the UI can page them (`start`, `count`). */
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  /** An expression that evaluates to this value in its frame (for "Add to Watch"). */
  readonly evaluateName?: string;
  /** A secret of the configuration was masked in `value`. */
  readonly masked?: boolean;
}

export type EvaluateContext = 'watch' | 'repl' | 'hover';

export interface DebugEvaluateResult {
  /** The value as text, or the error's message when `error`; secrets masked. */
  readonly result: string;
  readonly type?: string;
  readonly variablesReference: number;
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  /** The expression failed (a NameError, a SyntaxError...): `result` says why. Not a failed request, so a
   * watch shows it in place. */
  readonly error?: boolean;
  readonly masked?: boolean;
}

/** Why the call stopped, as DAP names it: 'breakpoint', 'step', 'exception', 'pause', 'entry', 'goto', ... */
export type StoppedReason = 'breakpoint' | 'step' | 'exception' | 'pause' | 'entry' | 'goto' | 'function breakpoint' | 'data breakpoint' | (string & {});

/** Every debug event names its project, its session and the run id the caller chose in `debug.start`: the UI
 * can match events that arrive before the `debug.start` answer. */
export interface DebugEventBase {
  readonly projectId: string;
  readonly sessionId: string;
  readonly runId: string;
}

export interface DebugStopped extends DebugEventBase {
  readonly reason: StoppedReason;
  readonly threadId: number;
  /** The top connector frame of the stopped thread (the line to show), so the editor needs no second round trip;
   * absent if the stop is outside connector code. */
  readonly frame?: DebugStackFrame;
  /** For an exception: its type and message (masked). */
  readonly description?: string;
  readonly text?: string;
  readonly hitBreakpointIds?: number[];
}

export interface DebugContinued extends DebugEventBase {
  readonly threadId?: number;
}

/** What the debugger itself says: logpoint messages, debugpy's notices, the session's set-up steps ("Installing
 * debugpy into the tools environment..."). The connector's logs and print() output keep coming as
 * `runtime.output` events tagged with the runId, while paused and stepping too. */
export interface DebugOutput extends DebugEventBase {
  readonly category: 'console' | 'important' | 'stdout' | 'stderr';
  readonly text: string;
  readonly path?: string;
  readonly line?: number;
}

/** The end of a session: the call's result (as Check Health or Run would show it) when the call ran to its end,
 * or `error` when the session could not start (debugpy could not be installed, the worker did not start) or was
 * stopped (`stopped`). */
export type DebugTerminated = DebugEventBase &
  (
    | { readonly kind: 'health'; readonly result: HealthResult }
    | { readonly kind: 'execute'; readonly result: RunResult }
    | { readonly kind: 'stopped' }
    | { readonly kind: 'error'; readonly error: AppError }
  );

/** A project's breakpoints in one file changed: set by the user, or moved/verified by a session. */
export interface DebugBreakpointsChanged {
  readonly projectId: string;
  readonly path: string;
  readonly breakpoints: DebugBreakpoint[];
}

export interface DebugSessionInfo {
  readonly projectId: string;
  readonly sessionId: string;
  readonly runId: string;
  readonly target: DebugTarget;
  readonly state: DebugSessionState;
  /** The last stop while `paused`. */
  readonly stopped?: DebugStopped;
}

/** `debug.start`'s request, less the project. */
export interface DebugStartRequest {
  /** Chosen by the caller: tags the session's `debug.*` events and the call's `runtime.output` events. */
  readonly runId: string;
  readonly target: DebugTarget;
  /** Replaces the project's stored breakpoints of the files named here (each file's list in full); the stored
   * ones of other files apply too. Absent: the stored breakpoints. */
  readonly breakpoints?: DebugBreakpoint[];
  /** Absent: the stored filters. */
  readonly exceptionFilters?: ExceptionFilter[];
}
