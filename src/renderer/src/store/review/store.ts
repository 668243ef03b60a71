import type { Severity } from '../../../../shared/connector/findings';
import type { ReviewReport, ReviewSectionProgress, SectionId } from '../../../../shared/models/review';
import { call, onEvent } from '../../api/client';
import { useAppStore } from '../app/store';
import { createStore } from '../create-store';
import { downloadText } from './download';
import { NO_FILTER, toggleSeverity, type ReportFilter } from './report-view';
import { toVersionSpec } from './version-spec';

interface ReviewState {
  /** The project the report is about; a report never outlives a project switch. */
  readonly projectId: string | null;
  readonly report: ReviewReport | null;
  readonly running: boolean;
  readonly error: string | null;
  /** The version spec the compatibility section compares with (folder, .tgz, git:<rev> or tag). */
  readonly against: string | null;
  readonly filter: ReportFilter;
  readonly exporting: boolean;
  /** Finished runs, failed ones included: lets a caller tell a fresh report from the one before. */
  readonly completed: number;
  /** Check for certification: runs include Fortinet's CI checks (the certification profile); only such a
   * report's verdict can be "Ready to certify". */
  readonly certification: boolean;
  /** The running review's sections (pending, running, done with counts), as the service reports them; null
   * before its first report. */
  readonly progress: readonly ReviewSectionProgress[] | null;
}

interface ReviewAction {
  run(): Promise<void>;
  compareWith(spec: string | null): Promise<void>;
  /** Turns the certification check on or off and runs the review again. */
  setCertification(on: boolean): Promise<void>;
  toggleSeverity(severity: Severity): void;
  setSection(section: SectionId | 'all'): void;
  clearFilter(): void;
  exportHtml(): Promise<void>;
  reset(): void;
}

const EMPTY: ReviewState = { projectId: null, report: null, running: false, error: null, against: null, filter: NO_FILTER, exporting: false, completed: 0, certification: false, progress: null };

/** Only the newest request may write its answer: a slow review must not overwrite a newer one. */
let generation = 0;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useReviewStore = createStore<ReviewState & ReviewAction>('review', (set, get) => {
  const project = () => {
    const id = useAppStore.getState().projectId;
    if (!id) throw new Error('Open a connector project to review it.');
    return id;
  };
  const against = () => (get().against ? { against: get().against! } : {});

  return {
    ...EMPTY,
    run: async () => {
      const projectId = project();
      const mine = ++generation;
      // A report of another project is never shown, not even while the new one runs.
      set({ running: true, error: null, progress: null, ...(get().projectId === projectId ? {} : { report: null, projectId }) }, false, 'run');
      const runId = `review-${Date.now()}-${mine}`;
      const off = onEvent('review.progress', (e) => {
        if (e.runId === runId && mine === generation) set({ progress: e.sections }, false, 'run/progress');
      });
      try {
        const report = await call('review.run', { projectId, runId, ...against(), ...(get().certification ? { certification: true } : {}) });
        if (mine === generation) set({ report, projectId, running: false, completed: get().completed + 1 }, false, 'run/done');
      } catch (e) {
        if (mine === generation) set({ running: false, error: messageOf(e), completed: get().completed + 1 }, false, 'run/failed');
      } finally {
        off();
      }
    },
    compareWith: async (spec) => {
      const trimmed = spec ? toVersionSpec(spec) || null : null;
      // Showing the new section is the point of comparing: a section filter would hide it.
      set({ against: trimmed, filter: { ...get().filter, section: 'all' } }, false, 'compareWith');
      await get().run();
    },
    setCertification: async (on) => {
      // The new section should be seen: a section filter would hide it.
      set({ certification: on, filter: { ...get().filter, section: 'all' } }, false, 'setCertification');
      await get().run();
    },
    toggleSeverity: (severity) => set({ filter: toggleSeverity(get().filter, severity) }, false, 'toggleSeverity'),
    setSection: (section) => set({ filter: { ...get().filter, section } }, false, 'setSection'),
    clearFilter: () => set({ filter: NO_FILTER }, false, 'clearFilter'),
    exportHtml: async () => {
      set({ exporting: true }, false, 'exportHtml');
      try {
        const { html, fileName } = await call('review.html', { projectId: project(), ...against() });
        downloadText(fileName, html, 'text/html');
      } finally {
        set({ exporting: false }, false, 'exportHtml/done');
      }
    },
    reset: () => {
      generation++;
      set(EMPTY, false, 'reset');
    },
  };
});
