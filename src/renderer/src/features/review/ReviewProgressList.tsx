import type { ReviewSectionProgress } from '../../../../shared/models/review';
import { Icon } from '../../components/Icon';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning", "no findings": what a finished section found. */
function countsText(c: NonNullable<ReviewSectionProgress['counts']>): string {
  const parts = [c.errors && plural(c.errors, 'error'), c.warnings && plural(c.warnings, 'warning'), c.infos && plural(c.infos, 'info')].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no findings';
}

function stateText(s: ReviewSectionProgress): string {
  if (s.state === 'pending') return 'waiting';
  if (s.state === 'running') return 'checking…';
  return s.counts ? countsText(s.counts) : 'done';
}

function stateIcon(s: ReviewSectionProgress) {
  if (s.state !== 'done') return <span className={`review-progress-dot ${s.state}`} aria-hidden="true" />;
  const c = s.counts;
  if (c?.errors) return <Icon name="error" size={14} className="review-progress-icon tone-error" />;
  if (c?.warnings) return <Icon name="warning" size={14} className="review-progress-icon tone-warning" />;
  return <Icon name="check" size={14} className="review-progress-icon tone-ok" />;
}

/** While a review runs: each section with its state (waiting, checking, or what it found), as the service reports
 * them. The rest of the window stays usable meanwhile. */
export function ReviewProgressList({ sections }: { sections: readonly ReviewSectionProgress[] }) {
  const done = sections.filter((s) => s.state === 'done').length;
  return (
    <div className="review-progress" data-testid="review-progress">
      <p className="muted review-progress-head" role="status">
        Reviewing: {done} of {sections.length} sections done
      </p>
      <ul className="review-progress-list">
        {sections.map((s) => (
          <li key={s.id} className={`review-progress-row ${s.state}`} data-section={s.id} data-state={s.state}>
            {stateIcon(s)}
            <span className="review-progress-title">{s.title}</span>
            <span className="review-progress-state muted">{stateText(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
