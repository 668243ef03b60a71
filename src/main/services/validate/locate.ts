/** Finds the connector folder for a path a user gives: the folder itself, or the single `<name>/` child of a
 * source repository (`connector-<name>/<name>/info.json`). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../errors';

const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);

export async function locateConnectorDir(absPath: string): Promise<string> {
  const st = await stat(absPath).catch(() => undefined);
  if (!st) throw new ServiceError('NOT_FOUND', `${absPath} does not exist`);
  if (!st.isDirectory()) throw new ServiceError('VALIDATION', `${absPath} is not a folder or a .tgz archive`);
  if (await isFile(path.join(absPath, 'info.json'))) return absPath;
  const children = await readdir(absPath, { withFileTypes: true });
  const found: string[] = [];
  for (const c of children)
    if (c.isDirectory() && !c.name.startsWith('.') && (await isFile(path.join(absPath, c.name, 'info.json')))) found.push(c.name);
  if (found.length === 1) return path.join(absPath, found[0]);
  const preferred = path.basename(absPath).replace(/^connector-/, '');
  if (found.includes(preferred)) return path.join(absPath, preferred);
  if (found.length === 0) throw new ServiceError('VALIDATION', `${absPath} is not a connector: no info.json in it or in a sub-folder`);
  throw new ServiceError('VALIDATION', `${absPath} holds several connectors (${found.sort().join(', ')}): name one of them`);
}
