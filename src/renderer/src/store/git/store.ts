import { createStore } from '../create-store';
import { COMPAT_INITIAL, createCompatSlice } from './compat-actions';
import { CORE_INITIAL, createCoreSlice } from './core-actions';
import { DIFF_INITIAL, createDiffSlice } from './diff-actions';
import { HISTORY_INITIAL, createHistorySlice } from './history-actions';
import { REFS_INITIAL, createRefsSlice } from './refs-actions';
import { REMOTE_INITIAL, createRemoteSlice } from './remote-actions';
import type { GitStore } from './types';

/** Git for the project of this window: status and changes, history, refs, remotes, diffs, version report. */
const INITIAL = { ...CORE_INITIAL, ...HISTORY_INITIAL, ...REFS_INITIAL, ...REMOTE_INITIAL, ...DIFF_INITIAL, ...COMPAT_INITIAL };

export const useGitStore = createStore<GitStore>('git', (...a) => ({
  ...INITIAL,
  ...createCoreSlice(...a),
  ...createHistorySlice(...a),
  ...createRefsSlice(...a),
  ...createRemoteSlice(...a),
  ...createDiffSlice(...a),
  ...createCompatSlice(...a),
  // Closing or switching the project starts every list afresh.
  reset: () => a[0]({ ...INITIAL }, false, 'reset'),
}));
