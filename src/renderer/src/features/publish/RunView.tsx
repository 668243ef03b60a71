import { Icon, type IconName } from '../../components/Icon';
import type { TransactionStep } from '../../../../shared/models/publish';
import { STEPS, STEP_LABELS, uploadPercent, type StepStatus } from '../../store/publish/progress';
import { usePublishStore } from '../../store/publish/publish-store';

const ICONS: Record<StepStatus, IconName> = { pending: 'more', active: 'refresh', done: 'check', skipped: 'minus', failed: 'error' };

const STEP_ICONS: Record<TransactionStep['status'], IconName> = { passed: 'check', failed: 'error', skipped: 'minus' };

/** The transaction's steps as the services recorded them: status, time taken, and the server's words. */
export function TransactionSteps({ steps, testId = 'publish-transaction' }: { steps: readonly TransactionStep[]; testId?: string }) {
  return (
    <ol className="transaction-steps small" data-testid={testId}>
      {steps.map((st, i) => (
        <li key={`${st.step}-${i}`} className={`tx-step tx-${st.status}`} data-testid="tx-step" data-step={st.step} data-status={st.status}>
          <Icon name={STEP_ICONS[st.status]} size={12} className={st.status === 'failed' ? 'fail-icon' : st.status === 'passed' ? 'ok-icon' : undefined} /> <strong>{st.step}</strong>{' '}
          <span className="muted">{st.durationMs} ms</span>
          {st.message && <span className={st.status === 'failed' ? 'breaking-text' : 'muted'}> · {st.message.split('\n')[0]}</span>}
        </li>
      ))}
    </ol>
  );
}

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
  // Only a failed import job leaves nothing installed; a failed requirements install or health check is installed,
  // unless the publish was rolled back.
  const installed = outcome.result !== 'import-failed' && !outcome.rolledBack;
  const failedStep = outcome.steps?.find((st) => st.status === 'failed' && st.step !== 'rollback');
  const rollbackStep = outcome.steps?.find((st) => st.step === 'rollback');
  return (
    <div className={`publish-result ${ok ? 'ok' : 'failed'}`} role={ok ? 'status' : 'alert'} data-testid="publish-outcome" data-result={outcome.result}>
      <p><strong>{ok ? 'Published.' : outcome.rolledBack ? 'Publish failed and was rolled back.' : 'Published, with a problem.'}</strong> {ok ? outcome.message : null}</p>
      {failedStep && (
        <p className="small" data-testid="publish-failed-step" data-step={failedStep.step}>
          <strong>The {failedStep.step} step failed:</strong> {failedStep.message}
        </p>
      )}
      {rollbackStep && (
        <p className={`small ${rollbackStep.status === 'passed' ? '' : 'breaking-text'}`} data-testid="publish-rollback" data-status={rollbackStep.status}>
          <strong>{rollbackStep.status === 'passed' ? 'Rolled back.' : 'The rollback failed.'}</strong> {rollbackStep.message}
        </p>
      )}
      {!ok && !rollbackStep && <p className="small">{outcome.message}</p>}
      {outcome.steps && outcome.steps.length > 0 && <TransactionSteps steps={outcome.steps} />}
      <ul className="small">
        <li>
          Server:{' '}
          <strong className={`publish-installed-state ${installed ? 'ok' : 'failed'}`} data-testid="publish-installed-state" data-state={installed ? 'installed' : 'not-installed'}>
            {installed ? 'Installed' : outcome.rolledBack ? 'Rolled back' : 'Not installed'}
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
  // Once the outcome lists the transaction's own steps, they replace the live progress.
  const recorded = usePublishStore((s) => !!s.outcome?.steps?.length);
  return (
    <div className="publish-run" data-testid="publish-run" data-running={running}>
      <ol className="publish-steps" hidden={recorded}>
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
