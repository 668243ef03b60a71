import { createStore } from '../create-store';
import { BREAKPOINTS_INITIAL, createBreakpointSlice } from './breakpoint-actions';
import { createInspectSlice, INSPECT_INITIAL } from './inspect-actions';
import { createSessionSlice, SESSION_INITIAL } from './session-actions';
import type { DebugStore } from './types';

export type { DebugStore } from './types';

/** The debugger as this window sees it: the project's breakpoints, the session it follows (from the `debug.*`
 * events) and what the paused session shows (frames, variables, watches, the Debug Console). */
export const useDebugStore = createStore<DebugStore>('debug', (...a) => ({
  ...SESSION_INITIAL,
  ...BREAKPOINTS_INITIAL,
  ...INSPECT_INITIAL,
  ...createSessionSlice(...a),
  ...createBreakpointSlice(...a),
  ...createInspectSlice(...a),
}));
