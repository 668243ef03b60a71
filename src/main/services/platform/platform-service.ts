import type { PlatformSnapshot } from '../../../shared/models/platform-data';
import type { PlatformHub } from './hub';

/** The IDE's view of each project's simulated FortiSOAR data (the store its runs write through the platform
 * endpoint): what the "Platform data" view lists, and its reset. */
export interface PlatformService {
  /** The project's records, files and ingested batches (empty for a project whose runs created none). */
  snapshot(projectId: string): Promise<PlatformSnapshot>;
  /** Removes every record, file and ingested batch of the project's store; the project's own files are untouched. */
  reset(projectId: string): Promise<void>;
}

export interface PlatformServiceDeps {
  readonly hub: () => Promise<PlatformHub>;
  /** NOT_FOUND for an unknown project. */
  readonly connectorDirOf: (projectId: string) => Promise<string>;
}

export function createPlatformService(deps: PlatformServiceDeps): PlatformService {
  const storeOf = async (projectId: string) => (await deps.hub()).storeFor(await deps.connectorDirOf(projectId));
  return {
    snapshot: async (projectId) => (await storeOf(projectId)).snapshot(),
    reset: async (projectId) => (await storeOf(projectId)).reset(),
  };
}
