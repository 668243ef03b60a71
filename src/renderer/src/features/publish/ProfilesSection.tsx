import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import type { ServerProfile } from '../../../../shared/models/publish';
import { toastError, toastSuccess } from '../../store/app/store';
import { confirmDialog } from '../../store/dialogs/store';
import { useProfilesStore } from '../../store/publish/profiles-store';
import { ConnectionTestView } from './ConnectionTestView';

const AUTH_NAMES = { password: 'user and password', apiKey: 'API key', hmac: 'HMAC key pair' } as const;

async function removeProfile(p: ServerProfile) {
  const ok = await confirmDialog({ title: `Remove “${p.name}”?`, message: `The server profile and its stored ${AUTH_NAMES[p.auth]} are removed. Nothing changes on the server.`, confirmLabel: 'Remove', danger: true });
  if (!ok) return;
  try {
    await useProfilesStore.getState().remove(p.id);
    toastSuccess(`Removed the profile “${p.name}”.`);
  } catch (e) {
    toastError(e);
  }
}

function ProfileRow({ profile }: { profile: ServerProfile }) {
  const test = useProfilesStore((s) => s.tests[profile.id]);
  const { edit, test: runTest } = useProfilesStore.getState();
  return (
    <li className="profile-row" data-testid="profile-row" data-name={profile.name}>
      <div className="profile-head">
        <Icon name="server" size={14} />
        <span className="profile-text">
          <span className="profile-name">{profile.name}</span>
          <span className="muted small profile-url" title={profile.url}>{profile.url} · {AUTH_NAMES[profile.auth]}{profile.tls.pinnedSha256 ? ' · pinned certificate' : ''}</span>
        </span>
        <span className="row-actions">
          <button className="button secondary small" disabled={test?.running} onClick={() => void runTest(profile.id)} data-testid="profile-test">Test</button>
          <button className="icon-button" aria-label={`Edit ${profile.name}`} title="Edit" onClick={() => edit(profile)} data-testid="profile-edit"><Icon name="settings" size={14} /></button>
          <button className="icon-button danger-hover" aria-label={`Remove ${profile.name}`} title="Remove" onClick={() => void removeProfile(profile)} data-testid="profile-remove"><Icon name="trash" size={14} /></button>
        </span>
      </div>
      {test && <ConnectionTestView profileId={profile.id} test={test} />}
    </li>
  );
}

/** Server profiles: add, edit, remove, test. Secrets are typed into the editor and never shown again. */
export function ProfilesSection() {
  const profiles = useProfilesStore((s) => s.profiles);
  const loaded = useProfilesStore((s) => s.loaded);
  useEffect(() => void useProfilesStore.getState().load().catch(toastError), []);
  return (
    <section aria-label="Server profiles">
      <h3 className="section-title pad-x publish-section-title">
        <span>Server Profiles</span>
        <button className="button secondary small" onClick={() => useProfilesStore.getState().edit('new')} data-testid="profile-add"><Icon name="plus" size={14} /> Add…</button>
      </h3>
      <ul className="profile-list" data-testid="profile-list">
        {profiles.map((p) => <ProfileRow key={p.id} profile={p} />)}
        {loaded && !profiles.length && <li className="muted small pad-x">No server yet. Add the FortiSOAR server (or a local sandbox) to publish to.</li>}
      </ul>
    </section>
  );
}
