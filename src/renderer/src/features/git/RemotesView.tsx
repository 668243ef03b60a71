import { useEffect, useId, useState } from 'react';
import { Icon } from '../../components/Icon';
import { toastError } from '../../store/app/store';
import { useGitStore } from '../../store/git/store';
import { attempt, pull, push, removeRemote } from './git-actions';

function AddRemoteForm({ suggested }: { suggested: string }) {
  const [name, setName] = useState(suggested);
  const [url, setUrl] = useState('');
  const nameId = useId();
  const urlId = useId();
  useEffect(() => setName(suggested), [suggested]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await attempt(() => useGitStore.getState().addRemote(name.trim(), url.trim()), `Added the remote ${name.trim()}.`)) setUrl('');
  };
  return (
    <form className="remote-form pad-x" onSubmit={(e) => void submit(e)}>
      <label htmlFor={nameId} className="small">Name</label>
      <input id={nameId} className="text-input" value={name} onChange={(e) => setName(e.target.value)} data-testid="remote-name" />
      <label htmlFor={urlId} className="small">URL</label>
      <input id={urlId} className="text-input" value={url} placeholder="https://github.com/acme/connector-x.git or a path" onChange={(e) => setUrl(e.target.value)} data-testid="remote-url" />
      <button className="button secondary small" type="submit" disabled={!name.trim() || !url.trim()} data-testid="remote-add">Add Remote</button>
    </form>
  );
}

function SyncButtons() {
  const running = useGitStore((s) => s.running);
  const remotes = useGitStore((s) => s.remotes);
  const branches = useGitStore((s) => s.branches);
  const current = branches?.local.find((b) => b.current);
  const none = !remotes.length || !!running;
  return (
    <div className="pad-x">
      <p className="small muted" data-testid="upstream-info">
        {!current ? 'No branch checked out.' : current.upstream ? `${current.name} tracks ${current.upstream}: ${current.ahead} to push, ${current.behind} to pull.` : `${current.name} has no upstream branch yet.`}
      </p>
      <div className="button-row">
        <button className="button secondary small" disabled={none} onClick={() => void useGitStore.getState().fetch()} data-testid="git-fetch"><Icon name="refresh" size={14} /> Fetch</button>
        <button className="button secondary small" disabled={none || !current?.upstream} onClick={() => void pull()} data-testid="git-pull"><Icon name="arrowDown" size={14} /> Pull</button>
        {current?.upstream
          ? <button className="button primary small" disabled={none} onClick={() => void push()} data-testid="git-push"><Icon name="arrowUp" size={14} /> Push</button>
          : <button className="button primary small" disabled={none || !current} onClick={() => void push({ setUpstream: true })} data-testid="git-push-upstream"><Icon name="arrowUp" size={14} /> Publish Branch</button>}
        <button className="button secondary small" disabled={none} onClick={() => void push({ tags: true })} data-testid="git-push-tags"><Icon name="tag" size={14} /> Push Tags</button>
      </div>
    </div>
  );
}

/** Remotes (add, remove) and the network operations: fetch, pull, push, publish a branch with an upstream. */
export function RemotesView() {
  const remotes = useGitStore((s) => s.remotes);
  useEffect(() => void useGitStore.getState().loadRefs().catch(toastError), []);
  return (
    <div className="git-view git-scroll">
      <SyncButtons />
      <h3 className="section-title pad-x">Remotes</h3>
      <ul className="ref-list" data-testid="remote-list">
        {remotes.map((r) => (
          <li key={r.name} className="ref-row" data-testid="remote-row" data-name={r.name}>
            <Icon name="server" size={14} />
            <span className="ref-name">{r.name}</span>
            <span className="muted small ref-detail" title={r.fetchUrl}>{r.fetchUrl}</span>
            <span className="row-actions">
              <button className="icon-button danger-hover" aria-label={`Remove remote ${r.name}`} title="Remove remote" onClick={() => void removeRemote(r.name)}><Icon name="trash" size={14} /></button>
            </span>
          </li>
        ))}
        {!remotes.length && <li className="muted small pad-x">No remote yet: add one to push and pull.</li>}
      </ul>
      <AddRemoteForm suggested={remotes.some((r) => r.name === 'origin') ? '' : 'origin'} />
    </div>
  );
}
