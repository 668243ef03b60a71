/** Shapes of the FortiSOAR answers we read (reference/fortisoar-api.md); servers send more fields. */
import type { ConfigurationRef, ImportJob, RemoteHealth } from '../../../shared/models/publish';
export type { ConfigurationRef, ImportJob, RemoteHealth };

export interface ConnectorSummary {
  readonly id: number;
  readonly name: string;
  readonly version: string;
  readonly label?: string;
  readonly status?: string;
  readonly active?: boolean;
  readonly config_count?: number;
  readonly configuration?: ConfigurationRef[];
  readonly requirements_installed?: string;
}

export interface ConnectorListPage {
  readonly status: string;
  readonly totalItems: number;
  readonly itemsPerPage: number;
  readonly nextPage: string | null;
  readonly previousPage: string | null;
  readonly data: ConnectorSummary[];
}

export interface ConnectorDetails extends ConnectorSummary {
  readonly config_schema?: { fields?: unknown[] };
  readonly operations?: Array<{ operation: string; title?: string }>;
  readonly install_result?: { message?: string; output?: string };
}

export interface ImportJobRef {
  readonly '@id': string;
  readonly uuid: string;
  readonly status: string;
}

export interface InstallRecord extends ConnectorDetails {
  readonly uuid?: string;
  readonly installed?: boolean;
  readonly importJob?: ImportJobRef;
}

export interface RemoteConfiguration {
  readonly id: number;
  readonly config_id: string;
  readonly name: string;
  readonly connector: number;
  readonly connector_name?: string;
  readonly connector_version?: string;
  readonly default: boolean;
  /** Password values come back masked. */
  readonly config: Record<string, unknown>;
}

export interface RemoteConfigurationInput {
  readonly connector: number;
  readonly connector_name: string;
  readonly connector_version: string;
  readonly name: string;
  readonly config_id?: string;
  readonly default: boolean;
  readonly config: Record<string, unknown>;
}

export interface ExecuteRequest {
  readonly connector: string;
  readonly version: string;
  /** config_id or name. */
  readonly config: string;
  readonly operation: string;
  readonly params?: Record<string, unknown>;
}

export interface RemoteExecuteResult {
  readonly operation: string;
  readonly status: string;
  readonly message: string;
  readonly data: unknown;
}
