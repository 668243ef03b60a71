/** The Tests view (issue 17): the project's pytest tests as pytest collects them, runs of one test, a file or all,
 * each test's last outcome (for the view's icons and the editor gutter), and Save as test after a recorded run. */
import type { CollectedTest, SavedTest, TestDataMode, TestOutcome, TestRunReport, TestTarget } from '../../../../shared/models/connector-tests';
import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { createStore } from '../create-store';
import { applyResults, idsInScope, markRunning, type TestState } from './tree';

export interface TestsViewState {
  projectId: string | null;
  tests: CollectedTest[];
  /** pytest's words when a test file does not collect (syntax error, failed import). */
  collectionErrors: string[];
  loading: boolean;
  loaded: boolean;
  /** The request failed (no environment, pytest missing): the service's message. */
  error: string | null;
  states: Record<string, TestState>;
  outcomes: Record<string, TestOutcome>;
  /** What runs now: a file, a node id, or '' for all; null when idle. */
  running: TestTarget | null;
  lastReport: TestRunReport | null;
  /** The test whose failure the detail shows. */
  selectedId: string | null;
}

export interface TestsViewAction {
  open(projectId: string): Promise<void>;
  load(): Promise<void>;
  /** Runs all tests (no target), a file or one node id; the collection is refreshed first so a new test runs too. */
  run(target?: TestTarget): Promise<void>;
  select(id: string | null): void;
  /** Writes the recording's test (tests/test_<operation>.py) and refreshes the list; throws the service's error. */
  saveAsTest(projectId: string, operation: string, name: string, mode: TestDataMode): Promise<SavedTest>;
}

const INITIAL: TestsViewState = {
  projectId: null, tests: [], collectionErrors: [], loading: false, loaded: false, error: null,
  states: {}, outcomes: {}, running: null, lastReport: null, selectedId: null,
};

export const useTestsViewStore = createStore<TestsViewState & TestsViewAction>('testsView', (set, get) => ({
  ...INITIAL,
  open: async (projectId) => {
    if (get().projectId !== projectId) set({ ...INITIAL, projectId }, false, 'open');
    await get().load();
  },
  load: async () => {
    const projectId = get().projectId;
    if (!projectId) return;
    set({ loading: true }, false, 'load/start');
    try {
      const c = await call('tests.list', { projectId });
      if (get().projectId === projectId) set({ tests: c.tests, collectionErrors: c.errors, error: null, loaded: true }, false, 'load/done');
    } catch (e) {
      set({ error: `The tests cannot be listed: ${messageOf(e)}`, loaded: true }, false, 'load/failed');
    } finally {
      set({ loading: false }, false, 'load/end');
    }
  },
  run: async (target) => {
    const projectId = get().projectId;
    if (!projectId || get().running !== null) return;
    set({ running: target ?? '', error: null }, false, 'run/start');
    let scope: string[] = [];
    try {
      await get().load();
      scope = idsInScope(get().tests.map((t) => t.id), target);
      set({ states: markRunning(get().states, scope) }, false, 'run/marked');
      const report = await call('tests.run', { projectId, ...(target ? { target } : {}) });
      if (get().projectId !== projectId) return;
      const outcomes = { ...get().outcomes, ...Object.fromEntries(report.tests.map((t) => [t.id, t])) };
      const firstFailed = report.tests.find((t) => t.status === 'failed')?.id;
      set({ states: applyResults(get().states, scope, report.tests), outcomes, lastReport: report, collectionErrors: report.errors, selectedId: firstFailed ?? get().selectedId }, false, 'run/done');
    } catch (e) {
      set({ states: applyResults(get().states, scope, []), error: `The tests did not run: ${messageOf(e)}` }, false, 'run/failed');
    } finally {
      set({ running: null }, false, 'run/end');
    }
  },
  select: (selectedId) => set({ selectedId }, false, 'select'),
  saveAsTest: async (projectId, operation, name, mode) => {
    // Save as test runs from Test Actions, maybe before the Tests view ever opened this project.
    if (get().projectId !== projectId) set({ ...INITIAL, projectId }, false, 'saveAsTest/project');
    const saved = await call('tests.saveAsTest', { projectId, operation, name, mode });
    await get().load();
    return saved;
  },
}));
