import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowseResult } from '../../../shared/models/workspace';
import { ServiceError, errnoCode, ifUnreadable } from '../errors';
import { statIfPresent } from './fs-probe';

/** The folder picker of browser mode, where <input type=file> cannot give absolute paths. Lists folders only. */
export async function browseFolders(requested?: string): Promise<BrowseResult> {
  const dir = path.resolve(requested || os.homedir());
  const isDir = (await statIfPresent(dir))?.isDirectory() === true;
  if (!isDir) throw new ServiceError('NOT_FOUND', `"${dir}" is not a folder.`);
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: unknown) => {
    if (errnoCode(e) === 'EACCES' || errnoCode(e) === 'EPERM') throw new ServiceError('FORBIDDEN', `"${dir}" cannot be read (permission denied).`);
    throw e;
  });
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  const listed = await Promise.all(
    dirs.map(async (e) => ({
      name: e.name,
      isDir: true,
      // A folder closed to this user shows as a folder, not a connector.
      isConnector: await stat(path.join(dir, e.name, 'info.json')).then(() => true, ifUnreadable(false)),
    })),
  );
  const parent = path.dirname(dir);
  return { path: dir, parent: parent === dir ? null : parent, entries: listed.sort((a, b) => a.name.localeCompare(b.name)) };
}
