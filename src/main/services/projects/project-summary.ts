import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GitSummaryState, ProjectSummary } from '../../../shared/models/workspace';
import { ifMissing } from '../errors';

export const projectIdOf = (absRoot: string) => createHash('sha1').update(path.resolve(absRoot)).digest('hex').slice(0, 12);

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

async function iconDataUrl(connectorDir: string, iconName: unknown): Promise<string | undefined> {
  if (typeof iconName !== 'string' || !iconName || iconName.includes('..')) return undefined;
  const file = path.join(connectorDir, 'images', iconName);
  const mime = MIME[path.extname(file).toLowerCase()];
  const bytes = mime ? await readFile(file).catch(ifMissing(null)) : null;
  return bytes && bytes.length < 256 * 1024 ? `data:${mime};base64,${bytes.toString('base64')}` : undefined;
}

async function latestMtime(dir: string): Promise<number> {
  const entries = await readdir(dir).catch(ifMissing([] as string[]));
  const times = await Promise.all([dir, ...entries.map((e) => path.join(dir, e))].map((p) => stat(p).then((s) => s.mtimeMs, ifMissing(0))));
  return Math.max(0, ...times);
}

export async function summarize(
  root: string,
  connectorRel: string,
  opts: { inWorkspace: boolean; git: GitSummaryState },
): Promise<ProjectSummary> {
  const connectorDir = path.join(root, connectorRel);
  const base = { id: projectIdOf(root), root, connectorRel, inWorkspace: opts.inWorkspace, git: opts.git, modifiedMs: await latestMtime(connectorDir) };
  const fallbackName = path.basename(connectorDir);
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(await readFile(path.join(connectorDir, 'info.json'), 'utf8'));
  } catch (e) {
    return { ...base, name: fallbackName, label: fallbackName, version: '', publisher: '', description: '',
      problem: `info.json cannot be read: ${(e as Error).message}` };
  }
  const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : '');
  return { ...base, name: str('name') || fallbackName, label: str('label') || str('name') || fallbackName, version: str('version'),
    publisher: str('publisher'), description: str('description'), iconDataUrl: await iconDataUrl(connectorDir, info.icon_small_name) };
}
