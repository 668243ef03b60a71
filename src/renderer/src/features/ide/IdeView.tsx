import { useEffect, useState } from 'react';
import { markLoaded } from '../../hooks/app-state';
import { navigate } from '../../hooks/useRoute';
import { reportInBackground, toastError, useAppStore } from '../../store/app/store';
import { useProjectsStore } from '../../store/projects/store';
import { useSearchStore } from '../../store/search/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { DocsPreview } from '../docs/DocsPreview';
import { EditorArea } from '../editor/EditorArea';
import { ReviewerBanner } from '../review/ReviewerBanner';
import { RestrictedBanner } from '../trust/RestrictedBanner';
import { useReviewerMode } from '../review/useReviewerMode';
import { useConnectorSync } from '../info-form/useConnectorSync';
import { BottomPanel } from '../bottom-panel/BottomPanel';
import { useBottomPanelWiring } from '../bottom-panel/useBottomPanelWiring';
import { SettingsPage } from '../settings/SettingsPage';
import { showWhatNext } from '../welcome/welcome';
import { ActivityBar } from './ActivityBar';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';

/** Opens the project (tree, git, restored tabs) and marks the app loaded once that is done. */
function useOpenProject(projectId: string) {
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    setFailed(null);
    useSearchStore.getState().reset();
    const sidebarAtOpen = useAppStore.getState().sidebar;
    void (async () => {
      if (!useProjectsStore.getState().loaded) await useProjectsStore.getState().load();
      await useWorkspaceStore.getState().openProject(projectId);
      if (stale) return;
      const error = useWorkspaceStore.getState().error;
      if (error) setFailed(error);
      // A package open for review is read, not built: its report and documentation stay in front.
      else if (!useProjectsStore.getState().projects.find((p) => p.id === projectId)?.readOnly)
        await showWhatNext(sidebarAtOpen).catch(reportInBackground('Opening Getting Started'));
      markLoaded();
    })().catch((e) => {
      toastError(e);
      markLoaded();
    });
    return () => {
      stale = true;
    };
  }, [projectId]);
  return failed;
}

export function IdeView({ projectId, showSettings }: { projectId: string; showSettings: boolean }) {
  const failed = useOpenProject(projectId);
  const fullScreen = useAppStore((s) => s.fullScreen);
  const sidebarVisible = useAppStore((s) => s.sidebarVisible);
  const project = useProjectsStore((s) => s.projects.find((p) => p.id === projectId));
  const title = project ? project.label || project.name : 'Connector project';
  useReviewerMode(projectId, project);
  useConnectorSync(projectId);
  useBottomPanelWiring();

  useEffect(() => {
    document.title = `${title} — Connector Studio`;
  }, [title]);

  if (failed) {
    return (
      <main className="ide-error" data-testid="project-error">
        <h1>This project cannot be opened</h1>
        <p role="alert">{failed}</p>
        <button className="button primary" onClick={() => navigate({ page: 'home' })}>Back to Home</button>
      </main>
    );
  }
  return (
    <div className={`ide${fullScreen ? ' full-screen' : ''}`} data-testid="ide" data-fullscreen={fullScreen ? 'true' : 'false'}>
      {!fullScreen && <TitleBar title={title} />}
      {!fullScreen && <ReviewerBanner project={project} />}
      {!fullScreen && <RestrictedBanner project={project} />}
      <div className="ide-body">
        {!fullScreen && <ActivityBar projectId={projectId} />}
        {!fullScreen && sidebarVisible && <Sidebar title={title} />}
        <main className="ide-main" aria-label={showSettings ? 'Settings' : 'Editor'}>
          {showSettings ? <SettingsPage onClose={() => navigate({ page: 'project', projectId, settings: false })} /> : <EditorArea />}
          {!showSettings && <DocsPreview />}
          {!showSettings && <BottomPanel />}
        </main>
      </div>
      {!fullScreen && <StatusBar />}
    </div>
  );
}
