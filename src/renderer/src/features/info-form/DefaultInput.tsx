import { useEffect, useId, useState } from 'react';
import type { Field } from '../../../../shared/connector/info-json';
import { optionLabel } from './options';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { useConnectorStore } from '../../store/connector/store';
import { JsonBox } from './JsonBox';

const NUMERIC = new Set(['integer', 'decimal', 'numeric']);
const set = (path: JSONPath, v: unknown) => useConnectorStore.getState().set(path, v, pathToPointer(path));

/** The default value, typed the way FortiSOAR expects for the field's type (a checkbox holds a boolean, an
 * integer a number, a multiselect a list of options). */
export function DefaultInput({ path, field }: { path: JSONPath; field: Field }) {
  const id = useId();
  const type = typeof field.type === 'string' ? field.type : 'text';
  const options = Array.isArray(field.options) ? field.options.map(optionLabel) : [];
  const value = field.value;
  const row = (control: React.ReactNode) => (
    <div className="ff-row" data-pointer={pathToPointer(path)}>
      <label className="ff-label" htmlFor={id}>Default value</label>
      {control}
    </div>
  );
  if (type === 'json' || type === 'object') return <JsonBox label="Default value (JSON)" path={path} value={value} rows={3} />;
  if (type === 'checkbox')
    return row(
      <select id={id} className="select" value={value === undefined ? '' : String(value)} onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value === 'true')}>
        <option value="">(none)</option>
        <option value="true">true (checked)</option>
        <option value="false">false</option>
      </select>,
    );
  if (type === 'select')
    return row(
      <select id={id} className="select" value={value === undefined || value === null ? '' : String(value)} onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)}>
        <option value="">(none)</option>
        {[...new Set([...(value !== undefined && value !== null && value !== '' ? [String(value)] : []), ...options])].map((o) => <option key={o} value={o}>{o}</option>)}
      </select>,
    );
  if (type === 'multiselect') return <MultiDefault path={path} options={options} value={value} />;
  if (NUMERIC.has(type)) return row(<NumberDefault id={id} path={path} value={value} integer={type === 'integer'} />);
  return row(
    <input id={id} type="text" className="text-input wide" value={typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value)}
      onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)} onBlur={() => useConnectorStore.getState().endGroup()} />,
  );
}

/** Numbers are written as numbers once they parse; "-" or "1." stay in the box until they do. */
function NumberDefault({ id, path, value, integer }: { id: string; path: JSONPath; value: unknown; integer: boolean }) {
  const [draft, setDraft] = useState(value === undefined || value === null ? '' : String(value));
  useEffect(() => setDraft((d) => (Number(d) === value || (d === '' && value === undefined) ? d : value === undefined || value === null ? '' : String(value))), [value]);
  const valid = (t: string) => (integer ? /^\s*-?\d+\s*$/ : /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/).test(t);
  return (
    <input id={id} type="text" inputMode={integer ? 'numeric' : 'decimal'} className="text-input narrow" value={draft}
      aria-invalid={draft !== '' && !valid(draft) ? 'true' : undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value === '') set(path, undefined);
        else if (valid(e.target.value)) set(path, Number(e.target.value));
      }}
      onBlur={() => useConnectorStore.getState().endGroup()} />
  );
}

function MultiDefault({ path, options, value }: { path: JSONPath; options: string[]; value: unknown }) {
  const chosen = Array.isArray(value) ? value.map(String) : value === undefined || value === null || value === '' ? [] : [String(value)];
  const toggle = (o: string, on: boolean) => {
    const next = on ? options.filter((x) => x === o || chosen.includes(x)) : chosen.filter((x) => x !== o);
    set(path, next.length ? next : undefined);
  };
  return (
    <fieldset className="ff-row ff-choices" data-pointer={pathToPointer(path)}>
      <legend className="ff-label">Default value</legend>
      {options.length === 0 && <span className="muted small">Add options first.</span>}
      {options.map((o) => (
        <label key={o} className="ff-check">
          <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => toggle(o, e.target.checked)} /> {o}
        </label>
      ))}
    </fieldset>
  );
}
