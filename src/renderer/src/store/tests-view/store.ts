/** The Tests view (issue 17): the project's pytest tests as pytest collects them, runs of one test, a file or all,
 * each test's last outcome (for the view's icons and the editor gutter), and Save as test after a recorded run. */
import type { CollectedTest, RerecordPreview, SavedTest, TestDataMode, TestOutcome, TestRunReport, TestTarget } from '../../../../shared/models/connector-tests';
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
  /** Re-record of one test: running live, its preview waiting for Accept or Keep, or being applied. */
  rerecording: Rerecording | null;
}

export interface Rerecording {
  readonly testId: string;
  readonly phase: 'running' | 'preview' | 'applying';
  readonly preview?: RerecordPreview;
  readonly error?: string;
}

export interface TestsViewAction {
  open(projectId: string): Promise<void>;
  load(): Promise<void>;
  /** Runs all tests (no target), a file or one node id; the collection is refreshed first so a new test runs too. */
  run(target?: TestTarget): Promise<void>;
  select(id: string | null): void;
  /** Writes the recording's test (tests/test_<operation>.py) and refreshes the list; throws the service's error. */
  saveAsTest(projectId: string, operation: string, name: string, mode: TestDataMode): Promise<SavedTest>;
  /** Runs the test's call live (the configuration `configId`, else the recorded one) and shows what changed. */
  rerecord(testId: string, configId?: string): Promise<void>;
  /** Accept: the new recording replaces the test's; the test runs again against it. */
  acceptRerecord(): Promise<void>;
  /** Keep: the new recording is thrown away. */
  keepRecording(): Promise<void>;
  closeRerecord(): void;
}

const INITIAL: TestsViewState = {
  projectId: null, tests: [], collectionErrors: [], loading: false, loaded: false, error: null,
  states: {}, outcomes: {}, running: null, lastReport: null, selectedId: null, rerecording: null,
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
  select: (selectedId) => set({ selectedId, ...(get().rerecording?.testId === selectedId ? {} : { rerecording: pendingOnly(get().rerecording) }) }, false, 'select'),
  rerecord: async (testId, configId) => {
    const projectId = get().projectId;
    if (!projectId || get().rerecording?.phase === 'running' || get().rerecording?.phase === 'applying') return;
    set({ rerecording: { testId, phase: 'running' } }, false, 'rerecord/start');
    try {
      const preview = await call('tests.rerecord', { projectId, testId, ...(configId ? { configId } : {}) });
      if (get().projectId === projectId) set({ rerecording: { testId, phase: 'preview', preview } }, false, 'rerecord/preview');
    } catch (e) {
      set({ rerecording: { testId, phase: 'preview', error: `The test could not be re-recorded: ${messageOf(e)}` } }, false, 'rerecord/failed');
    }
  },
  acceptRerecord: async () => {
    const { projectId, rerecording: r } = get();
    if (!projectId || r?.phase !== 'preview' || !r.preview) return;
    set({ rerecording: { ...r, phase: 'applying' } }, false, 'rerecord/accept');
    try {
      await call('tests.acceptRerecord', { projectId, recording: r.preview.recording });
      set({ rerecording: null }, false, 'rerecord/accepted');
      await get().run(r.testId);
    } catch (e) {
      set({ rerecording: { ...r, phase: 'preview', error: `The new recording was not saved: ${messageOf(e)}` } }, false, 'rerecord/acceptFailed');
    }
  },
  keepRecording: async () => {
    const { projectId, rerecording: r } = get();
    if (!projectId || !r || r.phase === 'running' || r.phase === 'applying') return;
    set({ rerecording: null }, false, 'rerecord/keep');
    if (r.preview) await call('tests.keepRecording', { projectId, recording: r.preview.recording }).catch((e: unknown) => set({ error: `The new recording could not be thrown away: ${messageOf(e)}` }, false, 'rerecord/keepFailed'));
  },
  closeRerecord: () => set({ rerecording: pendingOnly(get().rerecording) }, false, 'rerecord/close'),
  saveAsTest: async (projectId, operation, name, mode) => {
    // Save as test runs from Test Actions, maybe before the Tests view ever opened this project.
    if (get().projectId !== projectId) set({ ...INITIAL, projectId }, false, 'saveAsTest/project');
    const saved = await call('tests.saveAsTest', { projectId, operation, name, mode });
    await get().load();
    return saved;
  },
}));

/** A preview waiting for Accept or Keep stays when the user looks elsewhere; a finished error goes. */
function pendingOnly(r: Rerecording | null): Rerecording | null {
  return r && (r.phase !== 'preview' || r.preview) ? r : null;
}
