import { messageOf } from '../../api/api-error';
import { call, onEvent } from '../../api/client';
import { createStore } from '../create-store';
import { useProjectsStore } from '../projects/store';
import { CONFIG_INITIAL, createConfigSlice } from './config-actions';
import { connectorInfoOf } from './operations';
import { createRunSlice, RUN_INITIAL } from './run-actions';
import type { CoreAction, CoreState, Slice, TestingStore } from './types';

const CORE_INITIAL: CoreState = { projectId: null, tab: 'configurations', info: null, infoError: null };

/** info.json of the project, relative to its root. */
export const infoPathOf = (projectId: string) => {
  const rel = useProjectsStore.getState().projects.find((p) => p.id === projectId)?.connectorRel ?? '';
  return rel ? `${rel}/info.json` : 'info.json';
};

let stopListening: (() => void) | null = null;

const createCoreSlice: Slice<CoreAction> = (set, get) => ({
  open: async (projectId) => {
    // Runs and results belong to this session of this project; another project starts clean. The tab stays: a
    // palette command (Test Actions, Test Environment) picks it before the view first mounts and opens the project.
    if (get().projectId !== projectId) set({ ...CORE_INITIAL, ...CONFIG_INITIAL, ...RUN_INITIAL, projectId, tab: get().tab }, false, 'open');
    stopListening ??= onEvent('runtime.output', (e) => get().appendOutput(e.runId, e.kind, e.text));
    await Promise.all([get().loadInfo(), get().loadConfigs().catch((e) => set({ infoError: messageOf(e) }, false, 'open/failed'))]);
  },
  loadInfo: async () => {
    const projectId = get().projectId;
    if (!projectId) return;
    try {
      const file = await call('files.read', { projectId, relPath: infoPathOf(projectId) });
      const info = connectorInfoOf(JSON.parse(file.text ?? '{}'));
      const keep = info.operations.some((o) => o.operation === get().operation);
      set({ info, infoError: null, ...(keep ? {} : { operation: info.operations.find((o) => !o.hidden)?.operation ?? null, paramsRaw: {} }) }, false, 'loadInfo');
    } catch (e) {
      set({ infoError: `info.json cannot be read: ${messageOf(e)}` }, false, 'loadInfo/failed');
    }
  },
  setTab: (tab) => set({ tab }, false, 'setTab'),
});

export const useTestingStore = createStore<TestingStore>('testing', (...a) => ({
  ...CORE_INITIAL,
  ...CONFIG_INITIAL,
  ...RUN_INITIAL,
  ...createCoreSlice(...a),
  ...createConfigSlice(...a),
  ...createRunSlice(...a),
}));
