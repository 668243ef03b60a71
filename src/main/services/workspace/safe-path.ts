import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError, errnoCode } from '../errors';

const outside = (rel: string, why: string) =>
  new ServiceError('OUTSIDE_WORKSPACE', `The path "${rel}" is refused: ${why}. Use a path inside the project.`);

/** Rejects anything that could escape the root before touching the disk. */
export function checkRelative(rel: string): string {
  if (typeof rel !== 'string') throw outside(String(rel), 'it is not text');
  if (rel.includes('\0')) throw outside(rel, 'it contains a NUL character');
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel))
    throw outside(rel, 'it is absolute');
  const parts = rel.split(/[\\/]+/);
  if (parts.includes('..')) throw outside(rel, 'it contains ".."');
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

async function deepestExistingRealpath(abs: string): Promise<{ real: string; rest: string[] }> {
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return { real: await realpath(cur), rest };
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT' && errnoCode(e) !== 'ENOTDIR') throw e;
      const parent = path.dirname(cur);
      if (parent === cur) throw e;
      rest.unshift(path.basename(cur));
      cur = parent;
    }
  }
}

/** Whether `child` lies below `parent` by their paths alone (no disk read, symbolic links not followed);
 * `orEqual` counts the folder itself. For paths the app already holds; a path from a door goes through
 * resolveInside. */
export function isBelow(parent: string, child: string, opts: { readonly orEqual?: boolean } = {}): boolean {
  const rel = path.relative(parent, child);
  if (rel === '') return opts.orEqual === true;
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

const isInside = (root: string, candidate: string) =>
  candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * The one gate for every path that arrives from a door (UI, HTTP, CLI). Symlinks are resolved, so a link
 * inside the project that points elsewhere is refused too. Returns the absolute path (not realpath'd, so
 * callers can still rename or delete a link itself).
 */
export async function resolveInside(root: string, rel: string): Promise<string> {
  const clean = checkRelative(rel);
  const realRoot = await realpath(root);
  const abs = path.join(root, clean);
  const { real, rest } = await deepestExistingRealpath(abs);
  const resolved = path.join(real, ...rest);
  if (!isInside(realRoot, resolved)) throw outside(rel, 'it leads outside the project through a link');
  return abs;
}
