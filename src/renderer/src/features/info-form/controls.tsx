import { useId, useState, type ReactNode } from 'react';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { useConnectorStore } from '../../store/connector/store';
import { RowFixes } from './RowFixes';

// Each control is bound to one JSON path: it reads the parsed value and writes through the store, so the
// text changes at once. Consecutive keystrokes in one control form one undo step (the pointer is the group).

const write = (path: JSONPath, value: unknown) => useConnectorStore.getState().set(path, value, pathToPointer(path));
const endGroup = () => useConnectorStore.getState().endGroup();

interface PropBase {
  readonly label: string;
  readonly path: JSONPath;
  readonly hint?: string;
  readonly wide?: boolean;
}

function Row({ id, label, pointer, hint, wide, pick = true, children }: { id: string; label: string; pointer: string; hint?: string; wide?: boolean; pick?: boolean; children: ReactNode }) {
  return (
    <div className={`ff-row${wide ? ' ff-wide' : ''}`} data-pointer={pointer}>
      <label className="ff-label" htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="ff-hint">{hint}</span>}
      <RowFixes pointer={pointer} pick={pick} />
    </div>
  );
}

const asText = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** `optional`: clearing the box removes the key instead of leaving an empty string behind. */
export function TextProp({ label, path, value, optional, multiline, placeholder, hint, wide, mono, onCommit, onEdit, list }: PropBase & {
  value: unknown; optional?: boolean; multiline?: boolean; placeholder?: string; mono?: boolean; list?: string;
  /** Called on blur with the value the box had when it got focus: renames act once, not per keystroke. */
  onCommit?: (before: string, after: string) => void;
  /** Replaces the plain write: a title writes its name along with it. */
  onEdit?: (value: string) => void;
}) {
  const id = useId();
  const [before, setBefore] = useState('');
  const props = {
    id,
    className: `text-input wide${mono ? ' mono' : ''}`,
    value: asText(value),
    placeholder,
    onFocus: () => setBefore(asText(value)),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onEdit ? onEdit(e.target.value) : write(path, optional && e.target.value === '' ? undefined : e.target.value),
    onBlur: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      endGroup();
      onCommit?.(before, e.target.value);
    },
  };
  return (
    <Row id={id} label={label} pointer={pathToPointer(path)} hint={hint} wide={wide || multiline}>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" spellCheck={false} list={list} {...props} />}
    </Row>
  );
}

/** A flag; `fallback` is what FortiSOAR assumes when the key is absent (visible: true, required: false). */
export function CheckProp({ label, path, value, fallback = false }: PropBase & { value: unknown; fallback?: boolean }) {
  const id = useId();
  const checked = typeof value === 'boolean' ? value : value === undefined ? fallback : String(value).toLowerCase() === 'true';
  return (
    <>
      <div className="ff-check" data-pointer={pathToPointer(path)}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => write(path, e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <RowFixes pointer={pathToPointer(path)} />
    </>
  );
}

/** A choice among known values; a value the list does not know stays selectable so it is never lost. */
export function SelectProp({ label, path, value, options, optional, hint }: PropBase & { value: unknown; options: readonly string[]; optional?: boolean }) {
  const id = useId();
  const current = asText(value);
  const all = current && !options.includes(current) ? [current, ...options] : options;
  return (
    // The field is itself a choice among the values: no second list to pick from.
    <Row id={id} label={label} pointer={pathToPointer(path)} hint={hint} pick={false}>
      <select id={id} className="select" value={current} onChange={(e) => write(path, optional && e.target.value === '' ? undefined : e.target.value)}>
        {(optional || !current) && <option value="">{optional ? '(none)' : '(choose)'}</option>}
        {all.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </Row>
  );
}

/** A small group heading inside details. */
export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="ff-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export { write as writeValue };
