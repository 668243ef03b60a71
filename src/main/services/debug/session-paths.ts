/** Where a file debugpy names lies: inside the project (shown relative to it) or elsewhere. */
import path from 'node:path';
import { isBelow } from '../workspace/safe-path';

/** A file's path inside the project ('/' separated), or undefined outside it. `roots` are the project root and its
 * real path (symbolic links resolved). */
export function relPathIn(roots: readonly string[], file: string): string | undefined {
  for (const root of roots) if (isBelow(root, file)) return path.relative(root, file).split(path.sep).join('/');
  return undefined;
}
