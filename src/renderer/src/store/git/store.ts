import type { GitStatus } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { currentProjectId } from '../app/store';
import { createStore } from '../create-store';
import { gitDecorations, type GitDecorations } from './decorations';

interface GitState {
  status: GitStatus | null;
  decorations: GitDecorations;
  busy: boolean;
  message: string;
}

interface GitAction {
  refresh(): Promise<void>;
  init(): Promise<void>;
  commitAll(): Promise<string>;
  setMessage(message: string): void;
  reset(): void;
}

export const useGitStore = createStore<GitState & GitAction>('git', (set, get) => {
  const apply = (status: GitStatus) => set({ status, decorations: gitDecorations(status) }, false, 'status');
  const busy = async <T>(work: () => Promise<T>): Promise<T> => {
    set({ busy: true }, false, 'busy');
    try {
      return await work();
    } finally {
      set({ busy: false }, false, 'idle');
    }
  };
  return {
    status: null,
    decorations: gitDecorations(null),
    busy: false,
    message: '',
    refresh: async () => apply(await call('git.status', { projectId: currentProjectId() })),
    init: () => busy(async () => apply(await call('git.init', { projectId: currentProjectId() }))),
    commitAll: () =>
      busy(async () => {
        const message = get().message.trim();
        if (!message) throw new Error('Write a commit message first.');
        const { sha } = await call('git.commitAll', { projectId: currentProjectId(), message });
        set({ message: '' }, false, 'committed');
        await get().refresh();
        return sha;
      }),
    setMessage: (message) => set({ message }, false, 'setMessage'),
    reset: () => set({ status: null, decorations: gitDecorations(null), message: '' }, false, 'reset'),
  };
});
