import { useTestsViewStore } from '../../store/tests-view/store';
import { formatDuration } from '../../store/testing/runs';
import { RerecordStart } from './Rerecord';

/** The selected test: its last outcome (a failure's report with pytest's diff, as pytest printed it) and Re-record. */
export function TestDetail() {
  const selectedId = useTestsViewStore((s) => s.selectedId);
  const outcome = useTestsViewStore((s) => (s.selectedId ? s.outcomes[s.selectedId] : undefined));
  if (!selectedId) return null;
  const name = selectedId.split('::').pop();
  return (
    <section className="tv-detail" aria-label="Test result" data-testid="tests-detail" data-status={outcome?.status ?? 'idle'}>
      <h3 className="tv-section-title">
        {name}{outcome ? ` · ${outcome.status} · ${formatDuration(outcome.durationMs)}` : ''}
      </h3>
      {outcome?.message && <p className="tv-message" data-testid="tests-detail-message">{outcome.message}</p>}
      {outcome?.details && <pre className="tv-details" data-testid="tests-detail-output">{outcome.details}</pre>}
      <RerecordStart key={selectedId} testId={selectedId} />
    </section>
  );
}
