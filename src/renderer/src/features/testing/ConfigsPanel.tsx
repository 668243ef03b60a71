import type { TestConfig } from '../../../../shared/models/test-config';
import { Icon } from '../../components/Icon';
import { confirmDialog } from '../../store/dialogs/store';
import { useTestingStore } from '../../store/testing/store';
import { DebugButton } from '../debug/DebugButton';
import { CassetteControl } from './CassetteControl';
import { ConfigForm } from './ConfigForm';
import { ConfigSavedNotice } from './ConfigSavedNotice';
import { HealthView } from './HealthView';
import { ReportView } from './ReportView';

/** Test Configuration: named configurations of this connector, one default, each with a health check. */
export function ConfigsPanel() {
  const { configs, configsLoaded, draft, report, info } = useTestingStore();
  if (draft) return <ConfigForm />;
  return (
    <div className="tc-panel" data-testid="configs-panel">
      {!configsLoaded && <p className="muted small">Loading configurations…</p>}
      {configsLoaded && !configs.length && (
        <p className="muted small">
          No configuration yet. Add one with the {info?.configFields.length ?? 0} field{info?.configFields.length === 1 ? '' : 's'} of info.json; it is kept in
          your user data folder (passwords in the secret store), never in the project.
        </p>
      )}
      <ul className="tc-configs" aria-label="Configurations">
        {configs.map((c) => <ConfigRow key={c.id} config={c} />)}
      </ul>
      <button className="button secondary small" onClick={() => useTestingStore.getState().newConfig()} data-testid="config-add">
        <Icon name="filePlus" /> Add Configuration
      </button>
      {report && <ReportView report={report} />}
      {configs.length > 0 && <CassetteControl />}
    </div>
  );
}

async function remove(c: TestConfig) {
  const ok = await confirmDialog({ title: `Delete “${c.name}”?`, message: 'The configuration and its saved secrets are removed; the connector’s on_delete_config runs first.', confirmLabel: 'Delete', danger: true });
  if (ok) await useTestingStore.getState().deleteConfig(c.id);
}

function ConfigRow({ config: c }: { config: TestConfig }) {
  const selected = useTestingStore((s) => s.selectedConfigId === c.id);
  const health = useTestingStore((s) => s.health[c.id]);
  const s = useTestingStore.getState();
  return (
    <li className={`tc-config${selected ? ' selected' : ''}`} data-testid="config-row" data-name={c.name}>
      <div className="tc-config-head">
        <label className="tc-radio">
          <input type="radio" name="tc-config" checked={selected} onChange={() => s.selectConfig(c.id)} aria-label={`Use ${c.name} for health checks and actions`} />
          <span className="tc-config-name">{c.name}</span>
        </label>
        {c.isDefault && <span className="badge" data-testid="config-default">default</span>}
        {!c.active && <span className="badge muted">inactive</span>}
        <span className="toolbar-spacer" />
        <button className="icon-button" aria-label={`Edit ${c.name}`} title="Edit" onClick={() => s.editConfig(c.id)} data-testid="config-edit"><Icon name="settings" /></button>
        <button className="icon-button danger-hover" aria-label={`Delete ${c.name}`} title="Delete" onClick={() => void remove(c)} data-testid="config-delete"><Icon name="trash" /></button>
      </div>
      <div className="tc-config-actions">
        <button className="button primary small" disabled={health?.running} onClick={() => void s.checkHealth(c.id)} data-testid="health-check">
          {health?.running ? 'Checking…' : 'Check Health'}
        </button>
        <DebugButton kind="health" configId={c.id} busy={health?.running} />
        {!c.isDefault && <button className="button secondary small" onClick={() => void s.makeDefault(c.id)} data-testid="config-make-default">Make Default</button>}
        <label className="tc-check small">
          <input type="checkbox" checked={c.active} onChange={(e) => void s.setActive(c.id, e.target.checked)} data-testid="config-active" /> Active
        </label>
      </div>
      {!health?.running && <ConfigSavedNotice saved={health?.result?.configSaved} />}
      <HealthView configId={c.id} health={health} />
    </li>
  );
}
