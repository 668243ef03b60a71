import { toastError } from '../../store/app/store';
import { useGitStore } from '../../store/git/store';
import { ChangeList } from './ChangeList';
import { CommitForm } from './CommitForm';

/** The recommended ignore lines (venvs, caches, user data) a repository opened or cloned lacks: one click adds
 * them to .gitignore. A repository that ignores its cassettes is told so (they are scrubbed and shared). */
function IgnoreNotice() {
  const ignores = useGitStore((s) => s.changes?.ignores);
  const busy = useGitStore((s) => s.busy);
  if (!ignores || (!ignores.missingIgnores.length && !ignores.cassettesIgnored)) return null;
  return (
    <div className="git-notice pad" role="status" data-testid="git-ignore-notice">
      {ignores.missingIgnores.length > 0 && (
        <>
          <p className="small">
            .gitignore does not cover {ignores.missingIgnores.map((l) => <code key={l}>{l} </code>)}(virtual environments, Python caches, user data).
          </p>
          <button className="button" disabled={busy} onClick={() => void useGitStore.getState().addRecommendedIgnores().catch(toastError)} data-testid="git-add-ignores">
            Add recommended ignores
          </button>
        </>
      )}
      {ignores.cassettesIgnored && (
        <p className="small muted" data-testid="git-cassettes-ignored">tests/cassettes is ignored: recorded cassettes are scrubbed and meant to be committed. Remove the rule from .gitignore to share them.</p>
      )}
    </div>
  );
}

/** Commit form over the conflicted, staged and unstaged files. */
export function ChangesView() {
  const changes = useGitStore((s) => s.changes);
  if (!changes) return <p className="muted pad">Reading changes…</p>;
  const clean = !changes.staged.length && !changes.unstaged.length && !changes.conflicted.length;
  return (
    <div className="git-view" data-testid="git-changes" data-merging={changes.merging ?? false}>
      <CommitForm />
      <IgnoreNotice />
      <div className="git-scroll">
        {changes.merging && (
          <p className="small pad" role="status" data-testid="git-merging">
            {changes.conflicted.length
              ? 'Merging: resolve each file under Merge Conflicts (remove the <<<<<<< ======= >>>>>>> markers), stage it, then commit the merge.'
              : 'Merging: the conflicts are resolved. Commit to conclude the merge.'}
          </p>
        )}
        <ChangeList group="conflicted" items={changes.conflicted} />
        <ChangeList group="staged" items={changes.staged} />
        <ChangeList group="unstaged" items={changes.unstaged} />
        {clean && !changes.merging && <p className="muted pad" data-testid="git-clean">No changes: the working tree is clean.</p>}
      </div>
    </div>
  );
}
