import { useAppStore } from '../store/app/store';
import { Icon } from './Icon';

/** Browser mode: the host stopped or the network dropped. Edits stay in the editor and its backups. */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  if (connection !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="reconnect-banner">
      <Icon name="warning" />
      <span>
        Lost the connection to Connector Studio. Reconnecting… Your unsaved edits stay here. If you restarted it, open the new address it printed.
      </span>
    </div>
  );
}
