import { useState } from 'react';
import type { ReviewSection, SectionId } from '../../../../shared/models/review';
import { Icon } from '../../components/Icon';
import { findingKey } from '../../store/review/report-view';
import { FindingRow } from './FindingRow';
import { plural } from '../../../../shared/plural';

/** The report's sections in order; each folds away, and an empty one says that its check found nothing. */
export function ReviewSections({ sections }: { sections: readonly ReviewSection[] }) {
  const [folded, setFolded] = useState<ReadonlySet<SectionId>>(new Set());
  const toggle = (id: SectionId) => setFolded((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <div className="review-sections" data-testid="review-sections">
      {sections.map((s) => {
        const open = !folded.has(s.id);
        const listId = `review-section-${s.id}`;
        return (
          <section key={s.id} className="review-section" aria-label={s.title} data-testid="review-section" data-section={s.id}>
            <h3 className="review-section-heading">
              <button className="review-section-toggle" aria-expanded={open} aria-controls={listId} onClick={() => toggle(s.id)}>
                <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
                <span className="review-section-title">{s.title}</span>
                <span className="count-badge" aria-label={`${plural(s.findings.length, 'finding')}`}>{s.findings.length}</span>
              </button>
            </h3>
            {open && (
              <ul id={listId} className="findings">
                {s.findings.map((f) => <FindingRow key={findingKey(f)} finding={f} />)}
                {!s.findings.length && <li className="finding-none muted">No findings.</li>}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
