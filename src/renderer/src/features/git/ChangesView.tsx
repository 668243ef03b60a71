import { useGitStore } from '../../store/git/store';
import { ChangeList } from './ChangeList';
import { CommitForm } from './CommitForm';

/** Commit form over the conflicted, staged and unstaged files. */
export function ChangesView() {
  const changes = useGitStore((s) => s.changes);
  if (!changes) return <p className="muted pad">Reading changes…</p>;
  const clean = !changes.staged.length && !changes.unstaged.length && !changes.conflicted.length;
  return (
    <div className="git-view" data-testid="git-changes">
      <CommitForm />
      <div className="git-scroll">
        <ChangeList group="conflicted" items={changes.conflicted} />
        <ChangeList group="staged" items={changes.staged} />
        <ChangeList group="unstaged" items={changes.unstaged} />
        {clean && <p className="muted pad" data-testid="git-clean">No changes: the working tree is clean.</p>}
      </div>
    </div>
  );
}
