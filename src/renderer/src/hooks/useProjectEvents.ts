import { useEffect } from 'react';
import { onEvent } from '../api/client';
import { reportInBackground, useAppStore } from '../store/app/store';
import { useEditorStore } from '../store/editor/store';
import { useGitStore } from '../store/git/store';
import { useProjectsStore } from '../store/projects/store';
import { useWorkspaceStore } from '../store/workspace/store';

/** Changes made outside the IDE (another editor, git, a script) reach the tree, the open files and git state. */
export function useProjectEvents() {
  useEffect(() => {
    const offFiles = onEvent('files.changed', ({ projectId, relPaths }) => {
      if (projectId !== useAppStore.getState().projectId) return;
      void useWorkspaceStore.getState().loadTree();
      void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
      void useEditorStore.getState().filesChanged(relPaths);
    });
    const offProjects = onEvent('projects.changed', () => {
      if (!useAppStore.getState().projectId) void useProjectsStore.getState().load();
    });
    // Back after a disconnect: whatever changed meanwhile was not announced, so look again.
    let was = useAppStore.getState().connection;
    const offConnection = useAppStore.subscribe((s) => {
      if (was === 'reconnecting' && s.connection === 'open' && s.projectId) {
        void useWorkspaceStore.getState().loadTree();
        void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
        void useEditorStore.getState().filesChanged(useEditorStore.getState().tabs.map((t) => t.relPath));
      }
      was = s.connection;
    });
    return () => {
      offFiles();
      offProjects();
      offConnection();
    };
  }, []);
}
