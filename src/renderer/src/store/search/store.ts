import type { ReplaceResult, SearchResult } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { currentProjectId } from '../app/store';
import { createStore } from '../create-store';
import { editorSelectors, useEditorStore } from '../editor/store';

interface SearchState {
  query: string;
  replacement: string;
  isRegex: boolean;
  matchCase: boolean;
  showReplace: boolean;
  result: SearchResult | null;
  lastReplace: ReplaceResult | null;
  searching: boolean;
  error: string | null;
  /** Bumped to ask the panel to focus its query box (Ctrl+Shift+F while it is open). */
  focusRequest: number;
}

interface SearchAction {
  setQuery(query: string): void;
  setReplacement(replacement: string): void;
  toggleRegex(): void;
  toggleMatchCase(): void;
  setShowReplace(show: boolean): void;
  requestFocus(): void;
  run(): Promise<void>;
  replaceAll(): Promise<ReplaceResult | null>;
  reset(): void;
}

export const useSearchStore = createStore<SearchState & SearchAction>('search', (set, get) => {
  const request = () => {
    const { query, isRegex, matchCase } = get();
    return { projectId: currentProjectId(), query, isRegex, matchCase };
  };
  return {
    query: '',
    replacement: '',
    isRegex: false,
    matchCase: false,
    showReplace: false,
    result: null,
    lastReplace: null,
    searching: false,
    error: null,
    focusRequest: 0,
    setQuery: (query) => set({ query }, false, 'setQuery'),
    setReplacement: (replacement) => set({ replacement }, false, 'setReplacement'),
    toggleRegex: () => set({ isRegex: !get().isRegex }, false, 'toggleRegex'),
    toggleMatchCase: () => set({ matchCase: !get().matchCase }, false, 'toggleMatchCase'),
    setShowReplace: (showReplace) => set({ showReplace }, false, 'setShowReplace'),
    requestFocus: () => set({ focusRequest: get().focusRequest + 1 }, false, 'requestFocus'),
    run: async () => {
      if (!get().query) return set({ result: null, error: null }, false, 'run/empty');
      set({ searching: true, lastReplace: null }, false, 'run/start');
      try {
        set({ result: await call('files.search', request()), error: null }, false, 'run/done');
      } catch (e) {
        set({ result: null, error: (e as Error).message }, false, 'run/failed');
      } finally {
        set({ searching: false }, false, 'run/end');
      }
    },
    /** Open files with unsaved edits are skipped, never overwritten; clean open files reload from disk. */
    replaceAll: async () => {
      if (!get().query) return null;
      const skip = editorSelectors.dirtyPaths(useEditorStore.getState());
      try {
        const result = await call('files.replace', { ...request(), replacement: get().replacement, skip });
        await useEditorStore.getState().filesChanged(result.changedFiles);
        await get().run();
        set({ lastReplace: result }, false, 'replaced');
        return result;
      } catch (e) {
        set({ error: (e as Error).message }, false, 'replace/failed');
        return null;
      }
    },
    reset: () => set({ result: null, lastReplace: null, error: null }, false, 'reset'),
  };
});
