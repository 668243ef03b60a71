import { useId } from 'react';
import { useTestingStore } from '../../store/testing/store';
import { ReportView } from './ReportView';
import { DynamicForm } from './DynamicForm';

/** Add or edit one configuration; Save runs the connector's on_add_config / on_update_config first. */
export function ConfigForm() {
  const { draft, draftErrors, saving, report, info } = useTestingStore();
  const nameId = useId();
  if (!draft) return null;
  const s = useTestingStore.getState();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void s.saveDraft();
  };
  return (
    <form className="tc-panel" onSubmit={submit} aria-label={draft.id ? `Edit ${draft.name}` : 'New configuration'} data-testid="config-form" noValidate>
      <h3 className="tc-title">{draft.id ? 'Edit Configuration' : 'New Configuration'}</h3>
      <div className="tc-field">
        <label htmlFor={nameId} className="tc-label">Configuration name<span className="wz-required" aria-hidden="true"> *</span></label>
        <input id={nameId} className="text-input wide" value={draft.name} aria-invalid={!!draftErrors['#name']} aria-describedby={`${nameId}-e`}
          onChange={(e) => s.setDraft({ name: e.target.value })} data-testid="config-name" />
        <p id={`${nameId}-e`} className="field-error" hidden={!draftErrors['#name']}>{draftErrors['#name']}</p>
      </div>
      <label className="tc-check">
        <input type="checkbox" checked={draft.isDefault} onChange={(e) => s.setDraft({ isDefault: e.target.checked })} data-testid="config-default-toggle" />
        Default configuration
      </label>
      <DynamicForm fields={info?.configFields ?? []} raw={draft.raw} errors={draftErrors} secretsSet={draft.secretsSet} onChange={s.setDraftValue} />
      <div className="button-row">
        <button type="submit" className="button primary small" disabled={saving} data-testid="config-save">{saving ? 'Saving…' : 'Save'}</button>
        <button type="button" className="button secondary small" onClick={() => s.cancelDraft()} data-testid="config-cancel">Cancel</button>
      </div>
      {report && !report.ok && <ReportView report={report} />}
    </form>
  );
}
