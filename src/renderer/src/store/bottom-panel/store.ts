import { createStore } from '../create-store';

/** The panel below the editor, as in VS Code: which tab shows, and whether it is open. Its tabs' contents are
 * registered by features (features/bottom-panel/registry.ts); this store only knows their ids. */
export const PROBLEMS_TAB = 'problems';
export const OUTPUT_TAB = 'output';
export const DEBUG_CONSOLE_TAB = 'debug-console';

interface BottomPanelState {
  readonly open: boolean;
  readonly active: string;
}

interface BottomPanelAction {
  /** Opens the panel on `tab`. */
  show(tab: string): void;
  close(): void;
  /** Ctrl/Cmd+J: opens the panel on the tab it showed last, or closes it. */
  toggle(): void;
  /** Picks a tab without opening a closed panel. */
  select(tab: string): void;
}

const OPEN_KEY = 'cs.panel.open';
const TAB_KEY = 'cs.panel.tab';

// A UI preference (localStorage), never file contents; absent in unit tests that run in node.
const storage = typeof localStorage === 'undefined' ? null : localStorage;

function remember(state: BottomPanelState): BottomPanelState {
  storage?.setItem(OPEN_KEY, String(state.open));
  storage?.setItem(TAB_KEY, state.active);
  return state;
}

export const useBottomPanelStore = createStore<BottomPanelState & BottomPanelAction>('bottomPanel', (set, get) => ({
  open: storage?.getItem(OPEN_KEY) === 'true',
  active: storage?.getItem(TAB_KEY) || PROBLEMS_TAB,
  show: (active) => set(remember({ open: true, active }), false, 'show'),
  close: () => set(remember({ open: false, active: get().active }), false, 'close'),
  toggle: () => set(remember({ open: !get().open, active: get().active }), false, 'toggle'),
  select: (active) => set(remember({ open: get().open, active }), false, 'select'),
}));
