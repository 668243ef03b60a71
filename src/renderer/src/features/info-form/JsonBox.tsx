import { useEffect, useId, useRef, useState } from 'react';
import { parseJsonText } from '../../../../shared/form/json-text';
import { pathToPointer, type JSONPath } from '../../store/connector/document';
import { useConnectorStore } from '../../store/connector/store';
import { RowFixes } from './RowFixes';

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/**
 * A JSON value (output schemas, options, ingestion preferences) edited as text: it is written into info.json
 * whenever it parses, and an error says where it does not. Empty removes the key.
 */
export function JsonBox({ label, path, value, rows = 6 }: { label: string; path: JSONPath; value: unknown; rows?: number }) {
  const id = useId();
  const errId = useId();
  const pointer = pathToPointer(path);
  const [draft, setDraft] = useState(() => show(value));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);

  // Edits from the text editor or undo show here, except while the user is typing in this box.
  useEffect(() => {
    if (!focused.current) {
      setDraft(show(value));
      setError(null);
    }
  }, [value]);

  const onChange = (text: string) => {
    setDraft(text);
    if (text.trim() === '') {
      setError(null);
      useConnectorStore.getState().set(path, undefined, pointer);
      return;
    }
    const { value: parsed, errors } = parseJsonText(text);
    if (errors.length > 0) return setError(`${errors[0].message} at line ${errors[0].line}, column ${errors[0].column}`);
    setError(null);
    if (JSON.stringify(parsed) !== JSON.stringify(value)) useConnectorStore.getState().set(path, parsed, pointer);
  };

  return (
    <div className="ff-row ff-wide" data-pointer={pointer}>
      <label className="ff-label" htmlFor={id}>{label}</label>
      <textarea id={id} className="text-input wide mono" rows={rows} spellCheck={false} value={draft} aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errId : undefined} onChange={(e) => onChange(e.target.value)}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          useConnectorStore.getState().endGroup();
          if (!error) setDraft(show(value));
        }} />
      {error && <span id={errId} className="field-error" role="alert">{error}</span>}
      <RowFixes pointer={pointer} />
    </div>
  );
}
