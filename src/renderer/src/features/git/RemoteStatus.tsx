import { Icon } from '../../components/Icon';
import { percent } from '../../store/git/progress';
import { useGitStore } from '../../store/git/store';
import { pull, push } from './git-actions';

const VERB = { fetch: 'Fetching', pull: 'Pulling', push: 'Pushing' } as const;

/** The running fetch/pull/push with git's progress, or the last failure with the one action that fixes it. */
export function RemoteStatus() {
  const running = useGitStore((s) => s.running);
  const failure = useGitStore((s) => s.failure);
  if (running) {
    const pct = percent(running.progress);
    return (
      <div className="git-progress" role="status" data-testid="git-progress" data-op={running.op}>
        <span className="small">{VERB[running.op]}… {running.progress?.message ?? ''}</span>
        <progress max={100} value={pct} aria-label={`${VERB[running.op]} progress`} />
      </div>
    );
  }
  if (!failure) return null;
  return (
    <div className="git-failure" role="alert" data-testid="git-failure" data-kind={failure.kind} data-op={failure.op}>
      <div className="git-failure-head">
        <Icon name="error" size={14} />
        <strong>{failure.title}</strong>
        <button className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => useGitStore.getState().clearFailure()}><Icon name="close" size={14} /></button>
      </div>
      <p className="small">{failure.message}</p>
      {failure.action === 'pull' && <button className="button primary small" onClick={() => void pull()} data-testid="git-fix-pull">Pull</button>}
      {failure.action === 'set-upstream' && (
        <button className="button primary small" onClick={() => void push({ setUpstream: true })} data-testid="git-fix-upstream">Push and Set Upstream</button>
      )}
      {failure.action === 'resolve' && <p className="small muted">Conflicted files are listed under Merge Conflicts in Changes.</p>}
      {failure.output && (
        <details className="small">
          <summary>git output</summary>
          <pre className="git-output">{failure.output}</pre>
        </details>
      )}
    </div>
  );
}
