import type { ConfigSaved } from '../../../../shared/models/runtime';
import { useTestingStore } from '../../store/testing/store';

/** Says that the connector saved its configuration during a call (a refreshed token, say) and that the saved test
 * configuration changed with it. Field names only: a secret's value never reaches the UI. */
export function ConfigSavedNotice({ saved }: { saved: ConfigSaved | undefined }) {
  if (!saved) return null;
  return (
    <p className="tc-notice" role="status" data-testid="config-saved">
      The connector updated this configuration: {saved.fields.join(', ')} ({saved.notWritten ? 'not saved' : 'saved'})
    </p>
  );
}

/** The notice for the run in focus on the Actions tab. */
export function RunConfigSavedNotice() {
  const saved = useTestingStore((s) => s.runs.find((r) => r.runId === s.shownRunId)?.result?.configSaved);
  return <ConfigSavedNotice saved={saved} />;
}
