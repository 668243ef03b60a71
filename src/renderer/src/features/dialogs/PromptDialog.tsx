import { useEffect, useId, useRef, useState } from 'react';
import { Modal } from '../../components/Modal';

interface Props {
  title: string;
  label: string;
  initial?: string;
  confirmLabel: string;
  validate?: (v: string) => string | null;
  selectStem?: boolean;
  onDone(value: string | null): void;
}

export function PromptDialog({ title, label, initial = '', confirmLabel, validate, selectStem, onDone }: Props) {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const problem = validate?.(value) ?? null;

  useEffect(() => {
    const dot = initial.lastIndexOf('.');
    // As in VS Code's rename: select the name without its extension.
    if (selectStem && dot > 0) input.current?.setSelectionRange(0, dot);
    else input.current?.select();
  }, [initial, selectStem]);

  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (!problem) onDone(value.trim());
  };

  return (
    <Modal title={title} onCancel={() => onDone(null)} testId="prompt-dialog" initialFocus={input}
      footer={
        <>
          <button className="button primary" onClick={() => submit()} disabled={touched && !!problem} data-testid="dialog-confirm">{confirmLabel}</button>
          <button className="button secondary" onClick={() => onDone(null)} data-testid="dialog-cancel">Cancel</button>
        </>
      }>
      <form onSubmit={submit}>
        <label htmlFor={id} className="field-label">{label}</label>
        <input id={id} ref={input} className="text-input wide" value={value} spellCheck={false} autoComplete="off"
          aria-invalid={touched && !!problem} aria-describedby={touched && problem ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setTouched(true);
          }} data-testid="prompt-input" />
        {touched && problem && <p id={`${id}-error`} className="field-error" role="alert">{problem}</p>}
      </form>
    </Modal>
  );
}
