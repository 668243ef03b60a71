/** The Platform data view's state: the simulated FortiSOAR's records and files for the window's project. */
import type { PlatformRecord, PlatformSnapshot } from '../../../../shared/models/platform-data';
import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { createStore } from '../create-store';
import { useTestingStore } from '../testing/store';
import { callEnded, findItem, moduleOfIri, normalIri } from './model';

export interface PlatformDataState {
  projectId: string | null;
  snapshot: PlatformSnapshot | null;
  loading: boolean;
  error: string | null;
  resetting: boolean;
  /** The record or file whose detail is open, by IRI. */
  selectedIri: string | null;
  /** Modules the user folded; a module is open unless it is here. */
  collapsed: Readonly<Record<string, boolean>>;
  /** Bumped by reveal(): the view scrolls to the selected item and focuses it, even when it was selected already. */
  revealSeq: number;
  /** An IRI a run listed that the store no longer holds (reset since, deleted, or beyond the snapshot's cap). */
  notFound: string | null;
  /** The selected record whole, as a connector GETs it (`platform.record`): an attachment's `file` embedded. */
  record: { readonly iri: string; readonly json: PlatformRecord } | null;
  /** Why the selected record could not be read (gone since the list was read, or the store failed). */
  recordError: string | null;
}

export interface PlatformDataAction {
  /** Shows this project's data, and refreshes it after every call the Test view makes from now on. */
  open(projectId: string): Promise<void>;
  refresh(): Promise<void>;
  select(iri: string | null): void;
  toggleModule(module: string): void;
  /** Selects a record (or file) a run listed, opening its module; refreshes first when the snapshot lacks it. */
  reveal(iri: string): Promise<boolean>;
  /** Deletes every record and file of this project's simulated platform; the caller asks the user first. */
  reset(): Promise<boolean>;
}

export type PlatformDataStore = PlatformDataState & PlatformDataAction;

export const PLATFORM_INITIAL: PlatformDataState = {
  projectId: null,
  snapshot: null,
  loading: false,
  error: null,
  resetting: false,
  selectedIri: null,
  collapsed: {},
  revealSeq: 0,
  notFound: null,
  record: null,
  recordError: null,
};

let stopWatching: (() => void) | null = null;
/** Only the newest refresh may write: an older answer arriving late would show data from before the last run. */
let refreshSeq = 0;
/** Likewise for the selected record: only the answer for the newest read may show. */
let recordSeq = 0;

export const usePlatformDataStore = createStore<PlatformDataStore>('platformData', (set, get) => {
  /** Reads the selected record whole; a file (its summary is all there is to it) and no selection read nothing. */
  const loadRecord = async () => {
    const { projectId, selectedIri, snapshot } = get();
    const seq = ++recordSeq;
    if (!projectId || !selectedIri || findItem(snapshot, selectedIri)?.kind !== 'record') {
      set({ record: null, recordError: null }, false, 'record/none');
      return;
    }
    if (get().record?.iri !== selectedIri) set({ record: null, recordError: null }, false, 'record/start');
    try {
      const { record } = await call('platform.record', { projectId, iri: selectedIri });
      if (seq === recordSeq) set({ record: { iri: selectedIri, json: record }, recordError: null }, false, 'record/done');
    } catch (e) {
      if (seq === recordSeq) set({ record: null, recordError: `The record cannot be read: ${messageOf(e)}` }, false, 'record/failed');
    }
  };
  return {
    ...PLATFORM_INITIAL,
    open: async (projectId) => {
      if (get().projectId !== projectId) set({ ...PLATFORM_INITIAL, projectId, revealSeq: get().revealSeq }, false, 'open');
      // Listen to the Test view's own state rather than poll: a run, health check or hook that ends may have written.
      stopWatching ??= useTestingStore.subscribe((next, prev) => {
        if (next.projectId === get().projectId && callEnded(prev, next)) void get().refresh();
      });
      await get().refresh();
    },
    refresh: async () => {
      const projectId = get().projectId;
      if (!projectId) return;
      const seq = ++refreshSeq;
      set({ loading: true }, false, 'refresh/start');
      try {
        const snapshot = await call('platform.snapshot', { projectId });
        if (seq !== refreshSeq || get().projectId !== projectId) return;
        const selectedIri = get().selectedIri && findItem(snapshot, get().selectedIri!) ? get().selectedIri : null;
        set({ snapshot, error: null, selectedIri }, false, 'refresh/done');
        // A run may have changed the open record (an update) or removed it.
        void loadRecord();
      } catch (e) {
        if (seq === refreshSeq) set({ error: `The platform data cannot be read: ${messageOf(e)}` }, false, 'refresh/failed');
      } finally {
        if (seq === refreshSeq) set({ loading: false }, false, 'refresh/end');
      }
    },
    select: (iri) => {
      set({ selectedIri: iri && get().selectedIri !== iri ? iri : null, notFound: null }, false, 'select');
      void loadRecord();
    },
    toggleModule: (module) => {
      const { [module]: was, ...rest } = get().collapsed;
      set({ collapsed: was ? rest : { ...rest, [module]: true } }, false, 'toggleModule');
    },
    reveal: async (iri) => {
      if (!findItem(get().snapshot, iri)) await get().refresh();
      const item = findItem(get().snapshot, iri);
      if (!item) {
        set({ notFound: normalIri(iri), selectedIri: null, record: null, recordError: null }, false, 'reveal/missing');
        return false;
      }
      const module = item.kind === 'record' ? item.record.module : moduleOfIri(item.file.iri);
      const { [module ?? '']: _open, ...collapsed } = get().collapsed;
      const selectedIri = item.kind === 'record' ? item.record.iri : item.file.iri;
      set({ selectedIri, collapsed, notFound: null, revealSeq: get().revealSeq + 1 }, false, 'reveal');
      void loadRecord();
      return true;
    },
    reset: async () => {
      const projectId = get().projectId;
      if (!projectId || get().resetting) return false;
      set({ resetting: true }, false, 'reset/start');
      try {
        await call('platform.reset', { projectId });
        set({ selectedIri: null, notFound: null }, false, 'reset/done');
        await get().refresh();
        return true;
      } catch (e) {
        set({ error: `The platform data was not reset: ${messageOf(e)}` }, false, 'reset/failed');
        return false;
      } finally {
        set({ resetting: false }, false, 'reset/end');
      }
    },
  };
});
