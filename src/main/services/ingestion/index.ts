/** The ingestion service over the headless services (the CLI) or the app's core: the same interpreter resolution,
 * platform hub and tools environment as the runtime's workers. */
import path from 'node:path';
import type { HeadlessServices } from '../headless';
import { toolsWorkerEnv } from '../runtime/python-environments';
import { createIngestionService, type IngestionService } from './ingestion-service';

export { createIngestionService, DEFAULT_INTERVAL_MINUTES, MAX_PULLS, type IngestionService, type IngestRunOptions } from './ingestion-service';

export function ingestionFromHeadless(s: HeadlessServices): IngestionService {
  return createIngestionService({
    pythonDir: path.join(s.config.resourcesDir, 'python'),
    pythonFor: async (folder) => (await (await s.environments()).pythonFor(folder)) ?? (await s.pythonCommand()),
    platform: async (folder) => (await s.platform()).connectionFor(folder),
    env: toolsWorkerEnv(s.config.userDataDir),
  });
}
