import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { currentProjectId } from '../app/store';
import { HISTORY_PAGE, mergeHistory, parseHistorySearch } from './history-query';
import type { HistoryAction, HistoryState, Slice } from './types';

export const HISTORY_INITIAL: HistoryState = { history: [], historySearch: '', historyHasMore: false, historyLoading: false, historyError: null, expanded: null, commitFiles: {} };

let generation = 0;

export const createHistorySlice: Slice<HistoryAction> = (set, get) => ({
  loadHistory: async (reset = true) => {
    // A newer search wins over a slower older one.
    const mine = ++generation;
    set({ historyLoading: true }, false, 'history/loading');
    try {
      const query = { ...parseHistorySearch(get().historySearch), skip: reset ? 0 : get().history.length, limit: HISTORY_PAGE };
      const page = await call('git.log', { projectId: currentProjectId(), query });
      if (mine !== generation) return;
      set({ history: mergeHistory(get().history, page, reset), historyHasMore: page.hasMore, historyError: null }, false, 'history/loaded');
    } catch (e) {
      if (mine === generation) set({ historyError: messageOf(e), ...(reset ? { history: [] } : {}) }, false, 'history/failed');
    } finally {
      if (mine === generation) set({ historyLoading: false }, false, 'history/idle');
    }
  },
  setHistorySearch: (historySearch) => set({ historySearch }, false, 'history/search'),
  toggleCommit: async (sha) => {
    if (get().expanded === sha) return set({ expanded: null }, false, 'history/collapse');
    set({ expanded: sha }, false, 'history/expand');
    if (get().commitFiles[sha]) return;
    const files = await call('git.commitFiles', { projectId: currentProjectId(), rev: sha });
    set({ commitFiles: { ...get().commitFiles, [sha]: files } }, false, 'history/files');
  },
});
