/** The Ingestion view's side of the ingestion service: a project's connector folder and one of its test
 * configurations (the values the connector receives, secrets included, resolved here and never sent to the UI). */
import path from 'node:path';
import type { IngestionOverview, IngestRunResult, IngestSampleView } from '../../../shared/models/ingestion';
import { ServiceError } from '../errors';
import type { IngestionService } from './ingestion-service';

export interface ProjectIngestionDeps {
  readonly ingestion: IngestionService;
  connectorDirOf(projectId: string): Promise<string>;
  /** The configuration as the connector receives it. */
  configValues(projectId: string, configId: string): Promise<Record<string, unknown>>;
}

export interface ProjectIngestion {
  overview(projectId: string): Promise<IngestionOverview>;
  fetchSample(projectId: string, configId: string): Promise<IngestSampleView>;
  run(projectId: string, configId: string, pulls: number, intervalMinutes?: number): Promise<IngestRunResult>;
}

export function createProjectIngestion(d: ProjectIngestionDeps): ProjectIngestion {
  return {
    async overview(projectId) {
      const dir = await d.connectorDirOf(projectId);
      try {
        return { info: d.ingestion.info(dir), mapping: d.ingestion.fieldMapping(dir) };
      } catch (e) {
        // A connector without playbooks.json: the view says ingestion is not set up rather than failing.
        if (e instanceof ServiceError && e.code === 'VALIDATION') return { info: { supported: false, modes: [] }, mapping: { rows: [], unmappedSourceFields: [] }, problem: e.message };
        throw e;
      }
    },
    async fetchSample(projectId, configId) {
      const dir = await d.connectorDirOf(projectId);
      const sample = await d.ingestion.fetchSample(dir, await d.configValues(projectId, configId));
      return { ...sample, mapping: d.ingestion.fieldMapping(dir, sample.data) };
    },
    async run(projectId, configId, pulls, intervalMinutes) {
      const dir = await d.connectorDirOf(projectId);
      if (!path.isAbsolute(dir)) throw new ServiceError('NOT_FOUND', 'The project has no connector folder.');
      return d.ingestion.run(dir, { config: await d.configValues(projectId, configId), pulls, intervalMinutes });
    },
  };
}
