import { isApiError, messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { currentProjectId, reportInBackground } from '../app/store';
import { useProjectsStore } from '../projects/store';
import type { CompatAction, CompatState, Slice } from './types';
import { insertReleaseNotes, lastVersionTag, releaseNotesPath, versionSpec } from './versions';

export const COMPAT_INITIAL: CompatState = { compatOpen: false, compatOld: '', compatNew: 'working', compatReport: null, compatLoading: false, compatError: null };

let comparisons = 0;

/** The compatibility report between two versions: by default the working tree against the last version tag. */
export const createCompatSlice: Slice<CompatAction> = (set, get) => ({
  openCompat: async (old) => {
    set({ compatOpen: true, compatReport: null, compatError: null }, false, 'compat/open');
    const refsFailed = await get().loadRefs().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (refsFailed !== undefined && old === undefined)
      return set({ compatOld: '', compatError: `The version tags could not be read: ${messageOf(refsFailed)}` }, false, 'compat/noRefs');
    if (refsFailed !== undefined) reportInBackground('Loading branches and tags')(refsFailed);
    const from = old ?? lastVersionTag(get().tags);
    if (!from) return set({ compatOld: '', compatError: 'No version tag yet (such as v1.0.0): tag the released version under Branches and Tags, then compare again.' }, false, 'compat/noTag');
    await get().compare(from, 'working');
  },
  compare: async (old, next) => {
    // Quick changes of the pickers: only the latest comparison may fill the report.
    const mine = ++comparisons;
    set({ compatOld: old, compatNew: next, compatLoading: true, compatError: null }, false, 'compat/loading');
    try {
      const report = await call('versions.compare', { projectId: currentProjectId(), old: versionSpec(old) ?? '.', ...(versionSpec(next) ? { new: versionSpec(next) } : {}) });
      if (mine === comparisons) set({ compatReport: report }, false, 'compat/loaded');
    } catch (e) {
      if (mine === comparisons) set({ compatReport: null, compatError: messageOf(e) }, false, 'compat/failed');
    } finally {
      if (mine === comparisons) set({ compatLoading: false }, false, 'compat/idle');
    }
  },
  /** Writes the drafted section into release_notes.md (keeping the rest); returns the file's project path. */
  insertReleaseNotes: async () => {
    const report = get().compatReport;
    if (!report) throw new Error('Compare two versions first.');
    const projectId = currentProjectId();
    const rel = releaseNotesPath(useProjectsStore.getState().projects.find((p) => p.id === projectId)?.connectorRel ?? '');
    // No release_notes.md yet: it is created.
    const current = await call('files.read', { projectId, relPath: rel }).catch((e: unknown) => {
      if (isApiError(e) && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    await call('files.write', { projectId, relPath: rel, text: insertReleaseNotes(current?.text ?? '', report.releaseNotes), etag: current?.etag ?? null });
    return rel;
  },
  closeCompat: () => set({ compatOpen: false }, false, 'compat/close'),
});
