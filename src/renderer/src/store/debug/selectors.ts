import type { DebugStore } from './types';

/** Reads for components; each returns a value zustand compares by identity or a primitive. */
export const debugSelectors = {
  isDebugging: (s: DebugStore) => s.session !== null,
  isPaused: (s: DebugStore) => s.session?.state === 'paused',
  isRunning: (s: DebugStore) => s.session?.state === 'running',
  state: (s: DebugStore) => s.session?.state ?? null,
  /** The frame the editor shows: the selected one, else the stop's own. */
  shownFrame: (s: DebugStore) => s.frames.find((f) => f.id === s.selectedFrameId) ?? s.stopped?.frame ?? null,
  /** The top frame of the stop (yellow in the gutter), against a selected older frame (green). */
  topFrame: (s: DebugStore) => s.stopped?.frame ?? s.frames[0] ?? null,
  breakpointCount: (s: DebugStore) => s.breakpoints.length,
};
