import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { toastError } from '../../store/app/store';
import { usePublishStore } from '../../store/publish/publish-store';
import { resultLabel, resultOk } from '../../store/publish/options';
import { relativeTime } from '../home/relative-time';

/** Every publish of this project, newest first: server, version, time, result and the archive's hash. */
export function PublishHistory() {
  const history = usePublishStore((s) => s.history);
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
                {resultLabel(h.result)} · {relativeTime(Date.parse(h.time))} · <span className="mono" title={`SHA-256 ${h.archiveSha256}`}>{h.archiveSha256.slice(0, 12)}</span>
              </span>
              {h.archivePath && (
                <span className="muted small history-archive" title={h.archivePath} data-testid="publish-history-archive" data-path={h.archivePath}>
                  Archive kept: <span className="mono">{h.archivePath.split(/[\\/]/).pop()}</span>
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
