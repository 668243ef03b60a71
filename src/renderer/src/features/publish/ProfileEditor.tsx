import { useEffect, useId, useState, type ReactNode } from 'react';
import { Modal } from '../../components/Modal';
import type { ProfileAuth } from '../../../../shared/models/publish';
import { toastError } from '../../store/app/store';
import { SECRET_LABELS } from '../../../../shared/models/server-profile';
import { formOf, formProblems, inputOf, keepsStoredSecret, type ProfileForm } from '../../store/publish/profile-form';
import { useProfilesStore } from '../../store/publish/profiles-store';
import { ConnectionTestView } from './ConnectionTestView';

function Field({ label, error, children, hint }: { label: string; error?: string; hint?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id} className="field-label">{label}</label>
      {children(id)}
      {hint && <p className="muted small">{hint}</p>}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** Add or edit a server profile. "Save and Test" saves first, so what is tested is what was saved. */
export function ProfileEditor() {
  const editing = useProfilesStore((s) => s.editing);
  const [form, setForm] = useState<ProfileForm>(() => formOf(editing && editing !== 'new' ? editing : undefined));
  const [tried, setTried] = useState(false);
  const [savedId, setSavedId] = useState(form.id);
  const test = useProfilesStore((s) => (savedId ? s.tests[savedId] : undefined));
  const pinned = useProfilesStore((s) => s.profiles.find((p) => p.id === savedId)?.tls.pinnedSha256);
  // "Trust this certificate" pins in the store; the form follows so a later Save keeps the pin.
  useEffect(() => setForm((f) => (pinned && f.pinnedSha256 !== pinned ? { ...f, pinnedSha256: pinned } : f)), [pinned]);
  const problems = formProblems(form);
  const show = (k: keyof typeof problems) => (tried ? problems[k] : undefined);
  const set = (patch: Partial<ProfileForm>) => setForm({ ...form, ...patch });
  const close = () => useProfilesStore.getState().edit(null);

  const save = async (thenTest: boolean) => {
    setTried(true);
    if (Object.keys(problems).length) return;
    try {
      const saved = await useProfilesStore.getState().save(inputOf(form));
      setSavedId(saved.id);
      setForm({ ...formOf(saved) });
      setTried(false);
      if (thenTest) await useProfilesStore.getState().test(saved.id);
      else close();
    } catch (e) {
      toastError(e);
    }
  };
  const input = (id: string, key: 'name' | 'url' | 'username' | 'hmacPublicKey' | 'caFile' | 'pinnedSha256' | 'timeoutSec', testId: string, placeholder?: string) => (
    <input id={id} className="text-input wide" value={form[key]} placeholder={placeholder} aria-invalid={tried && !!(problems as Record<string, string | undefined>)[key]} data-testid={testId}
      onChange={(e) => set({ [key]: e.target.value })} />
  );

  return (
    <Modal title={form.id ? `Edit “${form.name}”` : 'Add Server Profile'} onCancel={close} width={560} testId="profile-editor"
      footer={
        <>
          <button className="button secondary" onClick={() => void save(true)} data-testid="profile-save-test">Save and Test</button>
          <button className="button primary" onClick={() => void save(false)} data-testid="profile-save">Save</button>
          <button className="button secondary" onClick={close}>{test ? 'Close' : 'Cancel'}</button>
        </>
      }>
      <form className="profile-form" onSubmit={(e) => (e.preventDefault(), void save(false))}>
        <Field label="Name" error={show('name')}>{(id) => input(id, 'name', 'profile-name', 'Production SOAR')}</Field>
        <Field label="Server URL" error={show('url')} hint="The address of the FortiSOAR UI, without /api.">{(id) => input(id, 'url', 'profile-url')}</Field>
        <Field label="Authentication">
          {(id) => (
            <select id={id} className="select" value={form.auth} onChange={(e) => set({ auth: e.target.value as ProfileAuth, secret: '' })} data-testid="profile-auth">
              <option value="password">User name and password</option>
              <option value="apiKey">API key</option>
              <option value="hmac">HMAC key pair</option>
            </select>
          )}
        </Field>
        {form.auth === 'password' && <Field label="User name" error={show('username')}>{(id) => input(id, 'username', 'profile-username')}</Field>}
        {form.auth === 'hmac' && <Field label="HMAC public key" error={show('hmacPublicKey')}>{(id) => input(id, 'hmacPublicKey', 'profile-hmac-public')}</Field>}
        <Field label={SECRET_LABELS[form.auth]} error={show('secret')} hint={keepsStoredSecret(form) ? 'Stored in the secret store. Leave empty to keep it.' : 'Kept in the secret store only, never in project files or logs.'}>
          {(id) => (
            <input id={id} className="text-input wide" type="password" autoComplete="new-password" value={form.secret} aria-invalid={!!show('secret')}
              placeholder={form.id && form.secretSet ? '••••••••' : ''} onChange={(e) => set({ secret: e.target.value })} data-testid="profile-secret" />
          )}
        </Field>
        <details className="profile-advanced">
          <summary>TLS and timeout</summary>
          <Field label="Custom CA bundle (PEM file on this computer)" hint="Added to the system's trusted authorities; TLS verification stays on.">{(id) => input(id, 'caFile', 'profile-ca')}</Field>
          <Field label="Accepted certificate (SHA-256)" error={show('pinnedSha256')} hint="For a self-signed certificate: use “Trust this certificate” after a test, or paste the fingerprint.">
            {(id) => input(id, 'pinnedSha256', 'profile-pin')}
          </Field>
          <Field label="Timeout (seconds)" error={show('timeoutSec')}>{(id) => input(id, 'timeoutSec', 'profile-timeout', '60')}</Field>
        </details>
        <button type="submit" hidden />
      </form>
      {savedId && test && <ConnectionTestView profileId={savedId} test={test} />}
    </Modal>
  );
}
