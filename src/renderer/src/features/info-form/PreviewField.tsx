import { useId } from 'react';
import type { FieldLike } from '../../../../shared/form/visibility';
import { optionLabel } from './options';

const INPUT_TYPES: Record<string, string> = { password: 'password', email: 'email', url: 'url', integer: 'number', decimal: 'number', numeric: 'number', datetime: 'datetime-local', date: 'date', phone: 'tel' };
const TEXTAREAS = new Set(['textarea', 'richtext', 'html', 'json', 'object']);

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One field as FortiSOAR draws it: title (with * when required), the control for its type, its description. */
export function PreviewField({ field, value, depth, onChange }: { field: FieldLike; value: unknown; depth: number; onChange(v: unknown): void }) {
  const id = useId();
  const type = typeof field.type === 'string' ? field.type : 'text';
  const title = str(field.title) || str(field.name) || 'Untitled';
  const disabled = field.editable === false;
  const tooltip = typeof field.tooltip === 'string' ? field.tooltip : undefined;
  const placeholder = typeof field.placeholder === 'string' ? field.placeholder : undefined;
  const options = Array.isArray(field.options) ? field.options.map(optionLabel) : [];
  const common = { id, disabled, title: tooltip, placeholder };

  const control = () => {
    if (type === 'checkbox') return <input type="checkbox" {...common} checked={value === true || value === 'true'} onChange={(e) => onChange(e.target.checked)} />;
    if (type === 'select')
      return (
        <select className="select" {...common} value={str(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">Select an option</option>
          {options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      );
    if (type === 'multiselect') {
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined || value === null || value === '' ? [] : [String(value)];
      return (
        <div className="pv-multi" role="group" aria-labelledby={`${id}-label`}>
          {options.map((o) => (
            <label key={o} className="ff-check">
              <input type="checkbox" disabled={disabled} checked={chosen.includes(o)}
                onChange={(e) => onChange(e.target.checked ? options.filter((x) => x === o || chosen.includes(x)) : chosen.filter((x) => x !== o))} /> {o}
            </label>
          ))}
        </div>
      );
    }
    if (type === 'label') return null;
    if (TEXTAREAS.has(type)) return <textarea className="text-input wide" rows={3} {...common} value={str(value)} onChange={(e) => onChange(e.target.value)} />;
    if (type === 'file') return <input type="file" {...common} />;
    return <input className="text-input wide" type={INPUT_TYPES[type] ?? 'text'} {...common} value={str(value)} onChange={(e) => onChange(e.target.value)} />;
  };

  return (
    <div className={`pv-field${type === 'checkbox' ? ' pv-inline' : ''}`} style={{ marginLeft: depth * 18 }} data-testid="preview-field" data-name={str(field.name)}>
      <label id={`${id}-label`} htmlFor={type === 'multiselect' ? undefined : id} className="pv-label">
        {title}
        {field.required === true && <span className="pv-required" aria-label="required"> *</span>}
      </label>
      {control()}
      {typeof field.description === 'string' && field.description && <p className="pv-desc">{field.description}</p>}
    </div>
  );
}
