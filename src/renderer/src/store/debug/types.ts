import type { StateCreator } from 'zustand';
import type {
  DebugEvaluateResult,
  DebugScope,
  DebugSessionState,
  DebugStackFrame,
  DebugStopped,
  ExceptionFilter,
} from '../../../../shared/models/debug';
import type { BreakpointOptions, UiBreakpoint } from './breakpoints';
import type { ConsoleLine } from './console';
import type { DebugLaunch } from './launches';
import type { ChildrenRequest, ChildrenState } from './variables';

/** The session this window follows. `sessionId` is null until `debug.start` answers (its events can come first:
 * they are matched by `runId`). */
export interface DebugSessionView {
  readonly runId: string;
  readonly sessionId: string | null;
  readonly launch: DebugLaunch;
  readonly state: DebugSessionState;
  /** The last step of setting up (installing debugpy on first use), while `starting`. */
  readonly progress?: string;
}

/** How the last session ended, shown until the next starts. */
export interface DebugEnding {
  readonly title: string;
  readonly outcome: 'Success' | 'Failed' | 'Available' | 'Disconnected' | 'stopped' | 'error';
  readonly message: string;
}

export interface Watch {
  readonly id: number;
  readonly expression: string;
  /** Absent while not paused, or not evaluated yet. */
  readonly value?: DebugEvaluateResult;
}

export interface BreakpointState {
  breakpoints: UiBreakpoint[];
  exceptionFilters: ExceptionFilter[];
  breakpointsError: string | null;
}

export interface SessionState {
  projectId: string | null;
  session: DebugSessionView | null;
  /** Ids of this window's earlier sessions (before a restart): their late events are ignored. */
  endedSessionIds: string[];
  stopped: DebugStopped | null;
  ending: DebugEnding | null;
  /** A request that failed (start refused, a step on an ended session): the services' words. */
  error: string | null;
}

export interface InspectState {
  /** Counts the stops of this window's sessions: a value printed in the console opens only at its own stop. */
  stopId: number;
  /** The connector's frames only: debugpy runs with "just my code" (never in the framework shims or libraries). */
  frames: DebugStackFrame[];
  selectedFrameId: number | null;
  scopes: DebugScope[];
  /** Children fetched at this stop, by childrenKey (handles die when the session runs on). */
  children: Record<string, ChildrenState>;
  /** Open nodes of the trees, by their path of names ("Locals/params"): kept across stops, as VS Code does. */
  expanded: Record<string, true>;
  watches: Watch[];
  console: ConsoleLine[];
  consoleHistory: string[];
}

export type DebugState = BreakpointState & SessionState & InspectState;

export interface BreakpointAction {
  loadBreakpoints(): Promise<void>;
  toggleBreakpoint(path: string, line: number): Promise<void>;
  /** Adds the line's breakpoint with these options, or edits the existing one. */
  setBreakpoint(path: string, line: number, options: BreakpointOptions): Promise<void>;
  removeBreakpoint(path: string, line: number): Promise<void>;
  setBreakpointEnabled(path: string, line: number, enabled: boolean): Promise<void>;
  setAllEnabled(enabled: boolean): Promise<void>;
  removeAllBreakpoints(): Promise<void>;
  setExceptionFilter(filter: ExceptionFilter, on: boolean): Promise<void>;
  /** Lines of a file moved under its breakpoints (an edit above them): `moves` maps old line to new line. */
  breakpointsMoved(path: string, moves: ReadonlyMap<number, number>): Promise<void>;
}

export interface SessionAction {
  /** Starts following the project's debugging: its breakpoints, a session left running (a reload), the events. */
  open(projectId: string): Promise<void>;
  /** Starts a session; false when it could not (the error is in `error`). */
  start(launch: DebugLaunch): Promise<boolean>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  continue(): Promise<void>;
  pause(): Promise<void>;
  stepOver(): Promise<void>;
  stepInto(): Promise<void>;
  stepOut(): Promise<void>;
  dismissError(): void;
}

export interface InspectAction {
  selectFrame(frameId: number): Promise<void>;
  loadChildren(request: ChildrenRequest): Promise<void>;
  setExpanded(path: string, open: boolean): void;
  addWatch(expression: string): Promise<void>;
  editWatch(id: number, expression: string): Promise<void>;
  removeWatch(id: number): void;
  removeAllWatches(): void;
  /** Evaluates every watch in the selected frame (each stop, each frame change). */
  refreshWatches(): Promise<void>;
  /** The editor's hover while paused: a name's value in the selected frame, not kept; null when not paused. */
  evaluateForHover(expression: string): Promise<DebugEvaluateResult | null>;
  /** The Debug Console's input: evaluates in the selected frame and prints the answer. */
  evaluateInConsole(expression: string): Promise<void>;
  clearConsole(): void;
}

export type DebugStore = DebugState & BreakpointAction & SessionAction & InspectAction;
export type Slice<T> = StateCreator<DebugStore, [['zustand/devtools', never]], [], T>;
