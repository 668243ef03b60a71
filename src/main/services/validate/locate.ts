/** Finds the connector folder in a folder a user names, the same way for opening a project, validating,
 * packaging, publishing and reading a version from git: the folder itself when it holds info.json, else its one
 * child holding info.json (Fortinet's `connector-<name>/<name>/info.json` repositories), or among several the
 * child named like the repository. Hidden children never count. Several without that name is ambiguous: refused
 * rather than guessed, so no command quietly works on another connector than the user meant. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError, ifMissing, ifUnreadable } from '../errors';
import { statIfPresent } from '../workspace/fs-probe';

/** `rel` is '' for the folder itself, else the child's name. */
export type ConnectorFolderChoice = { readonly rel: string } | { readonly none: true } | { readonly several: readonly string[] };

/** The choice from what a listing shows: whether the folder has info.json, and which children have one. */
export function chooseConnectorFolder(folderName: string, ownInfoJson: boolean, childrenWithInfoJson: readonly string[]): ConnectorFolderChoice {
  if (ownInfoJson) return { rel: '' };
  const found = childrenWithInfoJson.filter((n) => !n.startsWith('.'));
  const [only] = found;
  if (only !== undefined && found.length === 1) return { rel: only };
  const preferred = folderName.replace(/^connector-/, '');
  if (found.includes(preferred)) return { rel: preferred };
  return found.length === 0 ? { none: true } : { several: [...found].sort() };
}

const isFile = (p: string) => stat(p).then((s) => s.isFile(), ifMissing(false));

/** The choice for a folder on disk; a folder that cannot be read holds no connector. */
export async function findConnectorFolder(dir: string): Promise<ConnectorFolderChoice> {
  if (await isFile(path.join(dir, 'info.json'))) return { rel: '' };
  const children = await readdir(dir, { withFileTypes: true }).catch(ifUnreadable([]));
  const found: string[] = [];
  for (const c of children) if (c.isDirectory() && (await isFile(path.join(dir, c.name, 'info.json')))) found.push(c.name);
  return chooseConnectorFolder(path.basename(dir), false, found);
}

/** The absolute connector folder, or a ServiceError saying why there is none. */
export async function locateConnectorDir(absPath: string): Promise<string> {
  const st = await statIfPresent(absPath);
  if (!st) throw new ServiceError('NOT_FOUND', `${absPath} does not exist`);
  if (!st.isDirectory()) throw new ServiceError('VALIDATION', `${absPath} is not a folder or a .tgz archive`);
  const choice = await findConnectorFolder(absPath);
  if ('rel' in choice) return path.join(absPath, choice.rel);
  if ('none' in choice) throw new ServiceError('VALIDATION', `${absPath} is not a connector: no info.json in it or in a sub-folder`);
  throw severalConnectors(absPath, choice.several);
}

/** The connector folder of an extracted package: its one top-level folder (safe-extract refuses more), which
 * must hold info.json. */
export async function packageConnectorDir(archive: string, extracted: { readonly dir: string; readonly topLevel: string }): Promise<string> {
  if (!(await isFile(path.join(extracted.dir, 'info.json'))))
    throw new ServiceError('VALIDATION', `${archive} is not a connector package: there is no ${extracted.topLevel}/info.json`);
  return extracted.dir;
}

export function severalConnectors(where: string, names: readonly string[], fix = 'name one of them'): ServiceError {
  return new ServiceError('VALIDATION', `${where} holds several connectors (${names.join(', ')}): ${fix}`);
}
