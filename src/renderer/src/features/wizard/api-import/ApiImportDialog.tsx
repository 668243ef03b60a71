import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { OPERATION_CATEGORY_CHOICES, type ApiDescriptionKind, type ApiOperationPreview, type OperationCategory } from '../../../../../shared/models/api-import';
import { call } from '../../../api/client';
import { messageOf } from '../../../api/api-error';
import { Modal } from '../../../components/Modal';
import { navigate } from '../../../hooks/useRoute';
import { toastSuccess } from '../../../store/app/store';
import { groupOperations, nameFromTitle, selectionOf, useApiImportStore } from '../../../store/api-import/store';
import './api-import.css';

const close = () => useApiImportStore.getState().close();

/** "Start from an API description" (a new connector on the blank template) and "Add operations from the API
 * description" (into the open project): the description as a file or pasted text, then the operation picker. */
export function ApiImportHost() {
  const mode = useApiImportStore((s) => s.mode);
  return mode ? <ApiImportDialog /> : null;
}

function ApiImportDialog() {
  const { mode, preview } = useApiImportStore();
  const title = mode === 'add' ? 'Add Operations from the API Description' : 'Start from an API Description';
  return (
    <Modal title={title} onCancel={close} testId="api-import-dialog" width={preview ? 1080 : 640}>
      {preview ? <Picker /> : <SourceStep />}
    </Modal>
  );
}

const KINDS: ReadonlyArray<{ id: ApiDescriptionKind | ''; label: string }> = [
  { id: '', label: 'Detect' },
  { id: 'openapi', label: 'OpenAPI / Swagger' },
  { id: 'postman', label: 'Postman collection' },
  { id: 'curl', label: 'cURL commands' },
];

