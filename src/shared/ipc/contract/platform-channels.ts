/** Simulated FortiSOAR channels: the platform data the project's runs created, and data ingestion. */
import type { IngestionOverview, IngestRunResult, IngestSampleView } from '../../models/ingestion';
import type { PlatformRecordDetail, PlatformSnapshot } from '../../models/platform-data';
import type { Empty, InProject } from './common';

export interface PlatformChannels {
  /** The project's simulated FortiSOAR data (records, files, ingested batches) that its runs created. */
  'platform.snapshot': { req: InProject; res: PlatformSnapshot };
  /** One record of the project's simulated FortiSOAR data, whole, as a connector GETs it (an attachment's `file`
   * embedded; a File IRI gives its File record). VALIDATION for an IRI that names no record, NOT_FOUND once it is gone. */
  'platform.record': { req: InProject & { iri: string }; res: PlatformRecordDetail };
  /** Empties the project's simulated FortiSOAR data (in the user data folder; the project's files are untouched). */
  'platform.reset': { req: InProject; res: Empty };
  /** Data ingestion (issue 19): what the connector declares and the field mapping of its Create Record step. */
  'ingestion.overview': { req: InProject; res: IngestionOverview };
  /** The fetch playbook in sample-data mode, as the Data Ingestion wizard runs it (the connector's code runs). */
  'ingestion.fetchSample': { req: InProject & { configId: string }; res: IngestSampleView };
  /** N pulls of the ingest playbook on a virtual clock into the project's simulated platform. */
  'ingestion.run': { req: InProject & { configId: string; pulls: number; intervalMinutes?: number }; res: IngestRunResult };
}
