import type { ProjectSummary } from '../../../../shared/models/workspace';
import { Icon } from '../../components/Icon';
import { useReviewerStore } from '../../store/review';
import { trustAndRun } from '../trust/trust-commands';
import { closeReview, importReviewed } from './reviewer-commands';
import './review.css';

/** Above the IDE while a .tgz is open for review: nothing here can be changed until it is imported. */
export function ReviewerBanner({ project }: { project: ProjectSummary | undefined }) {
  const busy = useReviewerStore((s) => s.busy);
  if (!project?.readOnly) return null;
  const name = project.label || project.name;
  return (
    <div className="banner banner-info reviewer-banner" role="region" aria-label="Reviewer mode" data-testid="reviewer-banner">
      <Icon name="info" />
      <span className="banner-text">
        Read-only review of <strong>{name}</strong> {project.version}. Files cannot be changed until the package is imported.
        {project.trusted === false && <> <strong data-testid="review-restricted">Restricted Mode:</strong> none of its code runs (no health check, no action, no interpreter it carries) until you choose Trust and run.</>}
      </span>
      {project.trusted === false && (
        <button className="button secondary small" disabled={busy} onClick={() => void trustAndRun(project.id)} data-testid="review-trust-run"
          title="Trust this package's code, then check its health with the chosen test configuration">
          Trust and run
        </button>
      )}
      <button className="button primary small" disabled={busy} onClick={() => void importReviewed(project)} data-testid="review-import">
        Import into workspace
      </button>
      <button className="button secondary small" disabled={busy} onClick={() => void closeReview(project)} data-testid="review-close">
        Close review
      </button>
    </div>
  );
}
