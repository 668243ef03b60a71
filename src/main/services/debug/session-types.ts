/** What a debug session is given: its call, the project's breakpoints, and the services it reaches. */
import type { DebugTarget, ExceptionFilter, SourceBreakpoint } from '../../../shared/models/debug';
import type { EventBus } from '../events';
import type { Scrubber } from '../runtime/result-checks';
import type { CallOptions, HealthResult, RunResult, RuntimeService } from '../runtime/types';
import type { DebugpyInstaller } from './debugpy-install';

/** The project's breakpoints by absolute file, and its exception filters, read as the session attaches (a change
 * made while debugpy is being installed still counts). */
export interface SessionBreakpoints {
  readonly files: ReadonlyMap<string, readonly SourceBreakpoint[]>;
  readonly exceptionFilters: readonly ExceptionFilter[];
}

/** The call a session runs, with the session's options on top of the run's own. */
export type SessionRun = (options: CallOptions) => Promise<{ kind: 'health'; result: HealthResult } | { kind: 'execute'; result: RunResult }>;

export interface SessionDeps {
  readonly events: EventBus;
  readonly runtime: () => RuntimeService;
  readonly debugpy: () => Promise<DebugpyInstaller>;
  /** resources/python: the runner and the framework shims, never stepped into ("just my code"). */
  readonly pythonDir: string;
  readonly log: (message: string) => void;
}

export interface SessionSetup {
  readonly projectId: string;
  readonly runId: string;
  readonly target: DebugTarget;
  /** The project root (breakpoint and frame paths are relative to it) and its real path (symbolic links resolved). */
  readonly roots: readonly string[];
  readonly connectorDir: string;
  readonly scrub: Scrubber;
  readonly run: SessionRun;
}
