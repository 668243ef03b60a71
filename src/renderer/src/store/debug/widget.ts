import { createStore } from '../create-store';

/** What the inline breakpoint editor under a line edits, as VS Code's: a condition, a hit count or a log message. */
export type BreakpointEditKind = 'condition' | 'hitCondition' | 'logMessage';

interface WidgetState {
  /** The line whose editor is open, in the file on screen; one at a time. */
  readonly open: { readonly path: string; readonly line: number; readonly kind: BreakpointEditKind } | null;
  show(path: string, line: number, kind: BreakpointEditKind): void;
  close(): void;
}

/** The inline breakpoint editor's state: opened from the gutter's menu or the Breakpoints list, drawn by the editor. */
export const useBreakpointWidgetStore = createStore<WidgetState>('debugWidget', (set) => ({
  open: null,
  show: (path, line, kind) => set({ open: { path, line, kind } }, false, 'show'),
  close: () => set({ open: null }, false, 'close'),
}));
