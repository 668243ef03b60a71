/** Where a file debugpy names lies: inside the project (shown relative to it), resources/python, or elsewhere. */
import path from 'node:path';

export const isInside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** A file's path inside the project ('/' separated), or undefined outside it. `roots` are the project root and its
 * real path (symbolic links resolved). */
export function relPathIn(roots: readonly string[], file: string): string | undefined {
  for (const root of roots) if (isInside(root, file)) return path.relative(root, file).split(path.sep).join('/');
  return undefined;
}
