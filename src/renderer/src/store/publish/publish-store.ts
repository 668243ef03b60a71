import type { PreflightResult, PublishHistoryEntry, PublishRunResult, RollbackResult } from '../../../../shared/models/publish';
import type { TestConfig } from '../../../../shared/models/test-config';
import { call, onEvent } from '../../api/client';
import { runJob } from '../../api/jobs';
import { currentProjectId, reportInBackground } from '../app/store';
import { createStore } from '../create-store';
import { useProjectsStore } from '../projects/store';
import { presentError, type PresentedError } from './errors';
import { DEFAULT_OPTIONS, healthRequest, type PublishOptions } from './options';
import { applyProgress, finishProgress, initialProgress, type ProgressState } from './progress';
import { useProfilesStore } from './profiles-store';
import { loadVersions, type VersionsView } from './versions';
import { smokeCandidates, smokeRequest, type SmokeCandidate } from './smoke';
import { infoPathOf, useTestingStore } from '../testing/store';
import { connectorInfoOf } from '../testing/operations';

export type PublishPhase = 'setup' | 'running' | 'done';

export type { VersionsView };

interface PublishState {
  open: boolean;
  phase: PublishPhase;
  profileId: string | null;
  preflight: PreflightResult | null;
  preflightLoading: boolean;
  preflightError: PresentedError | null;
  versions: VersionsView;
  testConfigs: TestConfig[];
  options: PublishOptions;
  progress: ProgressState;
  outcome: PublishRunResult | null;
  error: PresentedError | null;
  history: PublishHistoryEntry[];
  rollingBack: boolean;
  /** Read-only operations of the local connector, with the inputs a smoke run would use. */
  smokeCandidates: SmokeCandidate[];
}
interface PublishAction {
  show(): Promise<void>;
  close(): void;
  selectProfile(profileId: string): Promise<void>;
  runPreflight(): Promise<void>;
  setOptions(patch: Partial<PublishOptions>): void;
  bump(level: 'major' | 'minor' | 'patch'): Promise<string>;
  publish(): Promise<PublishRunResult | null>;
  loadHistory(): Promise<void>;
  /** Puts an entry's kept archive back on its server (the profile of that name, else the chosen one). */
  rollback(entry: PublishHistoryEntry): Promise<RollbackResult | null>;
}

const SETUP = { phase: 'setup' as PublishPhase, preflight: null, preflightError: null, versions: {}, options: DEFAULT_OPTIONS, progress: initialProgress(), outcome: null, error: null };

async function versionsOf(projectId: string, pre: PreflightResult): Promise<VersionsView> {
  // Without tags (no repository, git failing) the dialog shows no version comparison.
  const tags = (await call('git.tags', { projectId }).catch(reportInBackground('Reading the tags'))) ?? [];
  return loadVersions(tags, pre, (old) => call('versions.compare', { projectId, old }));
}

let preflights = 0;

/** The local info.json's read-only operations, with the last Test Actions run's inputs where it ran one of them. */
async function loadSmokeCandidates(): Promise<SmokeCandidate[]> {
  const projectId = currentProjectId();
  const file = await call('files.read', { projectId, relPath: infoPathOf(projectId) });
  const raw = JSON.parse(file.text ?? '{}') as { operations?: Array<{ operation?: unknown; category?: unknown }> };
  const category = new Map((raw.operations ?? []).map((o) => [String(o.operation), o.category]));
  const ops = connectorInfoOf(raw).operations.map((o) => ({ ...o, category: category.get(o.operation) }));
  const testing = useTestingStore.getState();
  return smokeCandidates(ops, testing.projectId === projectId ? testing.lastRun : null);
}

