import type { Finding } from '../../../../shared/connector/findings';
import { call } from '../../api/client';
import { useAppStore } from '../app/store';
import { createStore } from '../create-store';
import { compareFindings } from '../../../../shared/connector/engine';
import { countFindings, findingKey, LIVE_RULE_IDS, LIVE_WITH_CODE_IDS, mergeFindings, type Counts } from './merge';

interface ProblemsState {
  /** The services' last report on the whole folder (on open, on save, after code changes). */
  readonly service: readonly Finding[];
  /** The engine's findings on the live info.json text; null while no info.json is open. */
  readonly live: readonly Finding[] | null;
  /** Whether the live run also checked the Python dispatch. */
  readonly liveWithCode: boolean;
  /** The connector's findings, which the markers show. */
  readonly merged: readonly Finding[];
  /** Markers the editor's checkers (ruff, security, pyright) put on open files of the connector. */
  readonly editor: readonly Finding[];
  /** What the panel lists: the connector's findings and the editor's, in file order. */
  readonly shown: readonly Finding[];
  /** The one count of problems: the panel's header, the status bar and the form's toolbar all show this. */
  readonly shownCounts: Counts;
  readonly validating: boolean;
  readonly error: string | null;
  readonly panelOpen: boolean;
}

interface ProblemsAction {
  validate(): Promise<void>;
  setLive(live: readonly Finding[] | null, withCode?: boolean): void;
  setEditor(findings: readonly Finding[]): void;
  togglePanel(open?: boolean): void;
  reset(): void;
}

const NONE = { errors: 0, warnings: 0, infos: 0 };
const EMPTY = { service: [], live: null, liveWithCode: false, merged: [], editor: [], shown: [], shownCounts: NONE, validating: false, error: null };

const showing = (merged: readonly Finding[], editor: readonly Finding[]) => {
  const shown = editor.length ? [...merged, ...editor].sort(compareFindings) : merged;
  return { shown, shownCounts: countFindings(shown) };
};
const PANEL_KEY = 'cs.problems.open';

/** Only the newest request may write its answer: a slow report must not overwrite a newer one. */
let generation = 0;

export const useProblemsStore = createStore<ProblemsState & ProblemsAction>('problems', (set, get) => {
  const withMerged = (service: readonly Finding[], live: readonly Finding[] | null, liveWithCode: boolean) => {
    const merged = mergeFindings(service, live, liveWithCode ? LIVE_WITH_CODE_IDS : LIVE_RULE_IDS);
    return { service, live, liveWithCode, merged, ...showing(merged, get().editor) };
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
    setEditor: (editor) => {
      if (sameFindings(editor, get().editor)) return;
      set({ editor, ...showing(get().merged, editor) }, false, 'setEditor');
    },
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

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => findingKey(f) === findingKey(b[i]) && f.severity === b[i].severity);
}
