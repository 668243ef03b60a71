import { useEffect, useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { toastError } from '../../store/app/store';
import { useCredentialStore } from '../../store/git/credential-store';

const TITLES: Record<string, string> = { username: 'User name', password: 'Password or access token', passphrase: 'SSH key passphrase' };

/** Answers git's credential questions (it never prompts on a terminal). The answer goes to git and is not kept here. */
export function CredentialDialog() {
  const request = useCredentialStore((s) => s.queue[0]);
  const [value, setValue] = useState('');
  const id = useId();
  useEffect(() => setValue(''), [request?.requestId]);
  useEffect(() => useCredentialStore.getState().listen(), []);
  if (!request) return null;
  const answer = (v: string | null) => void useCredentialStore.getState().answer(v).catch(toastError);
  const secret = request.kind !== 'username';
  return (
    <Modal title={`git needs a ${TITLES[request.kind]?.toLowerCase() ?? 'credential'}`} onCancel={() => answer(null)} testId="git-credential-dialog"
      footer={
        <>
          <button className="button primary" onClick={() => answer(value)} data-testid="credential-ok">OK</button>
          <button className="button secondary" onClick={() => answer(null)} data-testid="credential-cancel">Cancel</button>
        </>
      }>
      <form onSubmit={(e) => (e.preventDefault(), answer(value))}>
        <p className="dialog-message small credential-prompt">{request.url || 'The remote'} asks: <span className="mono">{request.prompt}</span></p>
        <label htmlFor={id} className="field-label">{TITLES[request.kind] ?? 'Answer'}</label>
        <input id={id} className="text-input wide" type={secret ? 'password' : 'text'} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} data-testid="credential-input" />
        <p className="muted small">Your system's git credential helper may remember it; Connector Studio does not.</p>
      </form>
    </Modal>
  );
}
