import { toastError } from '../../store/app/store';
import { changeSummary, changesOf, netChanges } from '../../store/platform-data/model';
import { revealPlatformRecord } from './platform-commands';
import './platform-data.css';

/** Under a run or a health check: the platform records the call wrote, each IRI a link into the Platform data view. */
export function RunRecords({ result }: { result: object | undefined }) {
  const changes = netChanges(changesOf(result));
  if (!changes.length) return null;
  return (
    <details className="tc-logs pd-run-records" open data-testid="run-records">
      <summary>
        Platform records <span className="count-badge">{changes.length}</span> <span className="muted small">{changeSummary(changes)}</span>
      </summary>
      <ul aria-label="Platform records this call wrote">
        {changes.map((c) => (
          <li key={c.iri} data-testid="run-record" data-action={c.action} data-iri={c.iri}>
            <span className={`pd-action ${c.action}`}>{c.action}</span>
            <span className="muted small">{c.type}</span>
            {c.action === 'deleted' ? (
              <span className="pd-iri-gone" title="Deleted by this call">{c.iri}</span>
            ) : (
              <button className="pd-iri-link" onClick={() => void revealPlatformRecord(c.iri).catch(toastError)} title="Show in Platform Data"
                data-testid="run-record-link">
                {c.iri}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
