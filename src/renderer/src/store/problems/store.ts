import type { Finding } from '../../../../shared/connector/findings';
import { call } from '../../api/client';
import { useAppStore } from '../app/store';
import { createStore } from '../create-store';
import { countFindings, LIVE_RULE_IDS, LIVE_WITH_CODE_IDS, mergeFindings, type Counts } from './merge';

interface ProblemsState {
  /** The services' last report on the whole folder (on open, on save, after code changes). */
  readonly service: readonly Finding[];
  /** The engine's findings on the live info.json text; null while no info.json is open. */
  readonly live: readonly Finding[] | null;
  /** Whether the live run also checked the Python dispatch. */
  readonly liveWithCode: boolean;
  /** What the panel and the markers show. */
  readonly merged: readonly Finding[];
  readonly counts: Counts;
  readonly validating: boolean;
  readonly error: string | null;
  readonly panelOpen: boolean;
}

interface ProblemsAction {
  validate(): Promise<void>;
  setLive(live: readonly Finding[] | null, withCode?: boolean): void;
  togglePanel(open?: boolean): void;
  reset(): void;
}

const EMPTY = { service: [], live: null, liveWithCode: false, merged: [], counts: { errors: 0, warnings: 0, infos: 0 }, validating: false, error: null };
const PANEL_KEY = 'cs.problems.open';

/** Only the newest request may write its answer: a slow report must not overwrite a newer one. */
let generation = 0;

export const useProblemsStore = createStore<ProblemsState & ProblemsAction>('problems', (set, get) => {
  const withMerged = (service: readonly Finding[], live: readonly Finding[] | null, liveWithCode: boolean) => {
    const merged = mergeFindings(service, live, liveWithCode ? LIVE_WITH_CODE_IDS : LIVE_RULE_IDS);
    return { service, live, liveWithCode, merged, counts: countFindings(merged) };
  };
  return {
    ...EMPTY,
    panelOpen: localStorage.getItem(PANEL_KEY) === 'true',
    validate: async () => {
      const projectId = useAppStore.getState().projectId;
      if (!projectId) return;
      const mine = ++generation;
      set({ validating: true }, false, 'validate');
      try {
        const report = await call('connector.validate', { projectId });
        if (mine !== generation || useAppStore.getState().projectId !== projectId) return;
        set({ ...withMerged(report.findings, get().live, get().liveWithCode), validating: false, error: null }, false, 'validated');
      } catch (e) {
        if (mine === generation) set({ validating: false, error: e instanceof Error ? e.message : String(e) }, false, 'validateFailed');
      }
    },
    setLive: (live, withCode = false) => set(withMerged(get().service, live, live !== null && withCode), false, 'setLive'),
    togglePanel: (open = !get().panelOpen) => {
      localStorage.setItem(PANEL_KEY, String(open));
      set({ panelOpen: open }, false, 'togglePanel');
    },
    reset: () => {
      generation++;
      set({ ...EMPTY }, false, 'reset');
    },
  };
});
