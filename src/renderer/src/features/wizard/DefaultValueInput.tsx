import type { WizardField } from '../../../../shared/connector/wizard';
import { isPasswordField } from '../../../../shared/connector/secret-fields';
import type { ControlProps } from './FormRow';

interface Props {
  control: ControlProps;
  field: WizardField;
  onChange(value: unknown): void;
}

const NUMERIC = new Set(['integer', 'decimal', 'numeric']);

/** The default value in the shape info.json stores for the type: a boolean, a number, a list, or text. */
export function DefaultValueInput({ control, field, onChange }: Props) {
  const v = field.value;
  if (isPasswordField(field))
    return <input {...control} className="text-input wide" disabled value="" placeholder="never stored in info.json" data-testid="wz-field-default" />;
  if (field.type === 'checkbox')
    return (
      <select {...control} className="select wide" value={v === true ? 'true' : v === false ? 'false' : ''} data-testid="wz-field-default"
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
        <option value="">none</option>
        <option value="true">checked</option>
        <option value="false">unchecked</option>
      </select>
    );
  if (field.type === 'select')
    return (
      <select {...control} className="select wide" value={typeof v === 'string' ? v : ''} data-testid="wz-field-default" onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">none</option>
        {(field.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  if (field.type === 'multiselect')
    return (
      <input {...control} className="text-input wide" value={Array.isArray(v) ? v.join(', ') : ''} placeholder="options, comma separated" data-testid="wz-field-default"
        onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter(Boolean))} />
    );
  if (NUMERIC.has(field.type))
    return (
      <input {...control} className="text-input wide" type="number" step={field.type === 'integer' ? 1 : 'any'} value={typeof v === 'number' ? v : ''} data-testid="wz-field-default"
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    );
  return (
    <input {...control} className="text-input wide" value={v === undefined || v === null ? '' : String(v)} data-testid="wz-field-default"
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
  );
}