/** The publish dialog: profile, pre-flight, options, the run with its progress, the outcome; and the history. */
export const usePublishStore = createStore<PublishState & PublishAction>('publish', (set, get) => ({
  open: false,
  profileId: null,
  preflightLoading: false,
  testConfigs: [],
  history: [],
  rollingBack: false,
  smokeCandidates: [],
  ...SETUP,
  show: async () => {
    set({ open: true, ...SETUP }, false, 'show');
    const profiles = useProfilesStore.getState();
    if (!profiles.loaded) await profiles.load();
    const list = useProfilesStore.getState().profiles;
    const profileId = list.some((p) => p.id === get().profileId) ? get().profileId : (list[0]?.id ?? null);
    set({ profileId }, false, 'show/profile');
    const configs = call('testConfig.list', { projectId: currentProjectId() })
      .then((testConfigs) => set({ testConfigs }, false, 'show/configs'))
      .catch(reportInBackground('Loading the test configurations'));
    const smoke = loadSmokeCandidates()
      .then((smokeCandidates) => set({ smokeCandidates }, false, 'show/smoke'))
      .catch(reportInBackground('Reading the operations for smoke actions'));
    await Promise.all([configs, smoke, profileId ? get().runPreflight() : undefined]);
  },
  close: () => get().phase !== 'running' && set({ open: false }, false, 'close'),
  selectProfile: async (profileId) => {
    set({ profileId, ...SETUP }, false, 'selectProfile');
    await get().runPreflight();
  },
  runPreflight: async () => {
    const { profileId } = get();
    if (!profileId) return;
    const projectId = currentProjectId();
    // The user may switch servers while a pre-flight runs: only the latest one may fill the dialog.
    const mine = ++preflights;
    const current = () => mine === preflights;
    set({ preflightLoading: true, preflightError: null, preflight: null }, false, 'preflight/start');
    try {
      const preflight = await call('publish.preflight', { projectId, profileId });
      const versions = await versionsOf(projectId, preflight);
      if (current()) set({ preflight, versions }, false, 'preflight/done');
    } catch (e) {
      if (current()) set({ preflightError: presentError(e) }, false, 'preflight/failed');
    } finally {
      if (current()) set({ preflightLoading: false }, false, 'preflight/idle');
    }
  },
  setOptions: (patch) => set({ options: { ...get().options, ...patch } }, false, 'options'),
  bump: async (level) => {
    const r = await call('connector.addVersion', { projectId: currentProjectId(), level });
    await useProjectsStore.getState().load().catch(reportInBackground('Reloading the projects'));
    set({ options: { ...get().options, replace: false } }, false, 'bumped');
    await get().runPreflight();
    return r.to;
  },
  publish: async () => {
    const { profileId, options } = get();
    if (!profileId) return null;
    const runId = crypto.randomUUID();
    set({ phase: 'running', progress: initialProgress(), outcome: null, error: null }, false, 'run/start');
    const off = onEvent('publish.progress', (p) => p.runId === runId && set({ progress: applyProgress(get().progress, p) }, false, 'run/progress'));
    try {
      const { health, smoke, ...rest } = options;
      const actions = smokeRequest(smoke, get().smokeCandidates);
      const outcome = await runJob('publish.run', {
        runId,
        profileId,
        projectId: currentProjectId(),
        ...rest,
        ...(healthRequest(health) ? { health: healthRequest(health) } : {}),
        ...(actions.length ? { smoke: actions } : {}),
      });
      set({ outcome, progress: finishProgress(get().progress, outcome.result === 'success') }, false, 'run/outcome');
      return outcome;
    } catch (e) {
      set({ error: presentError(e), progress: finishProgress(get().progress, false) }, false, 'run/failed');
      return null;
    } finally {
      off();
      set({ phase: 'done' }, false, 'run/done');
      void get().loadHistory().catch(reportInBackground('Loading the publish history'));
    }
  },
  loadHistory: async () => set({ history: await call('publish.history', { projectId: currentProjectId() }) }, false, 'history'),
  rollback: async (entry) => {
    if (!entry.archivePath || get().rollingBack) return null;
    const profiles = useProfilesStore.getState();
    if (!profiles.loaded) await profiles.load();
    const profileId = useProfilesStore.getState().profiles.find((p) => p.name === entry.server)?.id ?? get().profileId;
    if (!profileId) throw new Error('Add a server profile first: the rollback needs a server to install on.');
    set({ rollingBack: true }, false, 'rollback/start');
    try {
      const archive = entry.archivePath.split(/[\\/]/).pop() ?? '';
      return await call('publish.rollback', { projectId: currentProjectId(), profileId, archive });
    } finally {
      set({ rollingBack: false }, false, 'rollback/done');
      void get().loadHistory().catch(reportInBackground('Loading the publish history'));
      if (get().open && get().phase === 'setup') void get().runPreflight();
    }
  },
}));
