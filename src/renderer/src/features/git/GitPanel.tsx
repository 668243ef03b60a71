import { useId } from 'react';
import { FileIcon } from '../../components/FileIcon';
import { Icon } from '../../components/Icon';
import { gitLetter } from '../../store/git/decorations';
import { useGitStore } from '../../store/git/store';
import { useEditorStore } from '../../store/editor/store';
import { commitAll, initGit } from '../palette/app-commands';

/** Source Control: make the project a repository, see what changed, commit everything with a message. */
export function GitPanel() {
  const { status, busy, message, setMessage } = useGitStore();
  const msgId = useId();
  const dirty = useEditorStore((s) => s.tabs.some((t) => t.dirty));

  const body = !status ? (
    <p className="muted pad">Reading git status…</p>
  ) : !status.isRepo ? (
    <div className="pad">
      <p className="muted">This project is not a git repository yet.</p>
      <button className="button primary" disabled={busy} onClick={() => void initGit()} data-testid="git-init">Initialize Git Repository</button>
    </div>
  ) : (
    <>
      <form className="commit-form" onSubmit={(e) => {
        e.preventDefault();
        void commitAll();
      }}>
        <label htmlFor={msgId} className="visually-hidden">Commit message</label>
        <textarea id={msgId} className="text-input commit-message" rows={3} value={message} placeholder={`Message (Ctrl+Enter to commit on “${status.branch ?? 'main'}”)`}
          onChange={(e) => setMessage(e.target.value)} data-testid="commit-message"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void commitAll();
            }
          }} />
        <button type="submit" className="button primary wide" disabled={busy || !message.trim() || !status.files.length} data-testid="commit-all">
          <Icon name="check" /> Commit All
        </button>
        {dirty && <p className="muted small">Unsaved editor changes are not part of the commit until you save them.</p>}
      </form>
      <h3 className="section-title pad-x">Changes <span className="count-badge">{status.files.length}</span></h3>
      <ul className="git-files" data-testid="git-changes">
        {status.files.map((f) => (
          <li key={f.relPath}>
            <button className={`git-file git-${f.state}`} onClick={() => f.state !== 'deleted' && void useEditorStore.getState().openFile(f.relPath.replace(/\/$/, ''))}>
              <FileIcon name={f.relPath} />
              <span className="git-file-name">{f.relPath.slice(f.relPath.replace(/\/$/, '').lastIndexOf('/') + 1)}</span>
              <span className="git-file-dir">{f.relPath.slice(0, Math.max(0, f.relPath.replace(/\/$/, '').lastIndexOf('/')))}</span>
              <span className="tree-git" title={f.state}>{gitLetter(f.state)}</span>
            </button>
          </li>
        ))}
        {!status.files.length && <li className="muted pad" data-testid="git-clean">No changes: the working tree is clean.</li>}
      </ul>
    </>
  );

  return (
    <section className="sidebar-view" aria-label="Source Control">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Source Control</h2>
        <button className="icon-button" aria-label="Refresh git status" title="Refresh" onClick={() => void useGitStore.getState().refresh()}>
          <Icon name="refresh" />
        </button>
      </div>
      {body}
    </section>
  );
}
