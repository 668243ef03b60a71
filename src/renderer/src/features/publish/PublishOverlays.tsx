import { useProfilesStore } from '../../store/publish/profiles-store';
import { ProfileEditor } from './ProfileEditor';
import { PublishDialog } from './PublishDialog';
import './publish.css';

/** Publish's dialogs, mounted once for the window. The editor is keyed so each opening starts from its profile. */
export function PublishOverlays() {
  const editing = useProfilesStore((s) => s.editing);
  return (
    <>
      <PublishDialog />
      {editing && <ProfileEditor key={editing === 'new' ? 'new' : editing.id} />}
    </>
  );
}
