import { OUTPUT_TAB } from '../../store/bottom-panel/store';
import { cassetteLabel, formatDuration } from '../../store/testing/runs';
import { useTestingStore } from '../../store/testing/store';
import type { HealthState } from '../../store/testing/types';
import { showPanelTab } from '../bottom-panel/panel-commands';
import { SaveAsTest } from '../tests-view/SaveAsTest';
import { HEALTH_OPERATION } from '../../../../shared/models/cassette';

/** Check Health's answer in its configuration's row: Available or Disconnected, the connector's message, how long it
 * took. Its logs, records and output are in the panel's Output tab (HealthOutput), which is wide enough for them. */
export function HealthView({ configId, health }: { configId: string; health: HealthState | undefined }) {
  const projectId = useTestingStore((s) => s.projectId);
  if (!health) return null;
  const r = health.result;
  const hasOutput = !!r && (r.logs.length > 0 || !!r.stdout || !!r.stderr || !!r.platformRecords?.length);
  const showOutput = () => {
    useTestingStore.getState().showHealth(configId);
    showPanelTab(OUTPUT_TAB);
  };
  return (
    <div className="tc-health" data-testid="health-result" aria-live="polite" aria-busy={health.running}>
      {health.running && <p className="muted small">Checking health…</p>}
      {health.error && <p className="field-error" role="alert" data-testid="health-error">{health.error}</p>}
      {r && !health.running && (
        <>
          <p className="tc-status-line">
            <span className={`tc-status ${r.status === 'Available' ? 'ok' : 'bad'}`} data-testid="health-status">{r.status}</span>
            <span className="muted small">{formatDuration(r.durationMs)}</span>
            {health.cassette && <span className={`tc-tag ${health.cassette.mode}`} data-testid="health-cassette">{cassetteLabel(health.cassette)}</span>}
          </p>
          {r.message && <p className="tc-message" data-testid="health-message">{r.message}</p>}
          {hasOutput && <button type="button" className="tc-link" onClick={showOutput} data-testid="health-show-output">Logs and output</button>}
          {projectId && health.cassette?.mode === 'record' && <SaveAsTest projectId={projectId} operation={HEALTH_OPERATION} name={health.cassette.name} />}
        </>
      )}
    </div>
  );
}
