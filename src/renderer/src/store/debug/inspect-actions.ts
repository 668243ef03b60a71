import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { appendLine, pushHistory } from './console';
import { childrenKey } from './variables';
import { loadWatches, saveWatches } from './watch-storage';
import type { DebugStore, InspectAction, InspectState, Slice } from './types';

const storage = typeof localStorage === 'undefined' ? null : localStorage;

export const INSPECT_INITIAL: InspectState = {
  stopId: 0,
  frames: [],
  selectedFrameId: null,
  scopes: [],
  children: {},
  expanded: {},
  watches: [],
  console: [],
  consoleHistory: [],
};

/** What a stop showed: cleared when the session runs on, since every frame id and value handle dies then. */
export const PER_STOP: Pick<InspectState, 'frames' | 'selectedFrameId' | 'scopes' | 'children'> = {
  frames: [], selectedFrameId: null, scopes: [], children: {},
};

/** Bumped at every stop and every run-on: an answer about an older stop is dropped. */
let stopSeq = 0;
export const nextStop = () => ++stopSeq;
export const currentStop = () => stopSeq;

/** The paused session's ids, or null while nothing is paused. */
export function pausedIds(s: DebugStore): { projectId: string; sessionId: string; threadId: number } | null {
  if (!s.projectId || !s.session?.sessionId || s.session.state !== 'paused' || !s.stopped) return null;
  return { projectId: s.projectId, sessionId: s.session.sessionId, threadId: s.stopped.threadId };
}

let nextWatchId = 1;

export const createInspectSlice: Slice<InspectAction> = (set, get) => {
  /** Runs `work` for the current stop; its result lands only if the session is still at that stop. */
  const atThisStop = async <T>(work: (ids: NonNullable<ReturnType<typeof pausedIds>>) => Promise<T>, land: (value: T) => void, failed?: (message: string) => void) => {
    const ids = pausedIds(get());
    if (!ids) return;
    const mine = stopSeq;
    try {
      const value = await work(ids);
      if (mine === stopSeq) land(value);
    } catch (e) {
      if (mine === stopSeq) failed?.(messageOf(e));
    }
  };

  const keepWatches = (watches: DebugStore['watches']) => {
    set({ watches }, false, 'watches');
    if (get().projectId) saveWatches(storage, get().projectId!, watches.map((w) => w.expression));
  };

  const evaluateWatch = (id: number) =>
    atThisStop(
      (ids) => call('debug.evaluate', { projectId: ids.projectId, sessionId: ids.sessionId, expression: get().watches.find((w) => w.id === id)?.expression ?? '', context: 'watch', ...frameOf(get()) }),
      (value) => set({ watches: get().watches.map((w) => (w.id === id ? { ...w, value } : w)) }, false, 'watch/evaluated'),
      (message) => set({ watches: get().watches.map((w) => (w.id === id ? { ...w, value: { result: message, variablesReference: 0, error: true } } : w)) }, false, 'watch/failed'),
    );

  return {
    selectFrame: async (frameId) => {
      set({ selectedFrameId: frameId, scopes: [], children: {} }, false, 'selectFrame');
      await atThisStop(
        (ids) => call('debug.scopes', { projectId: ids.projectId, sessionId: ids.sessionId, frameId }),
        (scopes) => {
          // The first cheap scope (Locals) opens by itself unless the user left another open, as in VS Code.
          const open = scopes.some((sc) => get().expanded[sc.name]);
          const first = scopes.find((sc) => !sc.expensive);
          set({ scopes, ...(!open && first ? { expanded: { ...get().expanded, [first.name]: true } } : {}) }, false, 'selectFrame/scopes');
        },
        (message) => set({ error: `The frame's variables could not be read: ${message}` }, false, 'selectFrame/failed'),
      );
      await get().refreshWatches();
    },
    loadChildren: async (request) => {
      const key = childrenKey(request);
      if (get().children[key]) return;
      if (!pausedIds(get())) {
        set({ children: { ...get().children, [key]: { status: 'error', error: 'The value is gone: the session ran on since it was shown.' } } }, false, 'loadChildren/gone');
        return;
      }
      set({ children: { ...get().children, [key]: { status: 'loading' } } }, false, 'loadChildren');
      await atThisStop(
        (ids) => call('debug.variables', { projectId: ids.projectId, sessionId: ids.sessionId, ...request }),
        (items) => set({ children: { ...get().children, [key]: { status: 'loaded', items } } }, false, 'loadChildren/done'),
        (error) => set({ children: { ...get().children, [key]: { status: 'error', error } } }, false, 'loadChildren/failed'),
      );
    },
    setExpanded: (path, open) => {
      const { [path]: _was, ...rest } = get().expanded;
      set({ expanded: open ? { ...rest, [path]: true } : rest }, false, 'setExpanded');
    },
    addWatch: async (expression) => {
      const text = expression.trim();
      if (!text) return;
      const id = nextWatchId++;
      keepWatches([...get().watches, { id, expression: text }]);
      await evaluateWatch(id);
    },
    editWatch: async (id, expression) => {
      const text = expression.trim();
      if (!text) return get().removeWatch(id);
      keepWatches(get().watches.map((w) => (w.id === id ? { id, expression: text } : w)));
      await evaluateWatch(id);
    },
    removeWatch: (id) => keepWatches(get().watches.filter((w) => w.id !== id)),
    removeAllWatches: () => keepWatches([]),
    refreshWatches: async () => {
      await Promise.all(get().watches.map((w) => evaluateWatch(w.id)));
    },
    evaluateForHover: async (expression) => {
      const ids = pausedIds(get());
      if (!ids) return null;
      return call('debug.evaluate', { projectId: ids.projectId, sessionId: ids.sessionId, expression, context: 'hover', ...frameOf(get()) });
    },
    evaluateInConsole: async (expression) => {
      const text = expression.trim();
      if (!text) return;
      set({ console: appendLine(get().console, { kind: 'input', text }), consoleHistory: pushHistory(get().consoleHistory, text) }, false, 'console/input');
      if (!pausedIds(get())) {
        set({ console: appendLine(get().console, { kind: 'output', category: 'stderr', text: 'Nothing to evaluate in: the console evaluates while a debug session is paused (at a breakpoint, a step or Pause).' }) }, false, 'console/notPaused');
        return;
      }
      await atThisStop(
        (ids) => call('debug.evaluate', { projectId: ids.projectId, sessionId: ids.sessionId, expression: text, context: 'repl', ...frameOf(get()) }),
        (value) => set({ console: appendLine(get().console, { kind: 'result', value, stopId: get().stopId }) }, false, 'console/result'),
        (message) => set({ console: appendLine(get().console, { kind: 'output', category: 'stderr', text: message }) }, false, 'console/failed'),
      );
    },
    clearConsole: () => set({ console: [] }, false, 'clearConsole'),
  };
};

const frameOf = (s: DebugStore) => (s.selectedFrameId !== null ? { frameId: s.selectedFrameId } : {});

/** The project's watch expressions, kept in this browser's storage (a UI preference, never in the project). */
export function restoreWatches(projectId: string): DebugStore['watches'] {
  return loadWatches(storage, projectId).map((expression) => ({ id: nextWatchId++, expression }));
}
