import { useEffect, useState } from 'react';
import { KNOWN_FIELD_TYPES } from '../../../../shared/connector/info-json';
import { TEXT_SUBTYPES, type WizardField } from '../../../../shared/connector/wizard';
import { Icon } from '../../components/Icon';
import { issuesAt, parseOptions, patchField } from '../../store/wizard/draft';
import { FormRow } from './FormRow';
import { DefaultValueInput } from './DefaultValueInput';
import { useIssues } from './issues-context';
import { plural } from '../../../../shared/plural';

const TYPES = [...KNOWN_FIELD_TYPES].sort();
const FLAGS = [
  ['required', 'Required'],
  ['visible', 'Visible'],
  ['editable', 'Editable'],
] as const;

interface FieldEditorProps {
  field: WizardField;
  /** Answers path of the field, e.g. "configuration/2" or "actions/0/parameters/1". */
  path: string;
  index: number;
  count: number;
  kind: 'field' | 'parameter';
  onChange(f: WizardField): void;
  onRemove(): void;
  onMove(by: -1 | 1): void;
}

/** One configuration field or action parameter as a card: everything info.json lets a field say. */
export function FieldEditor({ field, path, index, count, kind, onChange, onRemove, onMove }: FieldEditorProps) {
  const set = (patch: Partial<WizardField>) => onChange(patchField(field, patch));
  const { issues, shown } = useIssues();
  const errors = issuesAt(issues, path, true).filter((i) => i.severity === 'error' && shown(i.field, false)).length;
  // Template fields start folded (their summary says enough); new ones open; a card with visible errors stays open.
  const [open, setOpen] = useState(!field.title);
  const expanded = open || errors > 0;
  const title = field.title || field.name || `New ${kind}`;
  return (
    <li className="wz-card" data-testid={`wz-${kind}`} data-name={field.name}>
      <div className="wz-card-header">
        <button type="button" className="wz-card-toggle" aria-expanded={expanded} onClick={() => setOpen(!expanded)} data-testid="wz-field-toggle">
          <Icon name={expanded ? 'chevronDown' : 'chevronRight'} />
          <span className="wz-card-title">{title}</span>
          <span className="muted mono small">{field.name} · {field.subtype ?? field.type}{field.required ? ' · required' : ''}</span>
          {errors > 0 && <span className="wz-error-count">{plural(errors, 'error')}</span>}
        </button>
        <div className="wz-card-actions">
          <button type="button" className="icon-button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => onMove(-1)}><Icon name="arrowUp" /></button>
          <button type="button" className="icon-button" aria-label={`Move ${title} down`} disabled={index === count - 1} onClick={() => onMove(1)}><Icon name="chevronDown" /></button>
          <button type="button" className="icon-button danger-hover" aria-label={`Remove ${title}`} onClick={onRemove}><Icon name="trash" /></button>
        </div>
      </div>
      {expanded ? <FieldBody field={field} path={path} set={set} /> : field.description && <p className="wz-card-summary muted">{field.description}</p>}
    </li>
  );
}

function FieldBody({ field, path, set }: { field: WizardField; path: string; set(p: Partial<WizardField>): void }) {
  const choices = field.type === 'select' || field.type === 'multiselect';
  return (
    <div className="wz-card-body">
      <div className="wz-grid four">
        <FormRow label="Name" field={`${path}/name`} hasValue={!!field.name} required help="The key the code reads.">
          {(c) => <input {...c} className="text-input wide mono" value={field.name} spellCheck={false} onChange={(e) => set({ name: e.target.value })} data-testid="wz-field-name" />}
        </FormRow>
        <FormRow label="Title" field={`${path}/title`} hasValue={!!field.title} required help="The label in the form.">
          {(c) => <input {...c} className="text-input wide" value={field.title} onChange={(e) => set({ title: e.target.value })} data-testid="wz-field-title" />}
        </FormRow>
        <FormRow label="Type" field={`${path}/type`} hasValue>
          {(c) => (
            <select {...c} className="select wide" value={field.type} onChange={(e) => set({ type: e.target.value })} data-testid="wz-field-type">
              {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          )}
        </FormRow>
        <FormRow label="Sub-type" field={`${path}/subtype`} hasValue help={field.type === 'text' ? 'Narrows what the text holds.' : 'Text fields only.'}>
          {(c) => (
            <select {...c} className="select wide" value={field.subtype ?? ''} disabled={field.type !== 'text'}
              onChange={(e) => set({ subtype: e.target.value || undefined })} data-testid="wz-field-subtype">
              <option value="">none</option>
              {TEXT_SUBTYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          )}
        </FormRow>
      </div>
      <FormRow label="Description" field={`${path}/description`} hasValue={!!field.description} help="What to enter; shown under the field.">
        {(c) => <input {...c} className="text-input wide" value={field.description ?? ''} onChange={(e) => set({ description: e.target.value })} data-testid="wz-field-description" />}
      </FormRow>
      <div className="wz-grid three">
        <FormRow label="Tooltip" field={`${path}/tooltip`} hasValue>
          {(c) => <input {...c} className="text-input wide" value={field.tooltip ?? ''} onChange={(e) => set({ tooltip: e.target.value || undefined })} />}
        </FormRow>
        <FormRow label="Placeholder" field={`${path}/placeholder`} hasValue>
          {(c) => <input {...c} className="text-input wide" value={field.placeholder ?? ''} onChange={(e) => set({ placeholder: e.target.value || undefined })} />}
        </FormRow>
        <FormRow label="Default" field={`${path}/value`} hasValue>
          {(c) => <DefaultValueInput control={c} field={field} onChange={(value) => set({ value })} />}
        </FormRow>
      </div>
      {choices && (
        <FormRow label="Options" field={`${path}/options`} hasValue={!!field.options?.length} required help="One per line (or separated by commas).">
          {(c) => <OptionsBox control={c} options={field.options ?? []} onChange={(options) => set({ options })} />}
        </FormRow>
      )}
      <div className="wz-flags">
        {FLAGS.map(([key, label]) => (
          <label key={key} className="wz-check">
            <input type="checkbox" checked={key === 'required' ? field.required === true : field[key] !== false}
              onChange={(e) => set({ [key]: e.target.checked })} data-testid={`wz-field-${key}`} />
            {label}
          </label>
        ))}
      </div>
    </div>
  );
}

/** Keeps the typed text (trailing commas, blank lines) while the field gets the parsed list. */
function OptionsBox({ control, options, onChange }: { control: object; options: string[]; onChange(o: string[]): void }) {
  const [text, setText] = useState(options.join('\n'));
  // Another field's options arrive when a card above is removed: show them, not the old text.
  useEffect(() => {
    if (parseOptions(text).join('\n') !== options.join('\n')) setText(options.join('\n'));
    // Only a new options list replaces the text: following each keystroke too would undo the typing this box keeps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options]);
  return (
    <textarea {...control} className="text-input wide mono" rows={3} value={text} data-testid="wz-field-options"
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseOptions(e.target.value));
      }} />
  );
}
