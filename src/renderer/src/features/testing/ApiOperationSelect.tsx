import { useEffect } from 'react';
import { optionsKey, useApiOptionsStore, type ApiOption } from '../../store/testing/api-options';
import { useTestingStore } from '../../store/testing/store';
import type { InputProps } from './input-props';
import { plural } from '../../../../shared/plural';

/** A select or multiselect whose options come from running its `apiOperation` with the selected configuration. */
export function ApiOperationSelect({ id, field, value, describedBy, invalid, onChange }: InputProps) {
  const operation = field.apiOperation!;
  const key = useTestingStore((s) => (s.projectId ? optionsKey(s.projectId, s.selectedConfigId, operation) : ''));
  const entry = useApiOptionsStore((s) => s.entries[key]);
  const load = useApiOptionsStore((s) => s.load);
  useEffect(() => {
    if (key) void load(operation);
  }, [key, operation, load]);
  const loading = !entry || entry.loading;
  const options = withCurrent(entry?.options ?? [], value);
  const statusId = `${id}-o`;
  const common = { id, 'aria-describedby': `${describedBy} ${statusId}`, 'aria-invalid': invalid, 'aria-required': field.required === true, 'aria-busy': loading,
    disabled: field.editable === false, 'data-testid': `field-${field.name}`, 'data-api-operation': operation };
  const multi = field.type === 'multiselect';
  const chosen = Array.isArray(value) ? value.map(String) : [];
  return (
    <div className="tc-api-select">
      <div className="tc-api-row">
        {multi ? (
          <div {...common} role="group" className="tc-multi">
            {options.map((o) => (
              <label key={o.value} className="tc-check">
                <input type="checkbox" disabled={common.disabled} checked={chosen.includes(o.value)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))} /> {o.label}
              </label>
            ))}
          </div>
        ) : (
          <select {...common} className="select wide" value={value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">{loading && !options.length ? 'Loading…' : 'Select…'}</option>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
        <button type="button" className="button secondary small" disabled={loading} onClick={() => void load(operation, true)}
          title={`Run ${operation} again for fresh options`} data-testid={`options-refresh-${field.name}`}>
          Refresh
        </button>
      </div>
      <p id={statusId} className={entry?.error ? 'field-error' : 'tc-help'} role={entry?.error ? 'alert' : undefined} data-testid={`options-status-${field.name}`}>
        {entry?.error ?? (loading ? `Loading options from ${operation}…` : `${plural(entry.options.length, 'option')} from ${operation}`)}
      </p>
    </div>
  );
}

/** A value chosen earlier (or from history) stays selectable even if the fresh options lack it. */
function withCurrent(options: readonly ApiOption[], value: unknown): readonly ApiOption[] {
  const values = (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]).map(String);
  const missing = values.filter((v) => !options.some((o) => o.value === v));
  return missing.length ? [...options, ...missing.map((v) => ({ value: v, label: v }))] : options;
}
