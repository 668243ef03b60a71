import { useId, useState } from 'react';
import type { Field, InfoJson, Operation } from '../../../../shared/connector/info-json';
import { visibleFields, type FieldLike, type Values } from '../../../../shared/form/visibility';
import { PreviewField } from './PreviewField';

/** The fields FortiSOAR shows for the values chosen so far: onchange branches open and close as they change. */
function PreviewForm({ fields }: { fields: unknown }) {
  const [values, setValues] = useState<Values>({});
  const list = Array.isArray(fields) ? (fields as FieldLike[]) : [];
  const shown = visibleFields(list, values);
  if (shown.length === 0) return <p className="muted">No fields to fill in.</p>;
  return (
    <div className="pv-form">
      {shown.map(({ field, path, depth }) => (
        <PreviewField key={path.join('/')} field={field} depth={depth} value={field.name !== undefined && field.name in values ? values[field.name] : field.value}
          onChange={(v) => typeof field.name === 'string' && setValues((old) => ({ ...old, [field.name as string]: v }))} />
      ))}
    </div>
  );
}

const offered = (o: Operation) => o && typeof o === 'object' && o.visible !== false && o.enabled !== false;

/** How FortiSOAR renders the configuration form and each action's parameters; hidden operations are not offered. */
export function Preview({ info }: { info: InfoJson }) {
  const id = useId();
  const ops = Array.isArray(info.operations) ? info.operations : [];
  const choices = ops.map((op, i) => ({ op, i })).filter(({ op }) => offered(op));
  const [target, setTarget] = useState('config');
  const chosen = target === 'config' ? undefined : ops[Number(target)];
  const hiddenCount = ops.length - choices.length;
  const config = info.configuration && typeof info.configuration === 'object' ? info.configuration : {};
  return (
    <div className="preview" data-testid="form-preview">
      <div className="pv-pick">
        <label htmlFor={id}>Preview</label>
        <select id={id} className="select" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="preview-target">
          <option value="config">Configuration</option>
          {choices.map(({ op, i }) => <option key={i} value={String(i)}>Action: {op.title || op.operation || `#${i + 1}`}</option>)}
        </select>
        {hiddenCount > 0 && <span className="muted small">{hiddenCount} hidden or disabled operation{hiddenCount === 1 ? ' is' : 's are'} not offered</span>}
      </div>
      <section className="pv-card" aria-label={chosen ? `Action ${chosen.title ?? ''}` : 'Configuration form'}>
        <h3 className="pv-title">{chosen ? chosen.title || chosen.operation : `Configure ${info.label || info.name || 'connector'}`}</h3>
        {chosen?.description && <p className="pv-desc">{chosen.description}</p>}
        {!chosen && (
          <div className="pv-field">
            <label className="pv-label" htmlFor={`${id}-cfg`}>Configuration Name<span className="pv-required" aria-label="required"> *</span></label>
            <input id={`${id}-cfg`} className="text-input wide" defaultValue="" />
          </div>
        )}
        <PreviewForm key={target} fields={chosen ? chosen.parameters : (config as { fields?: Field[] }).fields} />
      </section>
    </div>
  );
}
