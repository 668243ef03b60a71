import { useId } from 'react';
import type { Field } from '../../../../shared/connector/info-json';
import { isPasswordField } from '../../../../shared/connector/secret-fields';
import { shownFields, toRaw, type Values } from '../../store/testing/form';
import { FieldInput } from './FieldInput';

interface FormProps {
  fields: readonly Field[];
  raw: Values;
  errors: Record<string, string>;
  secretsSet?: readonly string[];
  /** Selects with an `apiOperation` run it for their options. */
  apiOptions?: boolean;
  onChange(name: string, value: unknown): void;
}

/** The fields FortiSOAR would show for the current values (onchange branches indented under their parent). */
export function DynamicForm({ fields, raw, errors, secretsSet = [], apiOptions, onChange }: FormProps) {
  const base = useId();
  const shown = shownFields(fields, raw);
  if (!shown.length) return <p className="muted small">No fields.</p>;
  return (
    <div className="tc-form">
      {shown.map(({ field, path, depth }) => {
        const f = field as Field;
        if (!f.name) return null;
        const id = `${base}-${path.join('-')}`;
        const value = f.name in raw ? raw[f.name] : toRaw(f, f.value);
        const error = errors[f.name];
        const saved = isPasswordField(f) && secretsSet.includes(f.name);
        const help = f.description || (typeof f.tooltip === 'string' ? f.tooltip : '');
        const checkbox = f.type === 'checkbox';
        const input = (
          <FieldInput id={id} field={f} value={value} describedBy={`${id}-d ${id}-e`} invalid={!!error} secretSaved={saved} apiOptions={apiOptions} onChange={(v) => onChange(f.name!, v)} />
        );
        return (
          <div key={id} className={`tc-field${checkbox ? ' inline' : ''}`} style={{ marginLeft: depth * 12 }} data-field={f.name}>
            {checkbox && input}
            <label htmlFor={id} className="tc-label">
              {f.title || f.name}{f.required && <span className="wz-required" aria-hidden="true"> *</span>}
              {saved && <span className="tc-saved" data-testid={`secret-saved-${f.name}`}> •••• saved</span>}
            </label>
            {!checkbox && input}
            {help && <p id={`${id}-d`} className="tc-help">{help}</p>}
            <p id={`${id}-e`} className="field-error" hidden={!error}>{error}</p>
          </div>
        );
      })}
    </div>
  );
}
