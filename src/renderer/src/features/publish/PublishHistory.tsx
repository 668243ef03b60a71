import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { toastError, toastSuccess } from '../../store/app/store';
import { usePublishStore } from '../../store/publish/publish-store';
import { resultLabel, resultOk } from '../../store/publish/options';
import { relativeTime } from '../home/relative-time';
import { TransactionSteps } from './RunView';
import type { PublishHistoryEntry } from '../../../../shared/models/publish';

async function rollBackTo(h: PublishHistoryEntry) {
  try {
    const r = await usePublishStore.getState().rollback(h);
    if (r) (r.ok ? toastSuccess : toastError)(r.message);
  } catch (e) {
    toastError(e);
  }
}

/** Every publish of this project as a transaction, newest first: server, version, time, outcome, its steps with
 * their timings, and a one-click roll back to any kept archive. */
export function PublishHistory() {
  const history = usePublishStore((s) => s.history);
  const busy = usePublishStore((s) => s.rollingBack);
  useEffect(() => void usePublishStore.getState().loadHistory().catch(toastError), []);
  return (
    <section aria-label="Publish history">
      <h3 className="section-title pad-x publish-section-title"><span>History</span></h3>
      <ul className="publish-history" data-testid="publish-history">
        {history.map((h) => (
          <li key={`${h.time}-${h.archiveSha256}`} className="history-item" data-testid="publish-history-entry" data-result={h.result} title={h.message}>
            <Icon name={resultOk(h.result) ? 'check' : 'error'} size={14} className={resultOk(h.result) ? 'ok-icon' : 'fail-icon'} />
            <span className="history-text">
              <span>{h.connector ?? 'connector'} {h.version ?? ''} → {h.server}</span>
              <span className="muted small">
                {h.kind === 'rollback' ? 'Rollback · ' : ''}{resultLabel(h.result)}{h.rolledBack && h.kind !== 'rollback' ? ' · rolled back' : ''} · {relativeTime(Date.parse(h.time))} · <span className="mono" title={`SHA-256 ${h.archiveSha256}`}>{h.archiveSha256.slice(0, 12)}</span>
              </span>
              {h.steps && h.steps.length > 0 && (
                <details className="history-steps small">
                  <summary>{h.steps.length} steps, {h.steps.reduce((t, st) => t + st.durationMs, 0)} ms</summary>
                  <TransactionSteps steps={h.steps} testId="publish-history-steps" />
                </details>
              )}
              {h.archivePath && (
                <span className="muted small history-archive" title={h.archivePath} data-testid="publish-history-archive" data-path={h.archivePath}>
                  Archive kept: <span className="mono">{h.archivePath.split(/[\\/]/).pop()}</span>
                </span>
              )}
              {h.archivePath && h.result === 'success' && h.kind !== 'rollback' && (
                <span className="history-actions">
                  <button className="button secondary small" disabled={busy} title={`Install ${h.version ?? 'this version'} on ${h.server} again from its kept archive and remove newer versions`}
                    onClick={() => void rollBackTo(h)} data-testid="publish-history-rollback">
                    Roll back to {h.version}
                  </button>
                </span>
              )}
            </span>
          </li>
        ))}
        {!history.length && <li className="muted small pad-x">Not published yet.</li>}
      </ul>
    </section>
  );
}
