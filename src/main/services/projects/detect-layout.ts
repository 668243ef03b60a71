import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const hasInfoJson = (dir: string) => stat(path.join(dir, 'info.json')).then((s) => s.isFile(), () => false);

/**
 * Finds the connector folder of a project: the folder itself (a bare connector), or the one child holding
 * info.json (Fortinet's `connector-<name>/<name>/` repositories). Prefers the child named after the repository.
 */
export async function findConnectorFolder(root: string): Promise<string | null> {
  if (await hasInfoJson(root)) return '';
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const candidates: string[] = [];
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.') && (await hasInfoJson(path.join(root, e.name)))) candidates.push(e.name);
  }
  const preferred = path.basename(root).replace(/^connector-/, '');
  return candidates.find((c) => c === preferred) ?? candidates.sort()[0] ?? null;
}
