/** Opens a connector folder or .tgz for reading: the engine's snapshot plus access to other files (release
 * notes, icon bytes) while it is open. Archives are extracted safely into a temporary folder. */
import { readFile } from 'node:fs/promises';
import type { ConnectorSnapshot } from '../../../shared/connector/snapshot';
import { ServiceError, ifMissing } from '../errors';
import { safeExtractTgz } from '../packaging/safe-extract';
import { locateConnectorDir, readSnapshot } from '../validate';
import { packageConnectorDir } from '../validate/locate';
import { statIfPresent } from '../workspace/fs-probe';
import { resolveInside } from '../workspace/safe-path';

export interface OpenedConnector {
  /** The connector folder (inside a temporary folder for an archive). */
  readonly dir: string;
  readonly archive: boolean;
  readonly snapshot: ConnectorSnapshot;
  /** Set when info.json is not UTF-8. */
  readonly infoJsonError?: string;
  /** A file of the connector, undefined when it does not exist. */
  readBytes(rel: string): Promise<Buffer | undefined>;
  readText(rel: string): Promise<string | undefined>;
}

async function open(dir: string, archive: boolean): Promise<OpenedConnector> {
  const { snapshot, infoJsonError } = await readSnapshot(dir, { metadataOnly: false, keepAll: archive });
  const readBytes = async (rel: string) => readFile(await resolveInside(dir, rel)).catch(ifMissing(undefined));
  return {
    dir,
    archive,
    snapshot,
    infoJsonError,
    readBytes,
    readText: async (rel) => (await readBytes(rel))?.toString('utf8'),
  };
}

/** Runs `use` on the opened connector and cleans up after it (archives live only as long as `use`). */
export async function withConnector<T>(absPath: string, use: (c: OpenedConnector) => Promise<T>): Promise<T> {
  const st = await statIfPresent(absPath);
  if (!st) throw new ServiceError('NOT_FOUND', `${absPath} does not exist`);
  if (st.isDirectory()) return use(await open(await locateConnectorDir(absPath), false));
  const extracted = await safeExtractTgz(absPath);
  try {
    return await use(await open(await packageConnectorDir(absPath, extracted), true));
  } finally {
    await extracted.dispose();
  }
}
