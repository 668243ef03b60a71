import { messageOf } from '../../api/api-error';
import { call, onEvent } from '../../api/client';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { reportInBackground } from '../app/store';
import { createStore } from '../create-store';
import { noteGitignoreAdded, useProjectsStore } from '../projects/store';
import { gitProgressOf, type OperationProgress } from './progress';

/** The folder git clone would make for a URL, as the service names it; the dialog shows it as a placeholder. */
export function cloneFolderOf(url: string): string {
  return (url.trim().replace(/\/+$/, '').split(/[/:]/).pop() ?? '').replace(/\.git$/, '');
}

interface CloneState {
  open: boolean;
  url: string;
  name: string;
  running: boolean;
  progress: OperationProgress | null;
  error: string | null;
}
interface CloneAction {
  show(): void;
  hide(): void;
  setUrl(url: string): void;
  setName(name: string): void;
  /** Clones into the workspace and returns the new project, or null when it failed (the error is in state). */
  clone(): Promise<ProjectSummary | null>;
}

const INITIAL: CloneState = { open: false, url: '', name: '', running: false, progress: null, error: null };

/** Clone a repository by URL into the workspace (Home and the palette). */
export const useCloneStore = createStore<CloneState & CloneAction>('git-clone', (set, get) => ({
  ...INITIAL,
  show: () => set({ ...INITIAL, open: true }, false, 'show'),
  hide: () => !get().running && set({ open: false }, false, 'hide'),
  setUrl: (url) => set({ url, error: null }, false, 'setUrl'),
  setName: (name) => set({ name, error: null }, false, 'setName'),
  clone: async () => {
    const url = get().url.trim();
    const name = get().name.trim() || undefined;
    const key = name ?? cloneFolderOf(url);
    set({ running: true, error: null, progress: null }, false, 'clone/start');
    const off = onEvent('progress.updated', (e) => {
      const p = gitProgressOf(e, 'clone', key);
      if (p !== undefined) set({ progress: p }, false, 'clone/progress');
    });
    try {
      const project = await call('git.clone', { url, ...(name ? { name } : {}) });
      noteGitignoreAdded(project);
      await useProjectsStore.getState().load().catch(reportInBackground('Reloading the projects'));
      set({ ...INITIAL }, false, 'clone/done');
      return project;
    } catch (e) {
      set({ error: messageOf(e), running: false }, false, 'clone/failed');
      return null;
    } finally {
      off();
    }
  },
}));
