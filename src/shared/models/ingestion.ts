/** Data ingestion, offline (issue 19): what the Ingestion view and `connector-studio ingest` show. One service
 * (src/main/services/ingestion) runs the connector's ingestion playbooks with resources/python/ingest_runner.py. */

/** One step the playbook interpreter ran. */
export interface IngestStepTrace {
  readonly playbook: string;
  readonly step: string;
  /** start, set_variable, connector, utilities, decision, create_record, reference */
  readonly type: string;
  /** A Decision's chosen option. */
  readonly option?: string;
  /** A step whose `when` did not hold. */
  readonly skipped?: boolean;
}

export interface IngestPull {
  /** The virtual clock at the pull, ISO 8601 UTC. */
  readonly at: string;
  /** Records the Create Record steps were given. */
  readonly fetched: number;
  readonly created: number;
  /** Records that matched one already in the platform (updated, not created) or a duplicate in the same list. */
  readonly duplicates: number;
  readonly errors: string[];
  readonly steps: IngestStepTrace[];
  /** The records created, by IRI (the Platform data view lists them). */
  readonly records: { readonly iri: string; readonly module: string }[];
}

export interface IngestSummary {
  readonly created: number;
  readonly duplicates: number;
  readonly errors: number;
}

export interface IngestRunResult {
  readonly clockStart: string;
  readonly intervalMinutes: number;
  readonly pulls: IngestPull[];
  readonly summary: IngestSummary;
  /** The connector's logs and output during the run (capped). */
  readonly log: string;
}

export interface IngestSampleResult {
  readonly at: string;
  /** `vars.result.data` of the fetch playbook run in sample-data mode. */
  readonly data: unknown;
  readonly errors: string[];
  readonly steps: IngestStepTrace[];
  readonly log: string;
}

/** One mapping of the Create Record step: a module field and the source fields its expression reads. */
export interface FieldMappingRow {
  readonly field: string;
  readonly expression: string;
  /** `vars.item.<x>` fields the expression reads (first level). */
  readonly sourceFields: string[];
}

export interface FieldMapping {
  /** The playbook holding the Create Record step; undefined when none was found. */
  readonly playbook?: string;
  readonly step?: string;
  /** The module the records go to (`alerts`, `threat_intel_feeds`). */
  readonly module?: string;
  /** The collection IRI as written (`/api/3/upsert/alerts`, `/api/ingest-feeds/threat_intel_feeds`). */
  readonly collection?: string;
  readonly rows: FieldMappingRow[];
  /** Fields of the sample records no mapping reads. */
  readonly unmappedSourceFields: string[];
}

/** What a connector declares about ingestion, read from info.json and playbooks.json. */
export interface IngestionInfo {
  readonly supported: boolean;
  readonly modes: string[];
  readonly fetchPlaybook?: string;
  readonly ingestPlaybook?: string;
  readonly createPlaybook?: string;
}

/** The Ingestion view's first look: what the connector declares and the field mapping of its playbooks. */
export interface IngestionOverview {
  readonly info: IngestionInfo;
  readonly mapping: FieldMapping;
  /** Why ingestion cannot be shown (no playbooks.json, unreadable info.json). */
  readonly problem?: string;
}

/** Sample data with the mapping's unmapped fields computed from it. */
export interface IngestSampleView extends IngestSampleResult {
  readonly mapping: FieldMapping;
}
