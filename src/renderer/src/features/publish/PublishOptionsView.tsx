import { useId } from 'react';
import type { PreflightResult } from '../../../../shared/models/publish';
import { serverConfigurations, versionsToDelete, type HealthSelection } from '../../store/publish/options';
import { usePublishStore } from '../../store/publish/publish-store';

const encode = (h: HealthSelection) => (h.kind === 'server' ? `server:${h.config}` : h.kind === 'local' ? `local:${h.testConfigId}` : 'none');
const decode = (v: string): HealthSelection =>
  v.startsWith('server:') ? { kind: 'server', config: v.slice(7) } : v.startsWith('local:') ? { kind: 'local', testConfigId: v.slice(6) } : { kind: 'none' };

function HealthChoice({ pre }: { pre: PreflightResult }) {
  const health = usePublishStore((s) => s.options.health);
  const testConfigs = usePublishStore((s) => s.testConfigs);
  const id = useId();
  const remote = serverConfigurations(pre);
  return (
    <div className="form-field">
      <label htmlFor={id} className="field-label">Remote health check</label>
      <select id={id} className="select" value={encode(health)} onChange={(e) => usePublishStore.getState().setOptions({ health: decode(e.target.value) })} data-testid="publish-health">
        <option value="none">Skip the health check</option>
        {remote.length > 0 && (
          <optgroup label="Server configurations">
            {remote.map((c) => <option key={c.config_id} value={`server:${c.config_id}`}>{c.name}{c.default ? ' (default)' : ''}</option>)}
          </optgroup>
        )}
        {testConfigs.length > 0 && (
          <optgroup label="Create on the server from a local test configuration">
            {testConfigs.map((c) => <option key={c.id} value={`local:${c.id}`}>{c.name}</option>)}
          </optgroup>
        )}
      </select>
      {health.kind === 'local' && <p className="muted small">Its values, secrets included, are sent to this server only, as a configuration of the same name.</p>}
    </div>
  );
}

/** Read-only actions to run on the server once it is installed; a failure rolls back like a failed health check. */
function SmokeChoice() {
  const candidates = usePublishStore((s) => s.smokeCandidates);
  const chosen = usePublishStore((s) => s.options.smoke);
  if (!candidates.length) return null;
  const toggle = (op: string, on: boolean) => usePublishStore.getState().setOptions({ smoke: on ? [...chosen, op] : chosen.filter((o) => o !== op) });
  return (
    <fieldset className="smoke-choice" data-testid="publish-smoke">
      <legend className="field-label">Smoke actions on the server (read-only)</legend>
      {candidates.map((c) => (
        <label key={c.operation} className="checkbox-row small" title={JSON.stringify(c.params)}>
          <input type="checkbox" checked={chosen.includes(c.operation)} onChange={(e) => toggle(c.operation, e.target.checked)} data-testid="publish-smoke-op" data-operation={c.operation} />
          {c.title} <span className="muted">({c.operation}, inputs from the {c.inputs})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Replace is chosen in the pre-flight; here: delete other versions, health check, publish or discard, tag. */
export function PublishOptionsView({ pre, canTag }: { pre: PreflightResult; canTag: boolean }) {
  const options = usePublishStore((s) => s.options);
  const set = usePublishStore.getState().setOptions;
  const doomed = versionsToDelete(pre, { ...options, deleteOtherVersions: true });
  return (
    <fieldset className="publish-options" data-testid="publish-options">
      <legend className="visually-hidden">Publish options</legend>
      <label className="checkbox-row">
        <input type="checkbox" checked={options.deleteOtherVersions} disabled={!doomed.length} onChange={(e) => set({ deleteOtherVersions: e.target.checked })} data-testid="publish-delete-others" />
        Delete all existing versions after a successful install
      </label>
      {options.deleteOtherVersions && <p className="small breaking-text" data-testid="publish-delete-list">Uninstalls from the server: {doomed.map((v) => v.version).join(', ')}</p>}
      <HealthChoice pre={pre} />
      <SmokeChoice />
      <label className="checkbox-row">
        <input type="checkbox" checked={options.verify} onChange={(e) => set({ verify: e.target.checked })} data-testid="publish-verify" />
        Verify what the server installed (name, version, operations, checksum)
      </label>
      <label className="checkbox-row">
        <input type="checkbox" checked={options.keepOnFailure} onChange={(e) => set({ keepOnFailure: e.target.checked })} data-testid="publish-keep-on-failure" />
        Keep the new version anyway if a step after the upload fails (otherwise the server is rolled back{pre.installed[0] ? ` to ${pre.installed[0].version}` : ''})
      </label>
      <div className="radio-row" role="radiogroup" aria-label="After publishing">
        <label><input type="radio" name="after" checked={!options.discardAfter} onChange={() => set({ discardAfter: false })} data-testid="publish-only" /> Publish only</label>
        <label><input type="radio" name="after" checked={options.discardAfter} onChange={() => set({ discardAfter: true })} data-testid="publish-discard" /> Publish and discard</label>
      </div>
      {options.discardAfter && <p className="muted small">After a successful publish the project closes and Home opens; its folder and git history stay on disk, and the uploaded archive is kept with the publish history (its path is shown in the result and the history).</p>}
      {canTag && (
        <label className="checkbox-row">
          <input type="checkbox" checked={options.tag} onChange={(e) => set({ tag: e.target.checked })} data-testid="publish-tag" />
          Tag the current commit v{pre.connector.version} after a successful publish
        </label>
      )}
    </fieldset>
  );
}
