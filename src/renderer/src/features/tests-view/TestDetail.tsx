import { useTestsViewStore } from '../../store/tests-view/store';
import { formatDuration } from '../../store/testing/runs';

/** The selected test's last outcome: a failure's report with pytest's diff, as pytest printed it. */
export function TestDetail() {
  const outcome = useTestsViewStore((s) => (s.selectedId ? s.outcomes[s.selectedId] : undefined));
  if (!outcome) return null;
  return (
    <section className="tv-detail" aria-label="Test result" data-testid="tests-detail" data-status={outcome.status}>
      <h3 className="tv-section-title">
        {outcome.id.split('::').pop()} · {outcome.status} · {formatDuration(outcome.durationMs)}
      </h3>
      {outcome.message && <p className="tv-message" data-testid="tests-detail-message">{outcome.message}</p>}
      {outcome.details && <pre className="tv-details" data-testid="tests-detail-output">{outcome.details}</pre>}
    </section>
  );
}
