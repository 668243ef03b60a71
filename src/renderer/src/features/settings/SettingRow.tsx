import { useEffect, useId, useState, type ReactNode } from 'react';

interface TextSettingProps {
  label: string;
  description: ReactNode;
  value: string | number;
  type?: 'text' | 'number';
  min?: number;
  max?: number;
  placeholder?: string;
  testId: string;
  onCommit(value: string): Promise<void>;
}

/** A setting that saves when it loses focus or on Enter, as VS Code's settings editor does. */
export function TextSetting({ label, description, value, type = 'text', min, max, placeholder, testId, onCommit }: TextSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(String(value)), [value]);

  const commit = async () => {
    if (draft === String(value)) return;
    if (type === 'number') {
      const n = Number(draft);
      if (!Number.isInteger(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
        setError(`Enter a whole number from ${min} to ${max}.`);
        return;
      }
    }
    try {
      await onCommit(draft);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="setting">
      <label htmlFor={id} className="setting-label">{label}</label>
      <p className="setting-description" id={`${id}-d`}>{description}</p>
      <input id={id} className={`text-input ${type === 'number' ? 'narrow' : 'wide'}`} type={type} min={min} max={max} value={draft}
        placeholder={placeholder} spellCheck={false} aria-describedby={`${id}-d`} aria-invalid={!!error} data-testid={testId}
        onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit()}
        onKeyDown={(e) => e.key === 'Enter' && void commit()} />
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function SettingGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="setting-group" aria-label={title}>
      <h2 className="setting-group-title">{title}</h2>
      {children}
    </section>
  );
}
