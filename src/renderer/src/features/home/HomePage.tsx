import { useEffect, useId, useMemo } from 'react';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { Icon } from '../../components/Icon';
import { markLoaded } from '../../hooks/app-state';
import { navigate } from '../../hooks/useRoute';
import { toastError, toastSuccess } from '../../store/app/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { confirmDialog } from '../../store/dialogs/store';
import { useProjectsStore } from '../../store/projects/store';
import { visibleProjects, type ProjectSort } from '../../store/projects/visible-projects';
import { useSettingsStore } from '../../store/settings/store';
import { useCloneStore } from '../../store/git/clone-store';
import { openFolder, toggleTheme } from '../palette/app-commands';
import { OpenPackageButton } from '../review/OpenPackageButton';
import { closeReview } from '../review/reviewer-commands';
import { importTgz, newConnector } from '../wizard/authoring-commands';
import { ProjectCard } from './ProjectCard';
import { plural } from '../../../../shared/plural';

async function deleteProject(p: ProjectSummary) {
  // A review lives in a temporary folder: closing it only forgets it, so there is nothing to confirm.
  if (p.readOnly) return closeReview(p, false);
  const ok = await confirmDialog({
    title: `Delete “${p.root.split(/[\\/]/).pop()}”?`,
    message: `The folder “${p.root}” and everything in it will be moved to the system trash.`,
    confirmLabel: 'Move to Trash',
    danger: true,
  });
  if (!ok) return;
  try {
    const r = await useProjectsStore.getState().remove(p.id);
    toastSuccess(`Moved “${r.removed}” to the trash.`);
  } catch (e) {
    toastError(e);
  }
}

/** Home: every connector project of the workspace (and those opened from elsewhere) as cards. */
export function HomePage() {
  const { projects, loaded, error, query, sort, load, setQuery, setSort } = useProjectsStore();
  const workspace = useSettingsStore((s) => s.settings?.workspaceRoot);
  const theme = useSettingsStore((s) => s.settings?.theme);
  const searchId = useId();
  const sortId = useId();
  const shown = useMemo(() => visibleProjects(projects, query, sort), [projects, query, sort]);
  const twins = useMemo(() => sharedTitles(projects), [projects]);

  useEffect(() => {
    document.title = 'Connector Studio';
    void useWorkspaceStore.getState().closeProject().then(load);
  }, [load]);
  useEffect(() => {
    if (loaded) markLoaded();
  }, [loaded]);

  return (
    <div className="home">
      <header className="home-header">
        <div className="brand"><Icon name="plug" size={20} /> <span>Connector Studio</span></div>
        <div className="header-actions">
          <button className="icon-button" onClick={() => void toggleTheme()} aria-label={theme === 'light' ? 'Switch to dark theme' : 'Switch to light theme'} title="Toggle theme" data-testid="theme-toggle">
            <Icon name={theme === 'light' ? 'moon' : 'sun'} />
          </button>
          <button className="icon-button" onClick={() => navigate({ page: 'settings' })} aria-label="Settings" title="Settings" data-testid="open-settings">
            <Icon name="settings" />
          </button>
        </div>
      </header>
      <main className="home-main" aria-labelledby="home-title">
        <div className="home-intro">
          <div>
            <h1 id="home-title">Connectors</h1>
            <p className="muted">
              {loaded ? `${plural(projects.length, 'project')}` : 'Loading…'}
              {workspace && <> in <span className="mono">{workspace}</span></>}
            </p>
          </div>
          <div className="button-row">
            <button className="button secondary" onClick={() => importTgz()} data-testid="import-tgz"><Icon name="upload" /> Import .tgz…</button>
            <button className="button primary" onClick={() => newConnector()} data-testid="new-connector"><Icon name="filePlus" /> New Connector</button>
          </div>
        </div>
        <div className="home-toolbar" role="search">
          <label htmlFor={searchId} className="visually-hidden">Search connectors</label>
          <div className="search-box">
            <Icon name="search" className="search-box-icon" />
            <input id={searchId} className="text-input" type="search" placeholder="Search by name, label, publisher…" value={query}
              onChange={(e) => setQuery(e.target.value)} data-testid="home-search" />
          </div>
          <label htmlFor={sortId} className="muted small">Sort by</label>
          <select id={sortId} className="select" value={sort} onChange={(e) => setSort(e.target.value as ProjectSort)} data-testid="home-sort">
            <option value="label">Label</option>
            <option value="name">Name</option>
            <option value="modified">Last modified</option>
          </select>
          <button className="icon-button" onClick={() => void load()} aria-label="Refresh the list" title="Refresh"><Icon name="refresh" /></button>
          <span className="toolbar-spacer" />
          <OpenPackageButton />
          <button className="button secondary" onClick={() => useCloneStore.getState().show()} data-testid="clone-repo"><Icon name="branch" /> Clone…</button>
          <button className="button secondary" onClick={() => void openFolder()} data-testid="open-folder"><Icon name="folderOpen" /> Open Folder…</button>
        </div>
        {error && <p className="inline-error" role="alert">{error}</p>}
        {loaded && !projects.length && !error && (
          <div className="empty-state">
            <p>No connector projects in this workspace yet.</p>
            <p className="muted">Create one with “New Connector”, import a .tgz, or use “Open Folder…” to add a connector folder or a repository that contains one.</p>
          </div>
        )}
        {loaded && projects.length > 0 && !shown.length && <p className="muted">No connector matches “{query}”.</p>}
        <ul className="project-grid" aria-label="Connector projects" data-testid="project-grid">
          {shown.map((p) => <ProjectCard key={p.id} project={p} showFolder={twins.has(p.label || p.name)} onDelete={(x) => void deleteProject(x)} />)}
        </ul>
      </main>
    </div>
  );
}

/** Card titles worn by more than one project (a copy imported beside its original). */
function sharedTitles(projects: readonly ProjectSummary[]): Set<string> {
  const seen = new Set<string>();
  const twins = new Set<string>();
  for (const p of projects) {
    const title = p.label || p.name;
    if (seen.has(title)) twins.add(title);
    seen.add(title);
  }
  return twins;
}
