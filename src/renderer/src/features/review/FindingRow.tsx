import type { Finding, Severity } from '../../../../shared/connector/findings';
import { Icon } from '../../components/Icon';
import { COPYRIGHT_RULE, fixCopyrightBlocks } from '../../store/review/copyright-fix';
import { locationOf } from '../../store/review/report-view';
import { useReviewStore } from '../../store/review/store';
import { openFinding } from './open-finding';

const ICON = { error: 'error', warning: 'warning', info: 'info' } as const;
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** One finding: what is wrong, where, which check said so, and how to fix it. A click opens the place. */
export function FindingRow({ finding: f }: { finding: Finding }) {
  return (
    <li>
      <button className={`finding finding-${f.severity}`} onClick={() => void openFinding(f)} title={`Open ${locationOf(f)}`}
        data-testid="review-finding" data-rule={f.rule} data-source={f.source} data-severity={f.severity} data-ci-check={f.ciCheck}>
        <Icon name={ICON[f.severity]} className="finding-icon" />
        <span className="finding-body">
          <span className="visually-hidden">{SEVERITY_LABEL[f.severity]}: </span>
          <span className="finding-message">{f.message}</span>
          <span className="finding-meta">
            <span className="finding-location">{locationOf(f)}</span>
            <span className="finding-rule">{f.rule}</span>
            <span className="finding-source">{f.source}</span>
            {f.ciCheck && <span className="finding-ci" title="The method of Fortinet's CI that makes the same call">CI: {f.ciCheck}</span>}
          </span>
          {f.fix && <span className="finding-fix"><span className="finding-fix-label">Fix:</span> {f.fix}</span>}
        </span>
      </button>
      {f.rule === COPYRIGHT_RULE && (
        <button className="button secondary small finding-apply" data-testid="review-fix-copyright" title="Put the CI's copyright block in every file the review flags"
          onClick={() => void fixCopyrightBlocks(useReviewStore.getState().report?.findings ?? [])}>
          Fix: copyright block in every file
        </button>
      )}
    </li>
  );
}
