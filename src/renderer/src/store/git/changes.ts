import type { GitChange, GitChanges } from '../../../../shared/models/git';

export type ChangeGroup = 'staged' | 'unstaged' | 'conflicted';

/** The file name and its folder, for a row that shows "utils.py  sample/lib". */
export function splitPath(relPath: string): { name: string; dir: string } {
  const clean = relPath.replace(/\/$/, '');
  const cut = clean.lastIndexOf('/');
  return { name: clean.slice(cut + 1), dir: cut < 0 ? '' : clean.slice(0, cut) };
}

export type CommitPlan =
  | { readonly kind: 'commit' | 'commitAll' | 'amend'; readonly label: string }
  | { readonly kind: 'blocked'; readonly label: string; readonly reason: string };

/** What the Commit button does: commit what is staged, commit everything when nothing is staged (as VS Code's
 * smart commit), amend the last commit, or nothing yet and why. During a merge it commits the index, which concludes
 * the merge even when nothing differs from HEAD; git refuses both amend and a commit of paths then. */
export function commitPlan(changes: GitChanges | null, message: string, amend: boolean): CommitPlan {
  const blocked = (reason: string, label = 'Commit'): CommitPlan => ({ kind: 'blocked', label, reason });
  if (!changes?.isRepo) return blocked('Not a git repository.');
  if (changes.conflicted.length) return blocked('Resolve and stage the conflicted files first.', changes.merging ? 'Commit Merge' : 'Commit');
  if (changes.merging) {
    if (amend) return blocked('A merge is under way: commit it before amending.', 'Amend Last Commit');
    if (!message.trim()) return blocked('Write a commit message.', 'Commit Merge');
    return { kind: 'commit', label: 'Commit Merge' };
  }
  if (amend) return { kind: 'amend', label: 'Amend Last Commit' };
  const label = changes.staged.length ? 'Commit' : 'Commit All';
  if (!changes.staged.length && !changes.unstaged.length) return blocked('Nothing to commit.', label);
  if (!message.trim()) return blocked('Write a commit message.', label);
  return { kind: changes.staged.length ? 'commit' : 'commitAll', label };
}

/** Deleted files have nothing to open; everything else opens in the editor or a diff. */
export const canOpen = (c: GitChange) => c.state !== 'deleted' && !c.relPath.endsWith('/');

/** The diff a row shows: staged rows compare HEAD with the index, the others the index with the working tree. */
export const diffModeOf = (group: ChangeGroup) => (group === 'staged' ? 'staged' : 'unstaged') as 'staged' | 'unstaged';

export const changeCount = (c: GitChanges | null) => (c ? c.staged.length + c.unstaged.length + c.conflicted.length : 0);
