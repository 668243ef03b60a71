import { useEffect, useId } from 'react';
import { Icon } from '../../components/Icon';
import type { LogEntry } from '../../../../shared/models/git';
import { refLabels } from '../../store/git/history-query';
import { splitPath } from '../../store/git/changes';
import { useGitStore } from '../../store/git/store';
import { relativeTime } from '../home/relative-time';
import { attempt } from './git-actions';

const STATUS_LETTER = { added: 'A', modified: 'M', deleted: 'D', renamed: 'R', copied: 'C', 'type-changed': 'T' } as const;

function CommitFilesList({ entry }: { entry: LogEntry }) {
  const files = useGitStore((s) => s.commitFiles[entry.sha]);
  if (!files) return <p className="muted small pad-x">Reading the files…</p>;
  return (
    <ul className="git-files commit-files" data-testid="commit-files">
      {files.files.map((f) => {
        const { name, dir } = splitPath(f.relPath);
        return (
          <li key={f.relPath}>
            <button className="git-file" data-testid="history-file" data-path={f.relPath} title={`${f.relPath}: show the change in ${entry.shortSha}`}
              onClick={() => void attempt(() => useGitStore.getState().openCommitDiff(entry, f))}>
              <span className="git-file-name">{name}</span>
              <span className="git-file-dir">{dir}</span>
              <span className="tree-git">{STATUS_LETTER[f.status]}</span>
            </button>
          </li>
        );
      })}
      {!files.files.length && <li className="muted small pad-x">No file changes in this commit.</li>}
    </ul>
  );
}

function CommitRow({ entry }: { entry: LogEntry }) {
  const open = useGitStore((s) => s.expanded === entry.sha);
  return (
    <li className="history-entry" data-testid="history-entry" data-sha={entry.sha}>
      <button className="history-row" aria-expanded={open} onClick={() => void attempt(() => useGitStore.getState().toggleCommit(entry.sha))}
        title={`${entry.subject}\n${entry.author} <${entry.email}>\n${new Date(entry.date).toLocaleString()}\n${entry.sha}`}>
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
        <span className="history-text">
          <span className="history-line">
            <span className="history-subject">{entry.subject}</span>
            {refLabels(entry.refs).map((r) => <span key={r.name} className={`ref-badge ref-${r.kind}`}>{r.name}</span>)}
          </span>
          <span className="history-meta muted small">
            <span className="mono">{entry.shortSha}</span> · {relativeTime(Date.parse(entry.date))} · {entry.author}
          </span>
        </span>
      </button>
      {open && <CommitFilesList entry={entry} />}
    </li>
  );
}

/** The project's commits, newest first; the search box takes words of the message and author:/path:/ref: filters. */
export function HistoryView() {
  const { history, historySearch, historyHasMore, historyLoading, historyError, setHistorySearch, loadHistory } = useGitStore();
  const searchId = useId();
  useEffect(() => {
    const t = setTimeout(() => void loadHistory(true), historySearch ? 250 : 0);
    return () => clearTimeout(t);
  }, [historySearch, loadHistory]);
  return (
    <div className="git-view">
      <div className="pad-x history-search">
        <label htmlFor={searchId} className="visually-hidden">Search history</label>
        <input id={searchId} className="text-input wide" type="search" value={historySearch} placeholder="Search messages, or author: path: ref:"
          onChange={(e) => setHistorySearch(e.target.value)} data-testid="history-search" />
      </div>
      {historyError && <p className="inline-error" role="alert">{historyError}</p>}
      <ul className="history-list git-scroll" data-testid="history-list" aria-busy={historyLoading}>
        {history.map((e) => <CommitRow key={e.sha} entry={e} />)}
        {!history.length && !historyLoading && !historyError && <li className="muted pad">{historySearch ? 'No commit matches.' : 'No commits yet.'}</li>}
        {historyHasMore && (
          <li className="pad">
            <button className="button secondary small" disabled={historyLoading} onClick={() => void loadHistory(false)}>Load more</button>
          </li>
        )}
      </ul>
    </div>
  );
}
