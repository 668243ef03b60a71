/** What gets uploaded: a .tgz as given, or a connector folder packed into one. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import { ServiceError } from '../errors';
import { locateConnectorDir } from '../validate/locate';

export interface PreparedArchive {
  /** A .tgz file on disk (the given one, or a temporary one packed from the folder). */
  readonly tgzPath: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  /** The connector folder when the source was a folder. */
  readonly folder?: string;
  dispose(): Promise<void>;
}

const SKIP = new Set(['.git', '__pycache__', '.DS_Store', '.venv', 'venv', 'node_modules', '.idea', '.vscode', '.pytest_cache', '.mypy_cache']);

/** Stand-in until packaging/package.ts (the deterministic packer) lands: the same layout (`<name>/...`,
 * portable headers, fixed mtime, sorted), without its checks. Swap this one call for it. */
async function packFolder(folder: string, out: string): Promise<void> {
  const name = path.basename(folder);
  await create(
    {
      gzip: { level: 9 },
      file: out,
      cwd: path.dirname(folder),
      portable: true,
      mtime: new Date('2000-01-01T00:00:00Z'),
      filter: (p) => !p.split('/').some((seg) => SKIP.has(seg) || seg.endsWith('.pyc')),
    },
    [name],
  );
}

async function fromBytes(tgzPath: string, folder: string | undefined, dispose: () => Promise<void>): Promise<PreparedArchive> {
  const bytes = await readFile(tgzPath);
  return { tgzPath, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), folder, dispose };
}

/** A folder (a connector folder or a project holding one) is packed; a file is taken as the .tgz. */
export async function prepareArchive(source: string): Promise<PreparedArchive> {
  const st = await stat(source).catch(() => undefined);
  if (!st) throw new ServiceError('NOT_FOUND', `${source} does not exist.`);
  if (st.isFile()) return fromBytes(source, undefined, async () => undefined);
  const folder = await locateConnectorDir(source);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-publish-'));
  const dispose = () => rm(tmp, { recursive: true, force: true });
  try {
    const out = path.join(tmp, `${path.basename(folder)}.tgz`);
    await packFolder(folder, out);
    return await fromBytes(out, folder, dispose);
  } catch (e) {
    await dispose();
    throw e;
  }
}
