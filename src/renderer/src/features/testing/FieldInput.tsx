import type { Field } from '../../../../shared/connector/info-json';
import { isPasswordField } from '../../../../shared/connector/secret-fields';
import { ApiOperationSelect } from './ApiOperationSelect';
import type { InputProps } from './input-props';

interface Choice { value: string; label: string }
/** FortiSOAR's options are plain strings or `{ value, label|title }` objects; a select shows the label, sends the value. */
const choices = (f: Field): Choice[] =>
  Array.isArray(f.options)
    ? f.options.map((o) => {
      if (typeof o !== 'object' || o === null) return { value: String(o), label: String(o) };
      const { value, label, title } = o as { value?: unknown; label?: unknown; title?: unknown };
      const v = String(value ?? label ?? title ?? '');
      return { value: v, label: String(label ?? title ?? v) };
    })
    : [];
const options = (f: Field) => choices(f).map((c) => c.value);
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** One info.json field as FortiSOAR renders it, by type; values arrive and leave "raw" (see store/testing/form.ts). */
export function FieldInput(props: InputProps) {
  const { id, field, value, describedBy, invalid, secretSaved, apiOptions, onChange } = props;
  if (apiOptions && field.apiOperation && (field.type === 'select' || field.type === 'multiselect') && !(Array.isArray(field.options) && field.options.length))
    return <ApiOperationSelect {...props} />;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid, 'aria-required': field.required === true, disabled: field.editable === false, 'data-testid': `field-${field.name}` };
  const text = (type: string, extra: object = {}) => (
    <input {...common} {...extra} className="text-input wide" type={type} value={str(value)} placeholder={field.placeholder} spellCheck={false}
      onChange={(e) => onChange(e.target.value)} />
  );
  if (isPasswordField(field))
    return text('password', { autoComplete: 'new-password', placeholder: secretSaved ? '•••••••• saved (type to replace)' : field.placeholder });
  switch (field.type) {
    case 'checkbox':
      // A switch, as FortiSOAR draws a checkbox parameter: on or off, never a missing value.
      return <input {...common} type="checkbox" role="switch" className="tc-toggle" checked={value === true || value === 'true'} onChange={(e) => onChange(e.target.checked)} />;
    case 'select':
      return (
        <select {...common} className="select wide" value={str(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">Select…</option>
          {choices(field).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      );
    case 'multiselect':
      return <MultiSelect id={id} describedBy={describedBy} invalid={invalid} disabled={common.disabled} testId={common['data-testid']}
        options={options(field)} value={Array.isArray(value) ? value.map(String) : []} onChange={onChange} />;
    // Number boxes with arrows; the value stays the typed text, so "1.5" in an integer still gets form.ts's message.
    case 'integer':
      return text('number', { step: 1, inputMode: 'numeric' });
    case 'decimal':
    case 'numeric':
      return text('number', { step: 'any', inputMode: 'decimal' });
    case 'json':
    case 'object':
    case 'textarea':
    case 'richtext':
    case 'html':
      return <textarea {...common} className={`text-input wide${field.type === 'json' || field.type === 'object' ? ' mono' : ''}`} rows={4} value={str(value)}
        placeholder={field.placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value)} />;
    case 'datetime':
      return text('datetime-local');
    case 'date':
      return text('date');
    case 'email':
      return text('email');
    case 'url':
      return text('url');
    case 'file':
    case 'image':
      return text('text', { placeholder: field.placeholder ?? 'File IRI or attachment name (the local attachments folder stands in)' });
    case undefined: // a field without a type is a text field, as in FortiSOAR
    default:
      return text('text');
  }
}

interface MultiProps {
  id: string;
  options: string[];
  value: string[];
  onChange(v: string[]): void;
  describedBy: string;
  invalid: boolean;
  disabled: boolean;
  testId: string;
}

function MultiSelect({ id, options: opts, value, onChange, disabled, describedBy, invalid, testId }: MultiProps) {
  return (
    <div id={id} role="group" className="tc-multi" aria-describedby={describedBy} aria-invalid={invalid} data-testid={testId}>
      {opts.map((o) => (
        <label key={o} className="tc-check">
          <input type="checkbox" disabled={disabled} checked={value.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))} /> {o}
        </label>
      ))}
    </div>
  );
}
