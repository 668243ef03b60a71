import { useId } from 'react';
import { Modal } from '../../components/Modal';
import { navigate } from '../../hooks/useRoute';
import { cloneFolderOf, useCloneStore } from '../../store/git/clone-store';
import { percent } from '../../store/git/progress';

/** Clone a repository by URL into the workspace, then open it. */
export function CloneDialog() {
  const { open, url, name, running, progress, error, setUrl, setName, hide, clone } = useCloneStore();
  const urlId = useId();
  const nameId = useId();
  if (!open) return null;
  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (!url.trim() || running) return;
    const project = await clone();
    if (project) navigate({ page: 'project', projectId: project.id, settings: false });
  };
  return (
    <Modal title="Clone Repository" onCancel={hide} width={560} testId="clone-dialog"
      footer={
        <>
          <button className="button primary" disabled={!url.trim() || running} onClick={() => void submit()} data-testid="clone-start">{running ? 'Cloning…' : 'Clone'}</button>
          <button className="button secondary" disabled={running} onClick={hide}>Cancel</button>
        </>
      }>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={urlId} className="field-label">Repository URL</label>
        <input id={urlId} className="text-input wide" value={url} disabled={running} placeholder="https://github.com/acme/connector-x.git, git@host:acme/x.git or a path"
          onChange={(e) => setUrl(e.target.value)} data-testid="clone-url" />
        <label htmlFor={nameId} className="field-label clone-name-label">Folder in the workspace</label>
        <input id={nameId} className="text-input wide" value={name} disabled={running} placeholder={cloneFolderOf(url) || 'from the URL'}
          onChange={(e) => setName(e.target.value)} data-testid="clone-name" />
        <p className="muted small">git uses your credential helpers and SSH agent; if it needs a password, Connector Studio asks for it.</p>
        {running && (
          <div role="status" className="clone-progress" data-testid="clone-progress">
            <span className="small">{progress?.message ?? 'Starting git clone…'}</span>
            <progress max={100} value={percent(progress)} aria-label="Clone progress" />
          </div>
        )}
        {error && <p className="inline-error" role="alert" data-testid="clone-error">{error}</p>}
      </form>
    </Modal>
  );
}
