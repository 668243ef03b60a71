/** The debugger as the router reaches it (channels `debug.*`, shared/ipc/contract.ts). */
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
} from '../../../shared/models/debug';

/** The DAP requests that move a paused (or running, for pause) thread. */
export type DebugControl = 'continue' | 'next' | 'stepIn' | 'stepOut' | 'pause';

export interface DebugService {
  /** Answers once the session exists; installing debugpy, attaching and running follow as events. */
  start(projectId: string, req: DebugStartRequest): Promise<{ sessionId: string }>;
  restart(projectId: string, sessionId: string): Promise<{ sessionId: string }>;
  /** Ends the session and its worker (with every process below it); the next call starts a fresh worker. */
  stop(projectId: string, sessionId: string): Promise<void>;
  sessions(projectId: string): Promise<DebugSessionInfo[]>;
  control(projectId: string, sessionId: string, action: DebugControl, threadId?: number): Promise<void>;
  stackTrace(projectId: string, sessionId: string, threadId?: number): Promise<DebugStackTrace>;
  scopes(projectId: string, sessionId: string, frameId: number): Promise<DebugScope[]>;
  variables(projectId: string, sessionId: string, o: { variablesReference: number; filter?: 'indexed' | 'named'; start?: number; count?: number }): Promise<DebugVariable[]>;
  evaluate(projectId: string, sessionId: string, o: { expression: string; frameId?: number; context: EvaluateContext }): Promise<DebugEvaluateResult>;
  breakpoints(projectId: string): Promise<ProjectBreakpoints>;
  setBreakpoints(projectId: string, path: string, breakpoints: SourceBreakpoint[], sessionId?: string): Promise<DebugBreakpoint[]>;
  setExceptionFilters(projectId: string, filters: ExceptionFilter[], sessionId?: string): Promise<void>;
  /** Stops every session (the app quitting). */
  dispose(): Promise<void>;
}
