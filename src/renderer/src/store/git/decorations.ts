import type { GitFileState, GitStatus } from '../../../../shared/models/workspace';
import { ancestorsOf } from '../workspace/tree-model';

export interface GitDecorations {
  readonly files: ReadonlyMap<string, GitFileState>;
  /** Folders that contain a change, so a collapsed folder still shows one. */
  readonly dirs: ReadonlySet<string>;
}

export const EMPTY_DECORATIONS: GitDecorations = { files: new Map(), dirs: new Set() };

/** Git reports untracked folders as "dir/"; the tree has no trailing slash. */
export function gitDecorations(status: GitStatus | null): GitDecorations {
  if (!status?.isRepo) return EMPTY_DECORATIONS;
  const files = new Map<string, GitFileState>();
  const dirs = new Set<string>();
  for (const f of status.files) {
    const rel = f.relPath.replace(/\/$/, '');
    files.set(rel, f.state);
    ancestorsOf(rel).forEach((d) => dirs.add(d));
    if (f.relPath.endsWith('/')) dirs.add(rel);
  }
  return { files, dirs };
}

const LETTERS: Record<GitFileState, string> = { modified: 'M', added: 'A', deleted: 'D', untracked: 'U', renamed: 'R', conflicted: '!' };
export const gitLetter = (s: GitFileState) => LETTERS[s];
