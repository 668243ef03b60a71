import { Icon } from '../../components/Icon';
import { usePublishStore } from '../../store/publish/publish-store';
import { ProfilesSection } from './ProfilesSection';
import { PublishHistory } from './PublishHistory';
import { PublishShortcuts } from './PublishShortcuts';
import './publish.css';

/** The Publish side bar: start a publish, manage server profiles, see what was published where. */
export function PublishPanel() {
  return (
    <section className="sidebar-view publish-panel" aria-label="Publish" data-testid="publish-panel">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Publish</h2>
      </div>
      <div className="pad">
        <button className="button primary wide" onClick={() => void usePublishStore.getState().show()} data-testid="publish-open">
          <Icon name="cloudUpload" /> Publish to a Server…
        </button>
        <p className="muted small">Checks the connector, uploads it, waits for the import and the requirements, then checks its health on the server.</p>
      </div>
      <PublishShortcuts />
      <div className="publish-scroll">
        <ProfilesSection />
        <PublishHistory />
      </div>
    </section>
  );
}
