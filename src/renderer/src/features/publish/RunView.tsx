import { Icon, type IconName } from '../../components/Icon';
import { STEPS, STEP_LABELS, uploadPercent, type StepStatus } from '../../store/publish/progress';
import { usePublishStore } from '../../store/publish/publish-store';

const ICONS: Record<StepStatus, IconName> = { pending: 'more', active: 'refresh', done: 'check', skipped: 'minus', failed: 'error' };

function Outcome() {
  const outcome = usePublishStore((s) => s.outcome);
  const error = usePublishStore((s) => s.error);
  if (error)
    return (
      <div className="publish-result failed" role="alert" data-testid="publish-error" data-kind={error.kind}>
        <p><strong>Publish failed.</strong> {error.message}</p>
        {error.hint && <p className="small" data-testid="publish-error-hint">{error.hint}</p>}
      </div>
    );
  if (!outcome) return null;
  const ok = outcome.result === 'success';
  // Only a failed import job leaves nothing installed; a failed requirements install or health check is installed.
  const installed = outcome.result !== 'import-failed';
  return (
    <div className={`publish-result ${ok ? 'ok' : 'failed'}`} role={ok ? 'status' : 'alert'} data-testid="publish-outcome" data-result={outcome.result}>
      <p><strong>{ok ? 'Published.' : 'Published, with a problem.'}</strong> {outcome.message}</p>
      <ul className="small">
        <li>
          Server:{' '}
          <strong className={`publish-installed-state ${installed ? 'ok' : 'failed'}`} data-testid="publish-installed-state" data-state={installed ? 'installed' : 'not-installed'}>
            {installed ? 'Installed' : 'Not installed'}
          </strong>{' '}
          {outcome.connector.name} {outcome.connector.version}{outcome.replaced ? ' (replaced)' : ''}
        </li>
        <li>Import: {outcome.importJob?.status ?? 'done'} · Requirements: <span data-testid="publish-requirements">{outcome.requirements.status}</span></li>
        {outcome.health && <li>Health: <strong data-testid="publish-health-status">{outcome.health.status}</strong> {outcome.health.message}</li>}
        {outcome.deletedVersions.length > 0 && <li>Uninstalled: {outcome.deletedVersions.map((v) => v.version).join(', ')}</li>}
        {outcome.tagged && <li>Tagged {outcome.tagged}</li>}
        <li className="muted">Archive SHA-256 <span className="mono">{outcome.archiveSha256.slice(0, 16)}…</span></li>
        {outcome.archivePath && (
          <li className="muted breaking-text">Archive kept at <span className="mono" data-testid="publish-archive-path">{outcome.archivePath}</span></li>
        )}
        {outcome.notes.map((n) => <li key={n} className="muted">{n}</li>)}
        {outcome.requirements.output && !ok && <li><pre className="git-output">{outcome.requirements.output}</pre></li>}
      </ul>
    </div>
  );
}

/** The steps of the running publish, the upload bar, then what happened. */
export function RunView() {
  const progress = usePublishStore((s) => s.progress);
  const running = usePublishStore((s) => s.phase === 'running');
  const pct = uploadPercent(progress);
  return (
    <div className="publish-run" data-testid="publish-run" data-running={running}>
      <ol className="publish-steps">
        {STEPS.map((s) => (
          <li key={s} className={`publish-step step-${progress.steps[s]}`} data-testid="publish-step" data-step={s} data-status={progress.steps[s]}>
            <Icon name={ICONS[progress.steps[s]]} size={14} /> {STEP_LABELS[s]}
            {s === 'upload' && pct !== undefined && progress.steps.upload !== 'pending' && (
              <progress max={100} value={pct} aria-label="Upload progress" data-testid="publish-upload-progress" />
            )}
          </li>
        ))}
      </ol>
      {running && <p className="small muted" role="status" data-testid="publish-message">{progress.message}</p>}
      <Outcome />
    </div>
  );
}
