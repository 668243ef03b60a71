/** The Ingestion view's state (issue 19): what the connector declares, the configuration to run with, the sample
 * data of the fetch playbook and the pulls of the last run. */
import type { IngestionOverview, IngestRunResult, IngestSampleView } from '../../../../shared/models/ingestion';
import type { TestConfig } from '../../../../shared/models/test-config';
import { messageOf } from '../../api/api-error';
import { call } from '../../api/client';
import { createStore } from '../create-store';

export interface IngestionState {
  projectId: string | null;
  overview: IngestionOverview | null;
  configs: TestConfig[];
  configId: string | null;
  sample: IngestSampleView | null;
  run: IngestRunResult | null;
  pulls: number;
  intervalMinutes: number;
  busy: 'loading' | 'sample' | 'run' | null;
  error: string | null;
}

export interface IngestionActions {
  open(projectId: string): Promise<void>;
  selectConfig(id: string): void;
  setPulls(n: number): void;
  setInterval(minutes: number): void;
  fetchSample(): Promise<void>;
  runIngestion(): Promise<void>;
}

export const INGESTION_INITIAL: IngestionState = {
  projectId: null,
  overview: null,
  configs: [],
  configId: null,
  sample: null,
  run: null,
  pulls: 3,
  intervalMinutes: 5,
  busy: null,
  error: null,
};

export const useIngestionStore = createStore<IngestionState & IngestionActions>('ingestion', (set, get) => {
  /** One piece of work at a time; its failure is shown in the view, never thrown at the button. */
  async function work(kind: 'loading' | 'sample' | 'run', fn: () => Promise<void>): Promise<void> {
    set({ busy: kind, error: null }, false, `${kind}/start`);
    try {
      await fn();
    } catch (e) {
      set({ error: messageOf(e) }, false, `${kind}/failed`);
    } finally {
      set({ busy: null }, false, `${kind}/end`);
    }
  }
  return {
    ...INGESTION_INITIAL,
    async open(projectId) {
      if (get().projectId !== projectId) set({ ...INGESTION_INITIAL, projectId }, false, 'open');
      await work('loading', async () => {
        const [overview, configs] = await Promise.all([call('ingestion.overview', { projectId }), call('testConfig.list', { projectId })]);
        const current = get().configId;
        const configId = configs.some((c) => c.id === current) ? current : ((configs.find((c) => c.isDefault) ?? configs[0])?.id ?? null);
        set({ overview, configs, configId }, false, 'open/done');
      });
    },
    selectConfig: (configId) => set({ configId }, false, 'selectConfig'),
    setPulls: (pulls) => set({ pulls }, false, 'setPulls'),
    setInterval: (intervalMinutes) => set({ intervalMinutes }, false, 'setInterval'),
    async fetchSample() {
      const { projectId, configId } = get();
      if (!projectId || !configId) return;
      await work('sample', async () => {
        const sample = await call('ingestion.fetchSample', { projectId, configId });
        set({ sample }, false, 'sample/done');
      });
    },
    async runIngestion() {
      const { projectId, configId, pulls, intervalMinutes } = get();
      if (!projectId || !configId) return;
      await work('run', async () => {
        const run = await call('ingestion.run', { projectId, configId, pulls, intervalMinutes });
        set({ run }, false, 'run/done');
      });
    },
  };
});
