import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { reportInBackground, toastError } from '../../store/app/store';
import { changeCount } from '../../store/git/changes';
import { useGitStore } from '../../store/git/store';
import type { GitTab } from '../../store/git/types';
import { initGit } from '../palette/app-commands';
import { BranchesView } from './BranchesView';
import { ChangesView } from './ChangesView';
import { HistoryView } from './HistoryView';
import { RemotesView } from './RemotesView';
import { RemoteStatus } from './RemoteStatus';
import { pull, push } from './git-actions';
import './git.css';

const TABS: { id: GitTab; label: string }[] = [
  { id: 'changes', label: 'Changes' },
  { id: 'history', label: 'History' },
  { id: 'branches', label: 'Branches' },
  { id: 'remotes', label: 'Remotes' },
];

function Tabs() {
  const tab = useGitStore((s) => s.tab);
  const count = useGitStore((s) => changeCount(s.changes));
  return (
    <div className="git-tabs" role="tablist" aria-label="Source Control views">
      {TABS.map((t) => (
        <button key={t.id} role="tab" aria-selected={tab === t.id} className={`git-tab${tab === t.id ? ' active' : ''}`}
          onClick={() => useGitStore.getState().setTab(t.id)} data-testid={`git-tab-${t.id}`}>
          {t.label}
          {t.id === 'changes' && count > 0 && <span className="count-badge">{count}</span>}
        </button>
      ))}
    </div>
  );
}

function Header({ repo }: { repo: boolean }) {
  const running = useGitStore((s) => !!s.running);
  const upstream = useGitStore((s) => s.branches?.local.find((b) => b.current)?.upstream);
  const git = useGitStore.getState;
  return (
    <div className="sidebar-header">
      <h2 className="sidebar-title">Source Control</h2>
      {repo && (
        <>
          <button className="icon-button" aria-label="Compatibility report" title="Compatibility report against the last version tag" onClick={() => void git().openCompat()} data-testid="git-compat">
            <Icon name="diff" />
          </button>
          <button className="icon-button" aria-label="Pull" title="Pull" disabled={running || !upstream} onClick={() => void pull()}><Icon name="arrowDown" /></button>
          <button className="icon-button" aria-label="Push" title={upstream ? 'Push' : 'Publish the branch (push and set upstream)'} disabled={running}
            onClick={() => void push(upstream ? {} : { setUpstream: true })}>
            <Icon name="arrowUp" />
          </button>
        </>
      )}
      <button className="icon-button" aria-label="Refresh git status" title="Refresh" onClick={() => void Promise.all([git().refresh(), repo && git().loadRefs()]).catch(toastError)}>
        <Icon name="refresh" />
      </button>
    </div>
  );
}

/** Source Control: changes and commit, history, branches and tags, remotes; or "Initialize" for a plain folder. */
export function GitPanel() {
  const status = useGitStore((s) => s.status);
  const busy = useGitStore((s) => s.busy);
  const tab = useGitStore((s) => s.tab);
  const repo = !!status?.isRepo;
  useEffect(() => {
    if (repo) void useGitStore.getState().loadRefs().catch(reportInBackground('Loading branches and tags'));
  }, [repo]);
  // File events can miss changes (a file replaced by git or another editor): look again when the window
  // gets the focus back, as VS Code does.
  useEffect(() => {
    const onFocus = () => void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  return (
    <section className="sidebar-view git-panel" aria-label="Source Control" data-testid="git-panel">
      <Header repo={repo} />
      {!status ? (
        <p className="muted pad">Reading git status…</p>
      ) : !repo ? (
        <div className="pad">
          <p className="muted">This project is not a git repository yet.</p>
          <button className="button primary" disabled={busy} onClick={() => void initGit()} data-testid="git-init">Initialize Repository</button>
          <p className="muted small">Creates the repository with a .gitignore for virtual environments, caches and user data.</p>
        </div>
      ) : (
        <>
          <Tabs />
          <RemoteStatus />
          {tab === 'changes' && <ChangesView />}
          {tab === 'history' && <HistoryView />}
          {tab === 'branches' && <BranchesView />}
          {tab === 'remotes' && <RemotesView />}
        </>
      )}
    </section>
  );
}
