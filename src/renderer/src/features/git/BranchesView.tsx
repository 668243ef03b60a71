import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { useGitStore } from '../../store/git/store';
import { useProjectsStore } from '../../store/projects/store';
import { toastError, useAppStore } from '../../store/app/store';
import { deleteBranch, deleteTag, newBranch, newTag, switchTo } from './git-actions';

function Branches() {
  const branches = useGitStore((s) => s.branches);
  return (
    <section aria-label="Branches">
      <h3 className="section-title pad-x change-group-title">
        <span>Branches</span>
        <button className="button secondary small" onClick={() => void newBranch()} data-testid="branch-create"><Icon name="plus" size={14} /> New Branch…</button>
      </h3>
      <ul className="ref-list" data-testid="branch-list">
        {branches?.local.map((b) => (
          <li key={b.name} className={`ref-row${b.current ? ' current' : ''}`} data-testid="branch-row" data-name={b.name} data-current={b.current}>
            <Icon name={b.current ? 'check' : 'branch'} size={14} />
            <span className="ref-name">{b.name}</span>
            <span className="muted small ref-detail">
              {b.upstream ? `${b.upstream}${b.ahead ? ` ↑${b.ahead}` : ''}${b.behind ? ` ↓${b.behind}` : ''}${b.upstreamGone ? ' (gone)' : ''}` : 'no upstream'}
            </span>
            {!b.current && (
              <span className="row-actions">
                <button className="button secondary small" onClick={() => void switchTo(b.name)} data-testid="branch-switch">Switch</button>
                <button className="icon-button danger-hover" aria-label={`Delete branch ${b.name}`} title="Delete branch" onClick={() => void deleteBranch(b.name)} data-testid="branch-delete">
                  <Icon name="trash" size={14} />
                </button>
              </span>
            )}
          </li>
        ))}
        {branches && !branches.current && <li className="muted small pad-x">HEAD is detached: switch to a branch to commit on it.</li>}
        {branches?.remote.map((r) => (
          <li key={r} className="ref-row remote" data-testid="remote-branch-row" data-name={r}>
            <Icon name="cloudUpload" size={14} /> <span className="ref-name muted">{r}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Tags() {
  const tags = useGitStore((s) => s.tags);
  const projectId = useAppStore((s) => s.projectId);
  const version = useProjectsStore((s) => s.projects.find((p) => p.id === projectId)?.version);
  return (
    <section aria-label="Tags">
      <h3 className="section-title pad-x change-group-title">
        <span>Tags</span>
        <button className="button secondary small" onClick={() => void newTag(version)} data-testid="tag-create"><Icon name="plus" size={14} /> New Tag…</button>
      </h3>
      <ul className="ref-list" data-testid="tag-list">
        {tags.map((t) => (
          <li key={t.name} className="ref-row" data-testid="tag-row" data-name={t.name}>
            <Icon name="tag" size={14} />
            <span className="ref-name">{t.name}</span>
            <span className="muted small ref-detail mono">{t.sha.slice(0, 7)}</span>
            <span className="row-actions">
              <button className="icon-button danger-hover" aria-label={`Delete tag ${t.name}`} title="Delete tag" onClick={() => void deleteTag(t.name)} data-testid="tag-delete">
                <Icon name="trash" size={14} />
              </button>
            </span>
          </li>
        ))}
        {!tags.length && <li className="muted small pad-x">No tags yet. Tag released versions as v1.0.0 to compare versions.</li>}
      </ul>
    </section>
  );
}

/** Local and remote-tracking branches (create, switch, delete) and tags. */
export function BranchesView() {
  useEffect(() => void useGitStore.getState().loadRefs().catch(toastError), []);
  return (
    <div className="git-view git-scroll">
      <Branches />
      <Tags />
    </div>
  );
}