function SourceStep() {
  const { reading, error } = useApiImportStore();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ApiDescriptionKind | ''>('');
  const read = (t: string, fileName?: string) => void useApiImportStore.getState().read(t, fileName, kind || undefined);
  const onFile = async (file: File | undefined) => {
    if (file) read(await file.text(), file.name);
  };
  return (
    <div className="ai-source">
      <p className="wz-help">
        An OpenAPI 3 or Swagger 2.0 document (JSON or YAML), a Postman collection (v2.0 or v2.1), or cURL commands, one per
        blank-line-separated block. The connector is generated on the Blank template: one action per operation you pick.
      </p>
      <div className="wz-row">
        <label className="wz-label" htmlFor="ai-file">Description file</label>
        <input id="ai-file" type="file" accept=".json,.yaml,.yml,.txt,.sh,.curl,application/json,text/yaml" disabled={reading}
          onChange={(e) => void onFile(e.target.files?.[0])} data-testid="api-file" />
      </div>
      <div className="wz-row">
        <label className="wz-label" htmlFor="ai-paste">Or paste it</label>
        <textarea id="ai-paste" className="text-input wide mono ai-paste" rows={10} value={text} spellCheck={false} placeholder={'openapi: 3.0.0\n...\n\nor\n\ncurl https://api.example.com/v1/alerts -H "Authorization: Bearer ..."'}
          onChange={(e) => setText(e.target.value)} data-testid="api-paste" />
      </div>
      <div className="ai-source-row">
        <label className="wz-label" htmlFor="ai-kind">Kind</label>
        <select id="ai-kind" className="select" value={kind} onChange={(e) => setKind(e.target.value as ApiDescriptionKind | '')} data-testid="api-kind">
          {KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
        </select>
        <span className="ai-spacer" />
        <button type="button" className="button secondary" onClick={close}>Cancel</button>
        <button type="button" className="button primary" disabled={reading || !text.trim()} onClick={() => read(text)} data-testid="api-read">
          {reading ? 'Reading…' : 'Read Description'}
        </button>
      </div>
      {error && <p className="field-error ai-error" role="alert" data-testid="api-error">{error}</p>}
    </div>
  );
}

const METHOD_CLASS: Record<string, string> = { GET: 'get', HEAD: 'get', POST: 'post', PUT: 'put', PATCH: 'put', DELETE: 'delete' };

function Picker() {
  const s = useApiImportStore();
  const preview = s.preview;
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState<string | null>(preview?.operations[0]?.id ?? null);
  const groups = useMemo(() => groupOperations(preview, query), [preview, query]);
  useLayoutEffect(() => useApiImportStore.getState().rendered(), []);
  if (!preview) return null;
  const op = preview.operations.find((o) => o.id === focused) ?? null;
  const pickedCount = s.picked.size;
  return (
    <div className="ai-picker" data-testid="api-picker" data-picker-ms={s.pickerMs ?? undefined}>
      <div className="ai-summary">
        <strong data-testid="api-title">{preview.title}</strong>
        <span className="muted small">
          {' '}{preview.kind === 'openapi' ? 'OpenAPI' : preview.kind === 'postman' ? 'Postman' : 'cURL'} · {preview.operations.length} operations
          {preview.servers[0] ? ` · ${preview.servers[0]}` : ''} · {AUTH_LABEL[preview.auth]}
        </span>
        {preview.notes.map((n) => <p key={n} className="wz-help ai-note">{n}</p>)}
      </div>
      <div className="ai-columns">
        <div className="ai-list-col">
          <div className="ai-list-tools">
            <input className="text-input wide" type="search" placeholder="Search operations, paths, tags" aria-label="Search operations" value={query}
              onChange={(e) => setQuery(e.target.value)} data-testid="api-search" />
          </div>
          <div className="ai-list" role="list" aria-label="Operations" data-testid="api-list">
            {groups.map((g) => <Group key={g.group} group={g.group} operations={g.operations} focused={focused} onFocus={setFocused} />)}
            {groups.length === 0 && <p className="muted small ai-pad">No operation matches “{query}”.</p>}
          </div>
        </div>
        <div className="ai-detail-col">{op ? <Detail op={op} /> : <p className="muted">Pick an operation to see what it generates.</p>}</div>
      </div>
      <Footer pickedCount={pickedCount} />
    </div>
  );
}

const AUTH_LABEL: Record<string, string> = { none: 'no authentication', apiKey: 'API key', basic: 'HTTP basic', bearer: 'bearer token', oauth2: 'OAuth 2.0 client credentials' };

function Group({ group, operations, focused, onFocus }: { group: string; operations: ApiOperationPreview[]; focused: string | null; onFocus(id: string): void }) {
  const picked = useApiImportStore((s) => s.picked);
  const titles = useApiImportStore((s) => s.titles);
  const all = operations.every((o) => picked.has(o.id));
  return (
    <section className="ai-group" data-group={group}>
      <div className="ai-group-head">
        <label>
          <input type="checkbox" checked={all} aria-label={`Pick every operation in ${group}`}
            onChange={(e) => useApiImportStore.getState().setMany(operations.map((o) => o.id), e.target.checked)} />
          <span className="ai-group-name">{group}</span>
        </label>
        <span className="muted small">{operations.filter((o) => picked.has(o.id)).length}/{operations.length}</span>
      </div>
      {operations.map((o) => (
        <div key={o.id} role="listitem" className={`ai-op${o.id === focused ? ' focused' : ''}`} data-testid="api-op" data-id={o.id} onClick={() => onFocus(o.id)}>
          <input type="checkbox" checked={picked.has(o.id)} aria-label={`Generate ${o.id}`} onChange={() => useApiImportStore.getState().toggle(o.id)}
            onClick={(e) => e.stopPropagation()} data-testid="api-op-pick" />
          <span className={`ai-method ${METHOD_CLASS[o.method] ?? ''}`}>{o.method}</span>
          <span className="ai-op-text">
            <span className="ai-op-title">{titles[o.id] ?? o.title}</span>
            <span className="ai-op-path mono">{o.path}</span>
          </span>
        </div>
      ))}
    </section>
  );
}

function Detail({ op }: { op: ApiOperationPreview }) {
  const title = useApiImportStore((s) => s.titles[op.id] ?? op.title);
  const category = useApiImportStore((s) => s.categories[op.id] ?? op.category);
  const picked = useApiImportStore((s) => s.picked.has(op.id));
  return (
    <div className="ai-detail" data-testid="api-detail" data-id={op.id}>
      <div className="ai-detail-head">
        <span className={`ai-method ${METHOD_CLASS[op.method] ?? ''}`}>{op.method}</span> <span className="mono">{op.path}</span>
      </div>
      <p className="small muted">Operation <code>{op.id}</code>{picked ? '' : ' (not picked)'}</p>
      <div className="wz-row">
        <label className="wz-label" htmlFor="ai-op-title">Title</label>
        <input id="ai-op-title" className="text-input wide" value={title} onChange={(e) => useApiImportStore.getState().setTitle(op.id, e.target.value)} data-testid="api-op-title" />
      </div>
      <div className="wz-row">
        <label className="wz-label" htmlFor="ai-op-category">Category</label>
        <select id="ai-op-category" className="select" value={category} onChange={(e) => useApiImportStore.getState().setCategory(op.id, e.target.value as OperationCategory)}
          data-testid="api-op-category">
          {OPERATION_CATEGORY_CHOICES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </div>
      {op.description && <p className="ai-description">{op.description.length > 600 ? `${op.description.slice(0, 600)}…` : op.description}</p>}
      <h3 className="ai-h">Parameters</h3>
      {op.parameters.length === 0 ? <p className="muted small">None.</p> : (
        <table className="ai-table" data-testid="api-params">
          <thead><tr><th>Name</th><th>Title</th><th>Type</th><th>Required</th></tr></thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={p.name}><td className="mono">{p.name}</td><td>{p.title}</td><td>{p.type}</td><td>{p.required ? 'yes' : ''}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="ai-h">Output schema</h3>
      {op.outputKeys.length ? <p className="mono small" data-testid="api-output">{op.outputKeys.join(', ')}</p> : (
        <p className="muted small" data-testid="api-output">The description gives no response schema or example: the output schema stays empty until a test run fills it.</p>
      )}
    </div>
  );
}

function Footer({ pickedCount }: { pickedCount: number }) {
  const s = useApiImportStore();
  const preview = s.preview;
  const [label, setLabel] = useState(() => (preview?.title ?? '').replace(/\s+API$/i, ''));
  const [name, setName] = useState(() => nameFromTitle(preview?.title ?? ''));
  const [nameEdited, setNameEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!nameEdited) setName(nameFromTitle(label));
  }, [label, nameEdited]);
  const cheap = (preview?.operations ?? []).filter((o) => o.cheap);
  const submit = async () => {
    if (!s.source) return;
    setError(null);
    useApiImportStore.setState({ busy: true });
    try {
      if (s.mode === 'add' && s.projectId) {
        const r = await call('apiImport.addOperations', { projectId: s.projectId, source: s.source, selection: selectionOf(s) });
        toastSuccess(`Added ${r.added.length} operation${r.added.length === 1 ? '' : 's'}: ${r.added.join(', ')}.`);
        close();
      } else {
        const project = await call('apiImport.create', { source: s.source, selection: selectionOf(s), answers: { name: name.trim(), label: label.trim() || name.trim() } });
        close();
        navigate({ page: 'project', projectId: project.id, settings: false });
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      useApiImportStore.setState({ busy: false });
    }
  };
  return (
    <div className="ai-footer">
      {s.mode !== 'add' && (
        <div className="ai-footer-fields">
          <label className="wz-label" htmlFor="ai-label">Connector name</label>
          <input id="ai-label" className="text-input" value={label} onChange={(e) => setLabel(e.target.value)} data-testid="api-label" />
          <label className="wz-label" htmlFor="ai-name">API identifier</label>
          <input id="ai-name" className="text-input mono" value={name} spellCheck={false} onChange={(e) => (setNameEdited(true), setName(e.target.value))} data-testid="api-name" />
          <label className="wz-label" htmlFor="ai-health">Health check</label>
          <select id="ai-health" className="select" value={s.healthCheck ?? ''} onChange={(e) => s.setHealthCheck(e.target.value || null)} data-testid="api-health">
            {cheap.length === 0 && <option value="">GET / (no operation without parameters)</option>}
            {cheap.map((o) => <option key={o.id} value={o.id}>{o.method} {o.path}</option>)}
          </select>
        </div>
      )}
      {error && <p className="field-error" role="alert" data-testid="api-generate-error">{error}</p>}
      <div className="ai-footer-row">
        <button type="button" className="button secondary" onClick={() => useApiImportStore.getState().reset()} data-testid="api-back">Back</button>
        <span className="muted small" aria-live="polite" data-testid="api-count">{pickedCount} of {preview?.operations.length ?? 0} operations picked</span>
        <span className="ai-spacer" />
        <button type="button" className="button secondary" onClick={close}>Cancel</button>
        <button type="button" className="button primary" disabled={s.busy || pickedCount === 0 || (s.mode !== 'add' && !name.trim())} onClick={() => void submit()}
          data-testid="api-generate">
          {s.busy ? 'Generating…' : s.mode === 'add' ? `Add ${pickedCount} Operation${pickedCount === 1 ? '' : 's'}` : 'Generate Connector'}
        </button>
      </div>
    </div>
  );
}
