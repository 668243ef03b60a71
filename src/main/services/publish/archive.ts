/** What gets uploaded: a .tgz as given, or a connector folder packed into one by the deterministic packager. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../errors';
import { packageConnector } from '../packaging/package';
import { locateConnectorDir } from '../validate/locate';
import { statIfPresent } from '../workspace/fs-probe';

export interface PreparedArchive {
  /** A .tgz file on disk (the given one, or a temporary one packed from the folder). */
  readonly tgzPath: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  /** The connector folder when the source was a folder. */
  readonly folder?: string;
  dispose(): Promise<void>;
}

async function fromBytes(tgzPath: string, folder: string | undefined, dispose: () => Promise<void>): Promise<PreparedArchive> {
  const bytes = await readFile(tgzPath);
  return { tgzPath, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), folder, dispose };
}

/** A folder (a connector folder or a project holding one) is packed; a file is taken as the .tgz. */
export async function prepareArchive(source: string): Promise<PreparedArchive> {
  const st = await statIfPresent(source);
  if (!st) throw new ServiceError('NOT_FOUND', `${source} does not exist.`);
  if (st.isFile()) return fromBytes(source, undefined, async () => undefined);
  const folder = await locateConnectorDir(source);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-publish-'));
  const dispose = () => rm(tmp, { recursive: true, force: true });
  try {
    // Pre-flight validates the archive itself and reports its errors, so packaging must not refuse first.
    const packed = await packageConnector(folder, { out: path.join(tmp, `${path.basename(folder)}.tgz`), force: true });
    return await fromBytes(packed.file, folder, dispose);
  } catch (e) {
    await dispose();
    throw e;
  }
}
