import { useId } from 'react';
import { Modal } from '../../components/Modal';
import { navigate } from '../../hooks/useRoute';
import { reportInBackground, toastError, toastSuccess } from '../../store/app/store';
import { useEditorStore } from '../../store/editor/store';
import { useGitStore } from '../../store/git/store';
import { publishBlocker } from '../../store/publish/options';
import { useProfilesStore } from '../../store/publish/profiles-store';
import { usePublishStore } from '../../store/publish/publish-store';
import { PreflightView } from './PreflightView';
import { PublishOptionsView } from './PublishOptionsView';
import { RunView } from './RunView';

function ProfilePicker() {
  const profiles = useProfilesStore((s) => s.profiles);
  const profileId = usePublishStore((s) => s.profileId);
  const busy = usePublishStore((s) => s.phase !== 'setup' || s.preflightLoading);
  const id = useId();
  if (!profiles.length)
    return (
      <p className="small" data-testid="publish-no-profile">
        No server profile yet.{' '}
        <button className="button secondary small" onClick={() => useProfilesStore.getState().edit('new')}>Add a Server Profile…</button>
      </p>
    );
  return (
    <div className="form-field publish-target">
      <label htmlFor={id} className="field-label">Server</label>
      <select id={id} className="select" value={profileId ?? ''} disabled={busy} onChange={(e) => void usePublishStore.getState().selectProfile(e.target.value)} data-testid="publish-profile">
        {profiles.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.url})</option>)}
      </select>
      <button className="button secondary small" disabled={busy} onClick={() => void usePublishStore.getState().runPreflight()} data-testid="publish-recheck">Check Again</button>
    </div>
  );
}

function Setup() {
  const { preflight, preflightLoading, preflightError } = usePublishStore();
  const repo = useGitStore((s) => !!s.status?.isRepo);
  const dirty = useEditorStore((s) => s.tabs.some((t) => t.dirty));
  return (
    <>
      <ProfilePicker />
      {dirty && (
        <p className="banner banner-warning small">
          Unsaved editor changes are not published.{' '}
          <button className="button secondary small" onClick={() => void useEditorStore.getState().saveAll().then(() => usePublishStore.getState().runPreflight())}>Save All and Check Again</button>
        </p>
      )}
      {preflightLoading && <p className="muted" role="status" data-testid="preflight-running">Running the pre-flight checks…</p>}
      {preflightError && (
        <div className="publish-result failed" role="alert" data-testid="preflight-error">
          <p>{preflightError.message}</p>
          {preflightError.hint && <p className="small">{preflightError.hint}</p>}
        </div>
      )}
      {preflight && !preflightLoading && (
        <>
          <PreflightView pre={preflight} />
          {!preflight.blocked && <PublishOptionsView pre={preflight} canTag={repo} />}
        </>
      )}
    </>
  );
}

async function start() {
  const outcome = await usePublishStore.getState().publish();
  void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
  if (outcome?.result === 'success' && usePublishStore.getState().options.discardAfter) {
    toastSuccess(`${outcome.message} The project is closed; its folder stays on disk.`);
    usePublishStore.getState().close();
    navigate({ page: 'home' });
  }
}

/** Publish: pick a server, read the pre-flight, choose the options, then watch the upload, import and health. */
export function PublishDialog() {
  const open = usePublishStore((s) => s.open);
  const phase = usePublishStore((s) => s.phase);
  const preflight = usePublishStore((s) => s.preflight);
  const options = usePublishStore((s) => s.options);
  if (!open) return null;
  const blocker = publishBlocker(preflight, options);
  const close = () => usePublishStore.getState().close();
  return (
    <Modal title={preflight ? `Publish ${preflight.connector.label ?? preflight.connector.name} ${preflight.connector.version}` : 'Publish'} onCancel={close} width={720} testId="publish-dialog"
      footer={
        <>
          {phase === 'setup' && (
            <button className="button primary" disabled={!!blocker} title={blocker ?? undefined} onClick={() => void start()} data-testid="publish-start">
              {options.discardAfter ? 'Publish and Discard' : 'Publish'}
            </button>
          )}
          {phase === 'done' && <button className="button secondary" onClick={() => void usePublishStore.getState().selectProfile(usePublishStore.getState().profileId ?? '').catch(toastError)} data-testid="publish-again">Back to Options</button>}
          <button className="button secondary" disabled={phase === 'running'} onClick={close} data-testid="publish-close">Close</button>
        </>
      }>
      <div className="publish-body">
        {phase === 'setup' ? <Setup /> : <RunView />}
        {phase === 'setup' && blocker && preflight && <p className="small muted" data-testid="publish-blocker">{blocker}</p>}
      </div>
    </Modal>
  );
}
