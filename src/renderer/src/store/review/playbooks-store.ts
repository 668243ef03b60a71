import type { PlaybookList } from '../../../../shared/connector/playbooks';
import { call } from '../../api/client';
import { currentProjectId } from '../app/store';
import { createStore } from '../create-store';

interface PlaybooksState {
  readonly list: PlaybookList | null;
  readonly loading: boolean;
  readonly generating: boolean;
  readonly error: string | null;
}

interface PlaybooksAction {
  load(): Promise<void>;
  /** Adds one inactive, tagged sample per visible action; playbooks the user wrote are never overwritten. */
  generate(): Promise<{ added: string[]; skipped: string[] }>;
  reset(): void;
}

const EMPTY: PlaybooksState = { list: null, loading: false, generating: false, error: null };

let generation = 0;

export const usePlaybooksStore = createStore<PlaybooksState & PlaybooksAction>('playbooks', (set, get) => ({
  ...EMPTY,
  load: async () => {
    const mine = ++generation;
    set({ loading: true, error: null }, false, 'load');
    try {
      const list = await call('playbooks.list', { projectId: currentProjectId() });
      if (mine === generation) set({ list, loading: false }, false, 'load/done');
    } catch (e) {
      if (mine === generation) set({ loading: false, error: e instanceof Error ? e.message : String(e) }, false, 'load/failed');
    }
  },
  generate: async () => {
    set({ generating: true }, false, 'generate');
    try {
      const result = await call('playbooks.generateSamples', { projectId: currentProjectId() });
      await get().load();
      return result;
    } finally {
      set({ generating: false }, false, 'generate/done');
    }
  },
  reset: () => {
    generation++;
    set(EMPTY, false, 'reset');
  },
}));
