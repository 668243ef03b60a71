import { useEffect, useState } from 'react';
import type { GitIdentity } from '../../../../shared/models/git-identity';
import { call } from '../../api/client';
import { reportInBackground, toastSuccess } from '../../store/app/store';
import { SettingGroup, TextSetting } from './SettingRow';

/** user.name and user.email from the user's global git config: what every commit made here carries. Both are
 * needed before anything is saved, so a half-filled pair waits here until the other part is given. */
export function GitIdentitySection() {
  const [saved, setSaved] = useState<GitIdentity | null>(null);
  const [draft, setDraft] = useState({ name: '', email: '' });
  useEffect(() => {
    void call('git.identity', {})
      .then((id) => {
        setSaved(id);
        if (id) setDraft(id);
      })
      .catch(reportInBackground('Reading the git identity'));
  }, []);

  const commit = async (patch: Partial<GitIdentity>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (!next.name.trim() || !next.email.trim()) return;
    const id = await call('git.setIdentity', next);
    setSaved(id);
    toastSuccess(`Commits are now made as ${id.name} <${id.email}>.`);
  };

  return (
    <SettingGroup title="Git identity">
      <p className="setting-description" data-testid="git-identity-state">
        {saved ? `Commits are made as ${saved.name} <${saved.email}> (your global git config).` : 'Git does not know who you are yet: commits wait until you give a name and an email here.'}
      </p>
      <TextSetting label="Name" testId="setting-git-name" value={draft.name} placeholder="Ada Lovelace"
        description="user.name in your global git config." onCommit={(v) => commit({ name: v })} />
      <TextSetting label="Email" testId="setting-git-email" value={draft.email} placeholder="ada@example.com"
        description="user.email in your global git config." onCommit={(v) => commit({ email: v })} />
    </SettingGroup>
  );
}
