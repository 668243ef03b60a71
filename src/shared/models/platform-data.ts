/** The simulated FortiSOAR platform's data: the records and files connectors create through the framework
 * (`make_request`, `make_cyops_request`, `upload_file_to_cyops`, `create_cyops_attachment`...) and the batches
 * they hand to `trigger_ingest_playbook`. One store per project in the IDE (user data folder), one per sandbox
 * (`--data`), in memory for a CLI run unless `--platform-data DIR` (docs/platform-api.md). */

/** What a call did to one record; a run lists these as `platformRecords` (CallEffects). */
export type PlatformRecordAction = 'created' | 'updated' | 'deleted';

export interface PlatformRecordChange {
  /** The record's IRI, e.g. `/api/3/attachments/<uuid>`. */
  readonly iri: string;
  /** Its `@type`, e.g. `Attachment`. */
  readonly type: string;
  /** The module (collection) name, e.g. `attachments`. */
  readonly module: string;
  readonly action: PlatformRecordAction;
}

/** The call that wrote a record: known when a connector's worker wrote it (not for a request from outside, such as
 * the sandbox's own REST API). */
export interface PlatformRunRef {
  readonly kind: 'health' | 'execute' | 'hook';
  /** The action's operation name (execute) or the hook's name. */
  readonly operation?: string;
  /** The caller's run id (Test Actions' runId), when it gave one. */
  readonly runId?: string;
  /** The connector's folder name. */
  readonly connector?: string;
  /** ISO 8601, UTC: when the call started. */
  readonly startedAt: string;
}

/** One record as a list shows it. */
export interface PlatformRecordSummary {
  readonly iri: string;
  readonly type: string;
  readonly module: string;
  readonly uuid: string;
  /** The record's integer `id`. */
  readonly id: number;
  /** `name`, `title`, `value`, `filename`... whichever the record has first, else its uuid. */
  readonly displayName: string;
  /** ISO 8601, UTC (the record's `createDate`). */
  readonly createdAt: string;
  /** ISO 8601, UTC (the record's `modifyDate`). */
  readonly modifiedAt: string;
  readonly createdBy?: PlatformRunRef;
}

export interface PlatformModuleSnapshot {
  /** e.g. `alerts`, `attachments`, `indicators`. */
  readonly module: string;
  /** The records' `@type`, e.g. `Alert`. */
  readonly type: string;
  /** How many records the module holds; `records` may hold fewer (newest first, capped). */
  readonly total: number;
  readonly records: PlatformRecordSummary[];
}

/** A stored file (`/api/3/files/<uuid>`). */
export interface PlatformFileSummary {
  readonly iri: string;
  readonly uuid: string;
  readonly id: number;
  readonly filename: string;
  /** Bytes. */
  readonly size: number;
  readonly mimeType: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly createdBy?: PlatformRunRef;
}

/** One `trigger_ingest_playbook(...)` call, with its dedup outcome. */
export interface PlatformIngestBatch {
  readonly playbook: string;
  /** Records given. */
  readonly count: number;
  /** Records kept after dedup (`dedup_field`: a record whose value was already ingested is skipped). */
  readonly accepted: number;
  readonly skippedDuplicates: number;
  readonly dedupField: string | null;
  readonly batchSize: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly createdBy?: PlatformRunRef;
}

export interface PlatformSnapshot {
  /** The store's folder, absolute; null for a store in memory. */
  readonly location: string | null;
  /** Every module holding at least one record, by name; `files` are listed apart, in `files`. */
  readonly modules: PlatformModuleSnapshot[];
  /** Newest first, capped like a module's records. */
  readonly files: PlatformFileSummary[];
  readonly totalFiles: number;
  /** Newest first. */
  readonly ingested: PlatformIngestBatch[];
}

/** A whole record as a connector reads it with `GET <iri>` (`@id`, `@type`, `uuid`, `id`, its fields; a relation
 * to a stored record, such as an attachment's `file`, embedded one level deep). */
export type PlatformRecord = Readonly<Record<string, unknown>>;

export interface PlatformRecordDetail {
  readonly record: PlatformRecord;
}

/** How many records (and files, and ingest batches) a snapshot lists per module, newest first. */
export const PLATFORM_SNAPSHOT_CAP = 500;
