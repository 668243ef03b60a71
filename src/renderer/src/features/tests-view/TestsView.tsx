import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/app/store';
import { useTestingStore } from '../../store/testing/store';
import { useTestsViewStore } from '../../store/tests-view/store';
import { CoverageSection } from './CoverageSection';
import { MockVendorControl } from './MockVendorControl';
import { RerecordPanel } from './Rerecord';
import { TestDetail } from './TestDetail';
import { TestTree } from './TestTree';
import './tests-view.css';

function Summary() {
  const report = useTestsViewStore((s) => s.lastReport);
  if (!report) return null;
  const { passed, failed, skipped } = report.summary;
  return (
    <p className={`tv-summary ${failed > 0 ? 'bad' : 'ok'}`} role="status" data-testid="tests-summary">
      {passed} passed, {failed} failed{skipped ? `, ${skipped} skipped` : ''}
    </p>
  );
}

/** The side bar's Tests view: the project's pytest tests, run one, a file or all, see why one failed, and which
 * operations have a test; Debug test replays a test under the debugger, Re-record runs it live and offers the new
 * recording. */
export function TestsView() {
  const projectId = useAppStore((s) => s.projectId);
  const { tests, loading, loaded, running, error, collectionErrors } = useTestsViewStore();
  useEffect(() => {
    if (!projectId) return;
    void useTestsViewStore.getState().open(projectId);
    void useTestingStore.getState().open(projectId);
  }, [projectId]);
  const empty = loaded && tests.length === 0 && collectionErrors.length === 0;
  return (
    <div className="tv-view" data-testid="tests-view" data-busy={running !== null || loading}>
      <div className="sidebar-header">
        <h2 className="sidebar-title">Tests</h2>
        <span className="tv-actions">
          <button type="button" className="icon-button" aria-label="Refresh tests" title="Refresh tests" disabled={loading || running !== null}
            onClick={() => void useTestsViewStore.getState().load()} data-testid="tests-refresh">
            <Icon name="refresh" size={16} />
          </button>
          <button type="button" className="button primary small" disabled={running !== null || tests.length === 0}
            onClick={() => void useTestsViewStore.getState().run()} data-testid="tests-run-all">
            {running !== null ? 'Running…' : 'Run all'}
          </button>
        </span>
      </div>
      {projectId && <MockVendorControl projectId={projectId} />}
      {running !== null && <div className="tv-progress" role="progressbar" aria-label={`Running ${running || 'all tests'}`} data-testid="tests-progress" />}
      {error && <p className="tv-error" role="alert" data-testid="tests-error">{error}</p>}
      {collectionErrors.length > 0 && (
        <pre className="tv-details tv-error" data-testid="tests-collection-errors">{collectionErrors.join('\n')}</pre>
      )}
      {!loaded && loading && <p className="muted small tv-pad">Collecting tests…</p>}
      {empty && (
        <p className="tv-empty muted" data-testid="tests-empty">No tests yet: record a run in Test Actions and choose Save as test.</p>
      )}
      <Summary />
      <TestTree />
      <TestDetail />
      <RerecordPanel />
      <CoverageSection />
    </div>
  );
}
