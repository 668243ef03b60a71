import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { applyFile, applyStored, inFile, removeAt, setEnabledAt, toggleAt, upsertAt, sourceOf, type UiBreakpoint } from './breakpoints';
import type { BreakpointAction, BreakpointState, DebugStore, Slice } from './types';

export const BREAKPOINTS_INITIAL: BreakpointState = { breakpoints: [], exceptionFilters: [], breakpointsError: null };

/** The newest request per file: an older answer arriving late must not undo a later click. */
const latest = new Map<string, number>();
let seq = 0;

/** True while a change of the file's breakpoints is on its way: `debug.breakpointsChanged` for the file then
 * carries an older state, and the answer to the newest request decides. */
export const isSending = (path: string) => latest.has(path);

export const createBreakpointSlice: Slice<BreakpointAction> = (set, get) => {
  /** Shows `next` at once, then stores the file's enabled breakpoints (and applies them to a live session); the
   * answer brings the session's verdict (verified, moved lines). */
  const change = async (path: string, next: (list: readonly UiBreakpoint[]) => UiBreakpoint[]) => {
    const projectId = get().projectId;
    if (!projectId) return;
    set({ breakpoints: next(get().breakpoints), breakpointsError: null }, false, 'breakpoints/change');
    const mine = ++seq;
    latest.set(path, mine);
    try {
      const placed = await call('debug.setBreakpoints', { projectId, path, breakpoints: sourceOf(get().breakpoints, path), ...sessionIdOf(get()) });
      if (latest.get(path) === mine && get().projectId === projectId) set({ breakpoints: applyFile(get().breakpoints, path, placed) }, false, 'breakpoints/placed');
    } catch (e) {
      if (get().projectId === projectId) set({ breakpointsError: `The breakpoints of ${path} could not be saved: ${messageOf(e)}` }, false, 'breakpoints/failed');
    } finally {
      if (latest.get(path) === mine) latest.delete(path);
    }
  };

  const filesOf = (list: readonly UiBreakpoint[]) => [...new Set(list.map((b) => b.path))];

  return {
    loadBreakpoints: async () => {
      const projectId = get().projectId;
      if (!projectId) return;
      try {
        const stored = await call('debug.breakpoints', { projectId });
        if (get().projectId !== projectId) return;
        set({ breakpoints: applyStored(get().breakpoints, stored.breakpoints), exceptionFilters: stored.exceptionFilters, breakpointsError: null }, false, 'loadBreakpoints');
      } catch (e) {
        set({ breakpointsError: `The project's breakpoints could not be read: ${messageOf(e)}` }, false, 'loadBreakpoints/failed');
      }
    },
    toggleBreakpoint: (path, line) => change(path, (l) => toggleAt(l, path, line)),
    setBreakpoint: (path, line, options) => change(path, (l) => upsertAt(l, path, line, options)),
    removeBreakpoint: (path, line) => change(path, (l) => removeAt(l, path, line)),
    setBreakpointEnabled: (path, line, enabled) => change(path, (l) => setEnabledAt(l, path, line, enabled)),
    setAllEnabled: async (enabled) => {
      await Promise.all(filesOf(get().breakpoints).map((p) => change(p, (l) => l.map((b) => (b.path === p ? { ...b, enabled } : b)))));
    },
    removeAllBreakpoints: async () => {
      await Promise.all(filesOf(get().breakpoints).map((p) => change(p, (l) => l.filter((b) => b.path !== p))));
    },
    setExceptionFilter: async (filter, on) => {
      const projectId = get().projectId;
      if (!projectId) return;
      const filters = on ? [...new Set([...get().exceptionFilters, filter])] : get().exceptionFilters.filter((f) => f !== filter);
      set({ exceptionFilters: filters, breakpointsError: null }, false, 'setExceptionFilter');
      try {
        await call('debug.setExceptionFilters', { projectId, filters, ...sessionIdOf(get()) });
      } catch (e) {
        set({ breakpointsError: `The exception setting could not be saved: ${messageOf(e)}` }, false, 'setExceptionFilter/failed');
      }
    },
    breakpointsMoved: async (path, moves) => {
      const mine = inFile(get().breakpoints, path);
      if (!mine.some((b) => moves.has(b.line) && moves.get(b.line) !== b.line)) return;
      await change(path, (l) => {
        const others = l.filter((b) => b.path !== path);
        const moved = new Map<number, UiBreakpoint>();
        for (const b of inFile(l, path)) {
          const line = moves.get(b.line) ?? b.line;
          moved.set(line, { ...b, line, verified: undefined, message: undefined });
        }
        return [...others, ...moved.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
      });
    },
  };
};

/** A live session gets the change at once; between sessions the services only store it. */
function sessionIdOf(s: DebugStore): { sessionId?: string } {
  const id = s.session?.state !== 'terminated' ? s.session?.sessionId : null;
  return id ? { sessionId: id } : {};
}
