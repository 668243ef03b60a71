import { FileIcon } from '../../components/FileIcon';
import { Icon, type IconName } from '../../components/Icon';
import type { GitChange } from '../../../../shared/models/git';
import { canOpen, diffModeOf, splitPath, type ChangeGroup } from '../../store/git/changes';
import { gitLetter } from '../../store/git/decorations';
import { useEditorStore } from '../../store/editor/store';
import { useGitStore } from '../../store/git/store';
import { attempt, discardFiles } from './git-actions';

const TITLES: Record<ChangeGroup, string> = { conflicted: 'Merge Conflicts', staged: 'Staged Changes', unstaged: 'Changes' };

function RowButton({ icon, label, onClick, testId }: { icon: IconName; label: string; onClick(): void; testId: string }) {
  return (
    <button type="button" className="icon-button row-action" aria-label={label} title={label} data-testid={testId}
      onClick={(e) => (e.stopPropagation(), onClick())}>
      <Icon name={icon} size={14} />
    </button>
  );
}

function ChangeRow({ change, group }: { change: GitChange; group: ChangeGroup }) {
  const git = useGitStore.getState;
  const { name, dir } = splitPath(change.relPath);
  const openable = canOpen(change);
  const openFile = () => void useEditorStore.getState().openFile(change.relPath);
  const showDiff = () => void attempt(() => git().openFileDiff(change.relPath, diffModeOf(group)));
  return (
    <li className="git-change" data-testid="git-change" data-path={change.relPath} data-group={group} data-state={change.state}>
      <button className={`git-file git-${change.state}`} onClick={group === 'conflicted' ? openFile : showDiff}
        title={group === 'conflicted' ? `${change.relPath}: open to resolve the conflict` : `${change.relPath}: show the changes`}>
        <FileIcon name={change.relPath} />
        <span className="git-file-name">{name}</span>
        <span className="git-file-dir">{change.oldPath ? `${change.oldPath} → ` : ''}{dir}</span>
      </button>
      <span className="row-actions">
        {openable && <RowButton icon="file" label="Open File" testId="git-open-file" onClick={openFile} />}
        {group === 'unstaged' && <RowButton icon="undo" label="Discard Changes" testId="git-discard" onClick={() => void discardFiles([change.relPath])} />}
        {group === 'staged'
          ? <RowButton icon="minus" label="Unstage" testId="git-unstage" onClick={() => void attempt(() => git().unstage([change.relPath]))} />
          : <RowButton icon="plus" label={group === 'conflicted' ? 'Mark as Resolved (stage)' : 'Stage'} testId="git-stage" onClick={() => void attempt(() => git().stage([change.relPath]))} />}
      </span>
      <span className={`tree-git git-letter-${change.state}`} title={change.state}>{gitLetter(change.state)}</span>
    </li>
  );
}

/** One group of changes with its count and a group action (Stage All, Unstage All, Discard All). */
export function ChangeList({ group, items }: { group: ChangeGroup; items: GitChange[] }) {
  const git = useGitStore.getState;
  const paths = items.map((c) => c.relPath);
  if (!items.length) return null;
  return (
    <section className={`change-group change-group-${group}`} aria-label={TITLES[group]}>
      <h3 className="section-title pad-x change-group-title">
        <span>{TITLES[group]}</span>
        <span className="row-actions">
          {group === 'unstaged' && items.length > 0 && <RowButton icon="undo" label="Discard All Changes" testId="git-discard-all" onClick={() => void discardFiles(paths)} />}
          {group === 'staged' && <RowButton icon="minus" label="Unstage All" testId="git-unstage-all" onClick={() => void attempt(() => git().unstage(paths))} />}
          {group === 'unstaged' && items.length > 0 && <RowButton icon="plus" label="Stage All" testId="git-stage-all" onClick={() => void attempt(() => git().stage(paths))} />}
        </span>
        <span className="count-badge">{items.length}</span>
      </h3>
      <ul className="git-files" data-testid={`git-${group}`}>
        {items.map((c) => <ChangeRow key={c.relPath} change={c} group={group} />)}
      </ul>
    </section>
  );
}
