import { useState } from 'react';
import { OPERATION_CATEGORIES } from '../../../../shared/connector/info-json';
import type { HttpMethod, WizardAction } from '../../../../shared/connector/wizard';
import { parseSchema } from '../../store/wizard/draft';
import { FieldList } from './FieldList';
import { FormRow, IssueList } from './FormRow';
import { useIssues } from './issues-context';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface Props {
  action: WizardAction;
  path: string;
  onChange(a: WizardAction): void;
}

export function ActionEditor({ action, path, onChange }: Props) {
  const set = (patch: Partial<WizardAction>) => onChange({ ...action, ...patch });
  const { issues } = useIssues();
  const request = action.request ?? { method: 'GET' as const, path: `/${action.operation}` };
  return (
    <div className="wz-card-body">
      <div className="wz-grid three">
        <FormRow label="Operation" field={`${path}/operation`} hasValue={!!action.operation} required help="A Python name, e.g. get_ip_reputation.">
          {(c) => <input {...c} className="text-input wide mono" value={action.operation} spellCheck={false} onChange={(e) => set({ operation: e.target.value })} data-testid="wz-action-operation" />}
        </FormRow>
        <FormRow label="Title" field={`${path}/title`} hasValue={!!action.title} required>
          {(c) => <input {...c} className="text-input wide" value={action.title} onChange={(e) => set({ title: e.target.value })} data-testid="wz-action-title" />}
        </FormRow>
        <FormRow label="Category" field={`${path}/category`} hasValue>
          {(c) => (
            <select {...c} className="select wide" value={action.category ?? ''} onChange={(e) => set({ category: e.target.value || undefined })}>
              <option value="">none</option>
              {OPERATION_CATEGORIES.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          )}
        </FormRow>
      </div>
      <FormRow label="Description" field={`${path}/description`} hasValue={!!action.description} required>
        {(c) => <input {...c} className="text-input wide" value={action.description} onChange={(e) => set({ description: e.target.value })} data-testid="wz-action-description" />}
      </FormRow>
      <div className="wz-grid endpoint">
        <FormRow label="Method" field={`${path}/request/method`} hasValue>
          {(c) => (
            <select {...c} className="select wide" value={request.method} onChange={(e) => set({ request: { ...request, method: e.target.value as HttpMethod } })}>
              {METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          )}
        </FormRow>
        <FormRow label="Endpoint path" field={`${path}/request/path`} hasValue help={<>Relative to the server URL; <code>{'{param}'}</code> takes that parameter&apos;s value.</>}>
          {(c) => <input {...c} className="text-input wide mono" value={request.path} spellCheck={false} onChange={(e) => set({ request: { ...request, path: e.target.value } })} data-testid="wz-action-path" />}
        </FormRow>
      </div>
      <IssueList issues={issues.filter((i) => i.field === `${path}/request`)} />
      <h4 className="wz-subtitle">Parameters</h4>
      <FieldList fields={action.parameters} path={`${path}/parameters`} kind="parameter" onChange={(parameters) => set({ parameters })} />
      <SchemaBox path={path} value={action.output_schema} onChange={(output_schema) => set({ output_schema })} />
    </div>
  );
}

/** The output schema as JSON text: the action keeps the last text that parsed, the box shows why the rest does not. */
function SchemaBox({ path, value, onChange }: { path: string; value: unknown; onChange(v: unknown): void }) {
  const [text, setText] = useState(() => JSON.stringify(value ?? {}, null, 2));
  const parsed = parseSchema(text);
  return (
    <FormRow label="Output schema" field={`${path}/output_schema`} hasValue help="JSON with the keys the action returns and example or empty values.">
      {(c) => (
        <>
          <textarea {...c} aria-invalid={c['aria-invalid'] || 'error' in parsed} className="text-input wide mono" rows={6} value={text} spellCheck={false}
            data-testid="wz-action-schema"
            onChange={(e) => {
              setText(e.target.value);
              const p = parseSchema(e.target.value);
              // Invalid JSON must block Create, not leave the last good schema in place silently.
              onChange('value' in p ? p.value : null);
            }} />
          {'error' in parsed && <p className="field-error" data-testid="wz-schema-error">{parsed.error}</p>}
        </>
      )}
    </FormRow>
  );
}
