import { plural } from '../../../../shared/plural';
import { Icon, type IconName } from '../../components/Icon';
import { isMac } from '../../hooks/platform';
import { navigate } from '../../hooks/useRoute';
import { useAppStore, type SidebarView } from '../../store/app/store';
import { useGitStore } from '../../store/git/store';
import { formatShortcut } from '../../store/palette/shortcuts';

const VIEWS: { id: SidebarView; icon: IconName; label: string; keys?: string }[] = [
  { id: 'explorer', icon: 'files', label: 'Explorer', keys: 'Mod+Shift+E' },
  { id: 'search', icon: 'search', label: 'Search', keys: 'Mod+Shift+F' },
  { id: 'git', icon: 'branch', label: 'Source Control', keys: 'Ctrl+Shift+G' },
  { id: 'test', icon: 'flask', label: 'Test', keys: 'Mod+Alt+C' },
  { id: 'tests', icon: 'check', label: 'Tests' },
  { id: 'debug', icon: 'bug', label: 'Run and Debug', keys: 'Mod+Shift+D' },
  { id: 'platform', icon: 'database', label: 'Platform Data' },
  { id: 'ingestion', icon: 'arrowDown', label: 'Data Ingestion' },
  { id: 'publish', icon: 'cloudUpload', label: 'Publish' },
  { id: 'review', icon: 'review', label: 'Review' },
  { id: 'playbooks', icon: 'workflow', label: 'Playbooks' },
];

/** The left strip: side bar views on top, Home and Settings at the bottom. */
export function ActivityBar({ projectId }: { projectId: string }) {
  const { sidebar, sidebarVisible, showSidebar, toggleSidebar } = useAppStore();
  const changes = useGitStore((s) => s.status?.files.length ?? 0);
  const mac = isMac();
  return (
    <nav className="activity-bar" aria-label="Views">
      {VIEWS.map((v) => {
        const on = sidebarVisible && sidebar === v.id;
        return (
          <button key={v.id} className={`activity-item${on ? ' active' : ''}`} aria-pressed={on} aria-label={v.label}
            title={v.keys ? `${v.label} (${formatShortcut(v.keys, mac)})` : v.label} data-testid={`activity-${v.id}`}
            onClick={() => (on ? toggleSidebar() : showSidebar(v.id))}>
            <Icon name={v.icon} size={22} />
            {v.id === 'git' && changes > 0 && <span className="activity-badge" aria-label={plural(changes, 'change')}>{changes}</span>}
          </button>
        );
      })}
      <div className="activity-spacer" />
      <button className="activity-item" aria-label="Home" title="Home" onClick={() => navigate({ page: 'home' })} data-testid="activity-home">
        <Icon name="home" size={22} />
      </button>
      <button className="activity-item" aria-label="Settings" title={`Settings (${formatShortcut('Mod+,', mac)})`}
        onClick={() => navigate({ page: 'project', projectId, settings: true })} data-testid="activity-settings">
        <Icon name="settings" size={22} />
      </button>
    </nav>
  );
}
