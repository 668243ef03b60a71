import { useEffect, useId, useState } from 'react';
import type { BrowseResult } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { Icon } from '../../components/Icon';
import { Modal } from '../../components/Modal';

/**
 * Browser mode cannot hand absolute paths to the page, so folders are listed by the services (fs.browse).
 * Folders holding an info.json are marked as connectors.
 */
export function FolderPickerDialog({ title, onDone }: { title: string; onDone(path: string | null): void }) {
  const [listing, setListing] = useState<BrowseResult | null>(null);
  const [pathText, setPathText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const browse = async (path?: string) => {
    try {
      const r = await call('fs.browse', path ? { path } : {});
      setListing(r);
      setPathText(r.path);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void browse(), []);
  const sep = listing?.path.includes('\\') ? '\\' : '/';
  const child = (name: string) => (listing ? `${listing.path.replace(/[\\/]$/, '')}${sep}${name}` : name);

  return (
    <Modal title={title} onCancel={() => onDone(null)} testId="folder-dialog" width={620}
      footer={
        <>
          <button className="button primary" disabled={!listing} onClick={() => listing && onDone(listing.path)} data-testid="folder-open">Open This Folder</button>
          <button className="button secondary" onClick={() => onDone(null)}>Cancel</button>
        </>
      }>
      <form className="folder-path-row" onSubmit={(e) => {
        e.preventDefault();
        void browse(pathText);
      }}>
        <label htmlFor={inputId} className="visually-hidden">Folder path</label>
        <input id={inputId} className="text-input wide" value={pathText} onChange={(e) => setPathText(e.target.value)} spellCheck={false} data-testid="folder-path" />
        <button type="submit" className="button secondary">Go</button>
        <button type="button" className="icon-button" aria-label="Parent folder" title="Parent folder" disabled={!listing?.parent}
          onClick={() => listing?.parent && void browse(listing.parent)}>
          <Icon name="arrowUp" />
        </button>
      </form>
      {error && <p className="field-error" role="alert">{error}</p>}
      <ul className="folder-list" aria-label={`Folders in ${listing?.path ?? ''}`} data-testid="folder-list">
        {listing?.entries.map((e) => (
          <li key={e.name}>
            <button className="folder-entry" onClick={() => void browse(child(e.name))} data-testid="folder-entry" data-name={e.name}>
              <Icon name={e.isConnector ? 'plug' : 'folder'} className={e.isConnector ? 'accent' : 'muted'} />
              <span>{e.name}</span>
              {e.isConnector && <span className="badge">connector</span>}
            </button>
          </li>
        ))}
        {listing && !listing.entries.length && <li className="muted pad">No folders here.</li>}
      </ul>
      <p className="muted small">Pick a connector folder (it holds info.json) or a repository that contains one, then choose “Open This Folder”.</p>
    </Modal>
  );
}
