import type { GitChange, GitChanges } from '../../../../shared/models/git';

export type ChangeGroup = 'staged' | 'unstaged' | 'conflicted';

/** The file name and its folder, for a row that shows "utils.py  sample/lib". */
export function splitPath(relPath: string): { name: string; dir: string } {
  const clean = relPath.replace(/\/$/, '');
  const cut = clean.lastIndexOf('/');
  return { name: clean.slice(cut + 1), dir: cut < 0 ? '' : clean.slice(0, cut) };
}

/** Why the Commit button is disabled, or null when a commit can go ahead. */
export function commitBlocker(changes: GitChanges | null, message: string, amend: boolean): string | null {
  if (!changes?.isRepo) return 'Not a git repository.';
  if (changes.conflicted.length) return 'Resolve and stage the conflicted files first.';
  if (!message.trim() && !amend) return 'Write a commit message.';
  if (!changes.staged.length && !amend) return changes.unstaged.length ? 'Stage the changes to commit (or use Stage All).' : 'Nothing to commit.';
  return null;
}

/** Deleted files have nothing to open; everything else opens in the editor or a diff. */
export const canOpen = (c: GitChange) => c.state !== 'deleted' && !c.relPath.endsWith('/');

/** The diff a row shows: staged rows compare HEAD with the index, the others the index with the working tree. */
export const diffModeOf = (group: ChangeGroup) => (group === 'staged' ? 'staged' : 'unstaged') as 'staged' | 'unstaged';

export const changeCount = (c: GitChanges | null) => (c ? c.staged.length + c.unstaged.length + c.conflicted.length : 0);
