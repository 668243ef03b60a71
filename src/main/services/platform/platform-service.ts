import type { PlatformSnapshot } from '../../../shared/models/platform-data';

/** The IDE's view of each project's simulated FortiSOAR data (the store its runs write through the platform
 * endpoint): what the "Platform data" view lists, and its reset. */
export interface PlatformService {
  /** The project's records, files and ingested batches (empty for a project whose runs created none). */
  snapshot(projectId: string): Promise<PlatformSnapshot>;
  /** Removes every record, file and ingested batch of the project's store; the project's own files are untouched. */
  reset(projectId: string): Promise<void>;
}

/** Placeholder until the store lands (the contract commit comes first so the UI can build on it). */
export function createPlatformServicePlaceholder(): PlatformService {
  return {
    snapshot: () => Promise.resolve({ location: null, modules: [], files: [], totalFiles: 0, ingested: [] }),
    reset: () => Promise.resolve(),
  };
}
