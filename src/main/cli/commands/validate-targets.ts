/** What `validate <folder|tgz>...` validates: each argument as given, except a folder that is neither a connector
 * (info.json) nor a project (<name>/info.json), which stands for the connectors, projects and .tgz files one level
 * down (a repository of connectors, a folder of packages in CI). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ifUnreadable } from '../../services/errors';
import { findConnectorFolder } from '../../services/validate/locate';
import { statIfPresent } from '../../services/workspace/fs-probe';

export interface Target {
  /** As the user wrote it (or `<their folder>/<child>` for one found one level down): the output names it so. */
  readonly label: string;
  readonly abs: string;
}

const isTgz = (name: string) => /\.(tgz|tar\.gz)$/i.test(name);

/** A folder's children that validate takes, in name order; hidden ones never count. */
async function oneLevelDown(abs: string, label: string): Promise<Target[]> {
  const children = (await readdir(abs, { withFileTypes: true }).catch(ifUnreadable([]))).filter((c) => !c.name.startsWith('.'));
  const found: Target[] = [];
  for (const c of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = { label: path.join(label, c.name), abs: path.join(abs, c.name) };
    if (c.isFile() && isTgz(c.name)) found.push(child);
    else if (c.isDirectory() && 'rel' in (await findConnectorFolder(child.abs))) found.push(child);
  }
  return found;
}

/** Every target, in argument order. A path that does not exist, or a folder with nothing to validate even one
 * level down, stays a target of its own: validating it says what is wrong with it. */
export async function expandTargets(args: readonly string[], cwd: string): Promise<Target[]> {
  const out: Target[] = [];
  for (const label of args) {
    const abs = path.resolve(cwd, label);
    const st = await statIfPresent(abs);
    if (!st?.isDirectory() || 'rel' in (await findConnectorFolder(abs))) {
      out.push({ label, abs });
      continue;
    }
    const below = await oneLevelDown(abs, label);
    out.push(...(below.length > 0 ? below : [{ label, abs }]));
  }
  return out;
}
