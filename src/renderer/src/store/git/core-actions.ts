import { call } from '../../api/client';
import { currentProjectId, reportInBackground } from '../app/store';
import { gitDecorations } from './decorations';
import type { CoreAction, CoreState, Slice } from './types';

export const CORE_INITIAL: CoreState = { status: null, changes: null, decorations: gitDecorations(null), busy: false, message: '', amend: false, tab: 'changes' };

let refreshes = 0;

/** Status for the tree and status bar, the staged/unstaged split for the panel, and the commit itself. */
export const createCoreSlice: Slice<CoreAction> = (set, get) => {
  const busy = async <T>(work: () => Promise<T>): Promise<T> => {
    set({ busy: true }, false, 'busy');
    try {
      return await work();
    } finally {
      set({ busy: false }, false, 'idle');
    }
  };
  /** Every write ends in a refresh, so the lists never show a state git no longer has. */
  const thenRefresh = (work: () => Promise<unknown>) =>
    busy(async () => {
      try {
        await work();
      } finally {
        await get().refresh().catch(reportInBackground('Refreshing git status'));
      }
    });
  const pid = () => currentProjectId();
  return {
    refresh: async () => {
      const projectId = pid();
      // Refreshes overlap (file events, then the end of a write): only the latest started may set the lists.
      const mine = ++refreshes;
      const [status, changes] = await Promise.all([call('git.status', { projectId }), call('git.changes', { projectId })]);
      if (mine === refreshes) set({ status, changes, decorations: gitDecorations(status) }, false, 'status');
    },
    init: () => thenRefresh(() => call('git.init', { projectId: pid() })),
    commitAll: () =>
      busy(async () => {
        const message = get().message.trim();
        if (!message) throw new Error('Write a commit message first.');
        const { sha } = await call('git.commitAll', { projectId: pid(), message });
        set({ message: '' }, false, 'committed');
        await get().refresh();
        return sha;
      }),
    commit: () =>
      busy(async () => {
        const { message, amend } = get();
        const { sha } = await call('git.commit', { projectId: pid(), message: message.trim() || undefined, amend });
        set({ message: '', amend: false }, false, 'committed');
        await get().refresh();
        return sha;
      }),
    stage: (relPaths) => thenRefresh(() => call('git.stage', { projectId: pid(), relPaths })),
    unstage: (relPaths) => thenRefresh(() => call('git.unstage', { projectId: pid(), relPaths })),
    discard: (relPaths) => thenRefresh(() => call('git.discard', { projectId: pid(), relPaths })),
    addRecommendedIgnores: () => thenRefresh(() => call('git.addRecommendedIgnores', { projectId: pid() })),
    setMessage: (message) => set({ message }, false, 'setMessage'),
    setAmend: (amend) => set({ amend }, false, 'setAmend'),
    setTab: (tab) => set({ tab }, false, 'setTab'),
    reset: () => set({ ...CORE_INITIAL }, false, 'reset/core'),
  };
};
