import { call } from '../../api/client';
import { currentProjectId } from '../app/store';
import type { DiffAction, DiffState, Slice } from './types';

export const DIFF_INITIAL: DiffState = { diff: null };

const LABELS = { head: ['HEAD', 'Working tree'], unstaged: ['Index', 'Working tree'], staged: ['HEAD', 'Index (staged)'] } as const;

/** What the diff editor shows: two texts and what they are. Monaco models stay in the component. */
export const createDiffSlice: Slice<DiffAction> = (set) => ({
  openFileDiff: async (relPath, mode) => {
    const diff = await call('git.fileDiff', { projectId: currentProjectId(), relPath, mode });
    const [originalLabel, modifiedLabel] = LABELS[mode];
    set({ diff: { title: relPath, relPath, originalLabel, modifiedLabel, diff } }, false, 'diff/file');
  },
  openCommitDiff: async (entry, file) => {
    const diff = await call('git.commitFileDiff', { projectId: currentProjectId(), rev: entry.sha, relPath: file.relPath, ...(file.oldPath ? { oldPath: file.oldPath } : {}) });
    set(
      { diff: { title: `${file.relPath} (${entry.shortSha} ${entry.subject})`, relPath: file.relPath, originalLabel: `${entry.shortSha}^`, modifiedLabel: entry.shortSha, diff } },
      false,
      'diff/commit',
    );
  },
  closeDiff: () => set({ diff: null }, false, 'diff/close'),
});
