import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { call } from '../../api/client';
import { toastError, toastSuccess } from '../../store/app/store';
import { useProfilesStore } from '../../store/publish/profiles-store';
import { exportTgz } from '../wizard/authoring-commands';

/** What a newcomer needs beside Publish: the .tgz to hand over, and a server to try publishing to. The sandbox is
 * the bundled FortiSOAR-compatible server on 127.0.0.1; starting it makes (or refreshes) the "Local sandbox"
 * profile, so it is picked like any other server. */
export function PublishShortcuts() {
  const [sandbox, setSandbox] = useState<{ url: string; profileName: string } | null>(null);
  const [starting, setStarting] = useState(false);

  const startSandbox = async () => {
    setStarting(true);
    try {
      const r = await call('sandbox.start', {});
      setSandbox(r);
      await useProfilesStore.getState().load();
      if (r.started) toastSuccess(`The local sandbox is running at ${r.url}; the profile "${r.profileName}" points at it.`);
    } catch (e) {
      toastError(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="pad publish-shortcuts">
      <div className="button-row">
        <button className="button secondary" onClick={() => void exportTgz()} data-testid="publish-export-tgz">
          <Icon name="arrowDown" /> Export .tgz
        </button>
        <button className="button secondary" disabled={starting} onClick={() => void startSandbox()} data-testid="sandbox-start">
          <Icon name="server" /> {starting ? 'Starting…' : sandbox ? 'Local Sandbox Running' : 'Start Local Sandbox'}
        </button>
      </div>
      {sandbox ? (
        <p className="muted small" data-testid="sandbox-address" role="status">
          Local sandbox at <code>{sandbox.url}</code>, profile “{sandbox.profileName}”. It stops when Connector Studio closes.
        </p>
      ) : (
        <p className="muted small">No FortiSOAR at hand? The local sandbox is a FortiSOAR-compatible server on this machine to publish to.</p>
      )}
    </div>
  );
}
