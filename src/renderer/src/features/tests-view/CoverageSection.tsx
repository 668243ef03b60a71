import { useMemo } from 'react';
import { useTestingStore } from '../../store/testing/store';
import { useTestsViewStore } from '../../store/tests-view/store';
import { coverageOf, groupByFile } from '../../store/tests-view/tree';
import { plural } from '../../../../shared/plural';

/** Which of info.json's operations (and the health check) have a test in tests/test_<operation>.py. */
export function CoverageSection() {
  const info = useTestingStore((s) => s.info);
  const tests = useTestsViewStore((s) => s.tests);
  const rows = useMemo(() => {
    const ops = [{ operation: 'check_health', title: 'Check Health' }, ...(info?.operations ?? []).filter((o) => !o.hidden)];
    return coverageOf(ops, groupByFile(tests.map((t) => t.id)));
  }, [info, tests]);
  if (!info) return null;
  const covered = rows.filter((r) => r.tests > 0).length;
  return (
    <section className="tv-coverage" aria-label="Coverage per operation" data-testid="tests-coverage">
      <h3 className="tv-section-title">Coverage · {covered} of {rows.length} operations</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.operation} className={r.tests > 0 ? 'covered' : 'uncovered'} data-testid="tests-coverage-row" data-operation={r.operation} data-tests={r.tests}>
            <span className="tv-cov-mark" aria-hidden="true">{r.tests > 0 ? '✓' : '○'}</span>
            <span className="tv-cov-title" title={r.operation}>{r.title}</span>
            <span className="muted small">{r.tests > 0 ? `${plural(r.tests, 'test')}` : 'no test'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
