/** Debugger channels: sessions, stepping, frames, scopes, variables, evaluation and stored breakpoints. */
import type {
  DebugBreakpoint,
  DebugEvaluateResult,
  DebugScope,
  DebugSessionInfo,
  DebugStackTrace,
  DebugStartRequest,
  DebugVariable,
  EvaluateContext,
  ExceptionFilter,
  ProjectBreakpoints,
  SourceBreakpoint,
} from '../../models/debug';
import type { Empty, InProject } from './common';

interface InDebugSession extends InProject {
  sessionId: string;
}

export interface DebugChannels {
  /** The debugger (shared/models/debug.ts says the conventions). Every request names its project; those about a
   * session also its sessionId (NOT_FOUND once the session has ended). Starting needs a trusted project. */
  /** Answers at once with the session's id; the session then installs debugpy into the tools environment on first
   * use (`runtime.installProgress` events tagged with the runId), attaches, runs the target and reports
   * `debug.stopped`/`debug.continued`/`debug.output` and one `debug.terminated`. CONFLICT while another session of
   * the project runs. */
  'debug.start': { req: InProject & DebugStartRequest; res: { sessionId: string } };
  /** Stops the session (its worker and every process below it end) and starts the same target again with the
   * project's current breakpoints; answers the new session's id (same runId). */
  'debug.restart': { req: InDebugSession; res: { sessionId: string } };
  'debug.stop': { req: InDebugSession; res: Empty };
  /** The project's live sessions (zero or one), e.g. after the window reloads. */
  'debug.sessions': { req: InProject; res: DebugSessionInfo[] };
  /** `threadId` defaults to the thread of the last stop. */
  'debug.continue': { req: InDebugSession & { threadId?: number }; res: Empty };
  /** Step Over. */
  'debug.next': { req: InDebugSession & { threadId?: number }; res: Empty };
  'debug.stepIn': { req: InDebugSession & { threadId?: number }; res: Empty };
  'debug.stepOut': { req: InDebugSession & { threadId?: number }; res: Empty };
  'debug.pause': { req: InDebugSession & { threadId?: number }; res: Empty };
  /** The paused thread's frames, newest first, the connector's only ("just my code"). */
  'debug.stackTrace': { req: InDebugSession & { threadId?: number }; res: DebugStackTrace };
  'debug.scopes': { req: InDebugSession & { frameId: number }; res: DebugScope[] };
  /** A scope's or a value's children; `start`/`count` page the indexed children of a big list. */
  'debug.variables': {
    req: InDebugSession & { variablesReference: number; filter?: 'indexed' | 'named'; start?: number; count?: number };
    res: DebugVariable[];
  };
  /** Evaluates in the frame (default: the top frame of the last stop). */
  'debug.evaluate': { req: InDebugSession & { expression: string; frameId?: number; context: EvaluateContext }; res: DebugEvaluateResult };
  /** The project's stored breakpoints and exception filters (user data folder, kept across restarts). */
  'debug.breakpoints': { req: InProject; res: ProjectBreakpoints };
  /** Replaces the breakpoints of one file (`path` inside the project); stored for the project and applied to its
   * live session (or only `sessionId`'s). Answers them as the debugger placed them (`verified`, moved `line`);
   * `debug.breakpointsChanged` follows. */
  'debug.setBreakpoints': { req: InProject & { sessionId?: string; path: string; breakpoints: SourceBreakpoint[] }; res: DebugBreakpoint[] };
  /** Stored for the project and applied to its live session. */
  'debug.setExceptionFilters': { req: InProject & { sessionId?: string; filters: ExceptionFilter[] }; res: Empty };
}
