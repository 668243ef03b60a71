/** What the sandbox's request handlers share. */
import path from 'node:path';
import type { RuntimeService } from '../services/runtime/types';
import type { InstalledConnector, SandboxState, StoredConfiguration } from './state';

export interface SandboxContext {
  readonly dataDir: string;
  readonly state: SandboxState;
  /** The base interpreter, e.g. ['python3']. */
  readonly python: string[];
  /** Delay between import job steps, so clients really see them progress. */
  readonly jobStepMs: number;
  /** The platform default for `python` (environment-service platformOf): a connector without a venv runs on its
   * python once it is made, and a connector's venv sees its packages, as on FortiSOAR. */
  platform(): Promise<{ readonly python?: string; readonly sitePackages?: string }>;
  /** The simulated runtime running this connector (its venv's interpreter when it has one, else the platform
   * default's when it is made). */
  runtimeFor(c: InstalledConnector): RuntimeService;
  /** One install at a time: two uploads of one name and version must not both pass the conflict check. */
  serially<T>(work: () => Promise<T>): Promise<T>;
  /** Background work (import jobs, pip) that close() waits for. */
  track(work: Promise<unknown>): void;
  /** A line for the operator's console (the `log` option); never headers or bodies. */
  log(line: string): void;
}

/** Installed packages live under their numeric id: `version` only has to match `^[0-9]+.[0-9]+.[0-9]+`,
 * which says nothing about what follows, so it never becomes a path. */
export const installDir = (ctx: SandboxContext, id: number) => path.join(ctx.dataDir, 'connectors', String(id));
export const connectorFolder = (ctx: SandboxContext, c: InstalledConnector) => path.join(installDir(ctx, c.id), c.name);
export const venvDir = (ctx: SandboxContext, id: number) => path.join(ctx.dataDir, 'venvs', String(id));

export const configRef = (c: StoredConfiguration) => ({ id: c.id, config_id: c.config_id, name: c.name, default: c.default });

/** The connector as the list endpoint shows it. */
export function connectorRow(ctx: SandboxContext, c: InstalledConnector) {
  const configs = ctx.state.configsOf(c.id);
  return {
    id: c.id,
    uuid: c.uuid,
    name: c.name,
    version: c.version,
    label: c.label,
    description: c.description,
    publisher: c.publisher,
    category: c.category,
    status: c.status,
    installed: c.installed,
    active: c.active,
    requirements_installed: c.requirements_installed,
    config_count: configs.length,
    configuration: configs.map(configRef),
  };
}

/** The connector as upload and details show it. */
export function connectorRecord(ctx: SandboxContext, c: InstalledConnector) {
  // archive_sha256 is the sandbox's own: the reference names no field of the real server holding the checksum.
  return { ...connectorRow(ctx, c), install_result: c.install_result, operations: c.operations, config_schema: c.config_schema, archive_sha256: c.archive_sha256 };
}
