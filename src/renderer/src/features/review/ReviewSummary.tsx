import { useId } from 'react';
import type { SectionId, ReviewReport } from '../../../../shared/models/review';
import { Icon } from '../../components/Icon';
import { useReviewStore } from '../../store/review';
import { SEVERITIES, countsText, isFiltered, verdictTone } from '../../store/review/report-view';
import { SEVERITY_LABEL } from './FindingRow';

const TONE_ICON = { error: 'error', warning: 'warning', ok: 'check' } as const;
const COUNT_OF = { error: 'errors', warning: 'warnings', info: 'infos' } as const;

/** The verdict line, then the counts by severity, which double as filters, and a section filter. */
export function ReviewSummary({ report }: { report: ReviewReport }) {
  const filter = useReviewStore((s) => s.filter);
  const against = useReviewStore((s) => s.against);
  const { toggleSeverity, setSection, clearFilter, compareWith } = useReviewStore.getState();
  const sectionId = useId();
  const tone = verdictTone(report.summary);
  return (
    <div className="review-summary">
      <p className={`review-verdict tone-${tone}`} data-testid="review-verdict" data-tone={tone}>
        <Icon name={TONE_ICON[tone]} size={18} />
        <span>{report.verdict}</span>
      </p>
      {!report.certificationChecked && report.summary.errors === 0 && (
        <p className="review-hint small muted" data-testid="review-certification-hint">
          Fortinet&apos;s certification CI was not checked: use Check for certification before submitting.
        </p>
      )}
      <p className="review-subject muted small">
        {report.connector} {report.version} · <span data-testid="review-counts">{countsText(report.summary)}</span>
      </p>
      {against && (
        <p className="review-against small" data-testid="review-against">
          Compared with <span className="mono">{against}</span>
          <button className="link-button" onClick={() => void compareWith(null)}>Stop comparing</button>
        </p>
      )}
      <div className="review-filters" role="group" aria-label="Show findings by severity">
        {SEVERITIES.map((s) => (
          <button key={s} className={`severity-toggle sev-${s}${filter.severities[s] ? ' on' : ''}`} aria-pressed={filter.severities[s]}
            onClick={() => toggleSeverity(s)} data-testid={`review-filter-${s}`}
            title={`${filter.severities[s] ? 'Hide' : 'Show'} ${SEVERITY_LABEL[s].toLowerCase()}s`}>
            <Icon name={s} size={14} /> {report.summary[COUNT_OF[s]]} <span className="visually-hidden">{SEVERITY_LABEL[s]}s</span>
          </button>
        ))}
        <label htmlFor={sectionId} className="visually-hidden">Section</label>
        <select id={sectionId} className="select review-section-filter" value={filter.section} data-testid="review-filter-section"
          onChange={(e) => setSection(e.target.value as SectionId | 'all')}>
          <option value="all">All sections</option>
          {report.sections.map((s) => <option key={s.id} value={s.id}>{s.title} ({s.findings.length})</option>)}
        </select>
        {isFiltered(filter) && <button className="link-button" onClick={clearFilter}>Show all</button>}
      </div>
    </div>
  );
}
