import type { PlatformRecordDetail, PlatformSnapshot } from '../../../shared/models/platform-data';
import { ServiceError } from '../errors';
import type { PlatformHub } from './hub';
import { expand } from './http-api';
import { parseRecordIri } from './records';

/** The IDE's view of each project's simulated FortiSOAR data (the store its runs write through the platform
 * endpoint): what the "Platform data" view lists, one record whole, and its reset. */
export interface PlatformService {
  /** The project's records, files and ingested batches (empty for a project whose runs created none). */
  snapshot(projectId: string): Promise<PlatformSnapshot>;
  /** One record as a connector reads it with `GET <iri>`: relations embedded (an attachment's `file`), a File IRI
   * answering its File record rather than its content. VALIDATION for text that is no record IRI; NOT_FOUND when
   * the store does not hold it (deleted, or the data was reset). */
  record(projectId: string, iri: string): Promise<PlatformRecordDetail>;
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
    async record(projectId, iri) {
      const at = parseRecordIri(iri);
      if (!at) throw new ServiceError('VALIDATION', `"${iri}" is not a record IRI: a record is /api/3/<module>/<uuid>, e.g. /api/3/attachments/<uuid>.`);
      const view = await (await storeOf(projectId)).view();
      const record = view.get(at.module, at.id);
      if (!record) throw new ServiceError('NOT_FOUND', `The project's platform data holds no record ${iri}: it was deleted, or the data was reset since. Run the action again to create it.`);
      return { record: expand(record, view) };
    },
    reset: async (projectId) => (await storeOf(projectId)).reset(),
  };
}
