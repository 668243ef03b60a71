import { call, onEvent } from '../../api/client';
import { currentProjectId, reportInBackground } from '../app/store';
import { gitProgressOf } from './progress';
import { describeGitFailure } from './remote-errors';
import type { RemoteOp, RemoteOpsAction, RemoteOpsState, Slice } from './types';

export const REMOTE_INITIAL: RemoteOpsState = { running: null, failure: null, pullConflicts: [] };

/** fetch, pull and push: one at a time, with git's progress while it runs and a failure the panel can act on. */
export const createRemoteSlice: Slice<RemoteOpsAction> = (set, get) => {
  async function run(op: RemoteOp, work: (projectId: string) => Promise<unknown>): Promise<boolean> {
    if (get().running) return false;
    const projectId = currentProjectId();
    set({ running: { op, progress: null }, failure: null }, false, `${op}/start`);
    const off = onEvent('progress.updated', (e) => {
      const progress = gitProgressOf(e, op, projectId);
      if (progress !== undefined && get().running?.op === op) set({ running: { op, progress } }, false, `${op}/progress`);
    });
    try {
      await work(projectId);
      return true;
    } catch (e) {
      set({ failure: { ...describeGitFailure(e), op } }, false, `${op}/failed`);
      return false;
    } finally {
      off();
      set({ running: null }, false, `${op}/done`);
      await Promise.all([get().refresh(), get().loadRefs()]).catch(reportInBackground('Refreshing git status'));
    }
  }
  return {
    fetch: (remote) => run('fetch', (projectId) => call('git.fetch', { projectId, ...(remote ? { remote } : {}) })),
    pull: (remote) =>
      run('pull', async (projectId) => {
        const r = await call('git.pull', { projectId, ...(remote ? { remote } : {}) });
        set({ pullConflicts: r.conflicts }, false, 'pull/conflicts');
      }),
    push: (o = {}) => run('push', (projectId) => call('git.push', { projectId, ...o })),
    clearFailure: () => set({ failure: null }, false, 'failure/clear'),
  };
};
