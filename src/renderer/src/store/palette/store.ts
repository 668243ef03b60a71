import { createStore } from '../create-store';

/** The palette's mode follows its first character, as in VS Code: '>' commands, ':' go to line, else files. */
export type PaletteMode = 'commands' | 'files' | 'line';

export const modeOf = (query: string): PaletteMode => (query.startsWith('>') ? 'commands' : query.startsWith(':') ? 'line' : 'files');
export const termOf = (query: string) => (modeOf(query) === 'files' ? query : query.slice(1)).trim();

interface PaletteState {
  open: boolean;
  query: string;
  index: number;
}

interface PaletteAction {
  show(prefix: '>' | ':' | ''): void;
  hide(): void;
  setQuery(query: string): void;
  move(delta: number, count: number): void;
}

export const usePaletteStore = createStore<PaletteState & PaletteAction>('palette', (set, get) => ({
  open: false,
  query: '',
  index: 0,
  show: (prefix) => set({ open: true, query: prefix, index: 0 }, false, 'show'),
  hide: () => set({ open: false }, false, 'hide'),
  setQuery: (query) => set({ query, index: 0 }, false, 'setQuery'),
  move: (delta, count) => set({ index: count ? (get().index + delta + count) % count : 0 }, false, 'move'),
}));
