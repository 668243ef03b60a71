import { useEffect, useMemo } from 'react';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/app/store';
import { useReviewStore } from '../../store/review';
import { visibleSections } from '../../store/review/report-view';
import { ReviewProgressList } from './ReviewProgressList';
import { ReviewSections } from './ReviewSections';
import { ReviewSummary } from './ReviewSummary';
import { compareWithPrompt, exportReviewHtml } from './review-actions';
import './review.css';

/** Runs the review the first time the panel shows a project; later runs are the user's call (files change). */
function useFirstRun() {
  const projectId = useAppStore((s) => s.projectId);
  const reviewed = useReviewStore((s) => s.projectId);
  const running = useReviewStore((s) => s.running);
  useEffect(() => {
    if (projectId && reviewed !== projectId && !running) void useReviewStore.getState().run();
  }, [projectId, reviewed, running]);
}

/** The reviewer's report: verdict, counts, sections of findings; compare with a version; export as HTML. */
export function ReviewPanel() {
  useFirstRun();
  const { report, running, error, exporting, completed, certification, progress } = useReviewStore();
  const filter = useReviewStore((s) => s.filter);
  const sections = useMemo(() => (report ? visibleSections(report, filter) : []), [report, filter]);
  const { run } = useReviewStore.getState();

  return (
    <section className="sidebar-view review-panel" aria-label="Review" data-testid="review-panel" aria-busy={running} data-runs={completed}>
      <div className="sidebar-header">
        <h2 className="sidebar-title">Review</h2>
        <button className="icon-button" aria-label="Run the review again" title="Run again (files are read from disk: save first)"
          disabled={running} onClick={() => void run()} data-testid="review-run">
          <Icon name="refresh" />
        </button>
      </div>
      <div className="review-toolbar">
        <button className={`button small ${certification ? 'primary' : 'secondary'}`} disabled={running} aria-pressed={certification}
          title="Add Fortinet's certification CI checks (copyright blocks, output schemas, descriptions, spelling) to the review"
          onClick={() => void useReviewStore.getState().setCertification(!certification)} data-testid="review-certification">
          Check for certification
        </button>
        <button className="button secondary small" disabled={running} onClick={() => void compareWithPrompt()} data-testid="review-compare">
          Compare with…
        </button>
        <button className="button secondary small" disabled={running || exporting || !report} onClick={() => void exportReviewHtml()} data-testid="review-export-html">
          Export HTML
        </button>
      </div>
      {running && !progress && <p className="muted pad review-running" role="status">{report ? 'Running the review again…' : 'Reviewing the connector…'}</p>}
      {running && progress && <ReviewProgressList sections={progress} />}
      {error && <p className="inline-error" role="alert" data-testid="review-error">{error}</p>}
      {report && (
        <div className="review-body">
          <ReviewSummary report={report} />
          <ReviewSections sections={sections} />
        </div>
      )}
    </section>
  );
}
