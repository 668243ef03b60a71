import { call } from '../../api/client';
import { currentProjectId, reportInBackground } from '../app/store';
import type { RefsAction, RefsState, Slice } from './types';

export const REFS_INITIAL: RefsState = { branches: null, tags: [], remotes: [] };

/** Branches, tags and remotes; after a change the lists and the status are read again. */
export const createRefsSlice: Slice<RefsAction> = (set, get) => {
  const pid = () => currentProjectId();
  const after = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } finally {
      await Promise.all([get().loadRefs(), get().refresh()]).catch(reportInBackground('Refreshing git status'));
    }
  };
  return {
    loadRefs: async () => {
      const projectId = pid();
      const [branches, tags, remotes] = await Promise.all([call('git.branches', { projectId }), call('git.tags', { projectId }), call('git.remotes', { projectId })]);
      set({ branches, tags, remotes }, false, 'refs/loaded');
    },
    createBranch: (name, checkout) => after(() => call('git.createBranch', { projectId: pid(), name, checkout })),
    switchBranch: (name) => after(() => call('git.switchBranch', { projectId: pid(), name })),
    deleteBranch: (name, force) => after(() => call('git.deleteBranch', { projectId: pid(), name, force })),
    createTag: (name, message) => after(() => call('git.createTag', { projectId: pid(), name, ...(message ? { message } : {}) })),
    deleteTag: (name) => after(() => call('git.deleteTag', { projectId: pid(), name })),
    addRemote: (name, url) => after(() => call('git.addRemote', { projectId: pid(), name, url })),
    removeRemote: (name) => after(() => call('git.removeRemote', { projectId: pid(), name })),
  };
};
