import type { FileNode } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { currentProjectId, reportInBackground, useAppStore } from '../app/store';
import { useEditorStore } from '../editor/store';
import { createStore } from '../create-store';
import { useGitStore } from '../git/store';
import { useProjectsStore } from '../projects/store';
import { ancestorsOf, baseName, joinPath, parentOf, pruneExpanded } from './tree-model';

interface WorkspaceState {
  tree: FileNode | null;
  expanded: string[];
  selected: string | null;
  loading: boolean;
  error: string | null;
}

interface WorkspaceAction {
  openProject(projectId: string): Promise<void>;
  closeProject(): Promise<void>;
  loadTree(): Promise<void>;
  toggle(relPath: string): void;
  collapseAll(): void;
  setExpanded(relPath: string, open: boolean): void;
  select(relPath: string | null): void;
  reveal(relPath: string): void;
  createFile(dir: string, name: string): Promise<string>;
  createDir(dir: string, name: string): Promise<string>;
  rename(from: string, newName: string): Promise<string>;
  move(from: string, toDir: string): Promise<string>;
  remove(relPath: string): Promise<void>;
  upload(dir: string, files: readonly { name: string; base64: string }[], overwrite: boolean): Promise<string[]>;
}

/** React's StrictMode and quick navigation can ask twice: both callers share one opening. */
let opening: { projectId: string; done: Promise<void> } | null = null;

const EMPTY: WorkspaceState = { tree: null, expanded: [], selected: null, loading: false, error: null };

export const useWorkspaceStore = createStore<WorkspaceState & WorkspaceAction>('workspace', (set, get) => {
  const pid = () => ({ projectId: currentProjectId() });
  const afterChange = async (reveal?: string) => {
    await get().loadTree();
    if (reveal !== undefined) get().reveal(reveal);
    void useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status'));
  };

  /** Shows a project in this window: tree, git state, and the tabs (with unsaved edits) of last time. */
  async function openNow(projectId: string) {
    if (useAppStore.getState().projectId === projectId && get().tree) return;
    await get().closeProject();
    useAppStore.getState().setProjectId(projectId);
    set({ ...EMPTY, loading: true }, false, 'openProject');
    await get().loadTree();
    if (!get().tree) return;
    // The connector folder is where the work is: show it open, as Fortinet's repositories nest it one level down.
    const connectorRel = useProjectsStore.getState().projects.find((p) => p.id === projectId)?.connectorRel;
    if (connectorRel && get().expanded.length === 0) set({ expanded: [connectorRel] }, false, 'expandConnector');
    await Promise.all([
      useGitStore.getState().refresh().catch(reportInBackground('Refreshing git status')),
      useEditorStore.getState().restore().catch(reportInBackground('Reopening the tabs of the last session')),
    ]);
  }

  return {
    ...EMPTY,
    openProject: (projectId) => {
      if (opening?.projectId === projectId) return opening.done;
      const done = openNow(projectId).finally(() => {
        if (opening?.done === done) opening = null;
      });
      opening = { projectId, done };
      return done;
    },
    closeProject: async () => {
      if (!useAppStore.getState().projectId) return;
      await useEditorStore.getState().flushBackups();
      useEditorStore.getState().reset();
      useGitStore.getState().reset();
      useAppStore.getState().setProjectId(null);
      set(EMPTY, false, 'closeProject');
    },
    loadTree: async () => {
      try {
        const tree = await call('files.tree', pid());
        set({ tree, expanded: pruneExpanded(tree, get().expanded), error: null, loading: false }, false, 'tree');
      } catch (e) {
        set({ error: (e as Error).message, loading: false }, false, 'tree/failed');
      }
    },
    toggle: (relPath) => get().setExpanded(relPath, !get().expanded.includes(relPath)),
    collapseAll: () => set({ expanded: [] }, false, 'collapseAll'),
    setExpanded: (relPath, open) => {
      const rest = get().expanded.filter((p) => p !== relPath);
      set({ expanded: open ? [...rest, relPath] : rest }, false, open ? 'expand' : 'collapse');
    },
    select: (selected) => set({ selected }, false, 'select'),
    reveal: (relPath) => {
      const expanded = new Set([...get().expanded, ...ancestorsOf(relPath)]);
      set({ expanded: [...expanded], selected: relPath }, false, 'reveal');
    },
    createFile: async (dir, name) => {
      const relPath = joinPath(dir, name.trim());
      await call('files.write', { ...pid(), relPath, text: '', etag: null });
      await afterChange(relPath);
      return relPath;
    },
    createDir: async (dir, name) => {
      const { relPath } = await call('files.createDir', { ...pid(), relPath: joinPath(dir, name.trim()) });
      await afterChange(relPath);
      return relPath;
    },
    rename: async (from, newName) => {
      const to = joinPath(from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '', newName.trim());
      if (to === from) return from;
      const { relPath } = await call('files.rename', { ...pid(), from, to });
      useEditorStore.getState().renamed(from, relPath);
      await afterChange(relPath);
      return relPath;
    },
    move: async (from, toDir) => {
      const to = joinPath(toDir, baseName(from));
      if (to === from) return from;
      const { relPath } = await call('files.rename', { ...pid(), from, to });
      useEditorStore.getState().renamed(from, relPath);
      await afterChange(relPath);
      return relPath;
    },
    remove: async (relPath) => {
      await call('files.delete', { ...pid(), relPath });
      useEditorStore.getState().deleted(relPath);
      // Keep a selection, so the keyboard user can go on from where the deleted entry was.
      if (get().selected === relPath) set({ selected: parentOf(relPath) || null }, false, 'selectParent');
      await afterChange();
    },
    /** Without overwrite, an existing name is a CONFLICT the caller asks about. */
    upload: async (dir, files, overwrite) => {
      const written: string[] = [];
      for (const f of files) {
        const relPath = joinPath(dir, f.name);
        await call('files.write', { ...pid(), relPath, base64: f.base64, ...(overwrite ? {} : { etag: null }) });
        written.push(relPath);
      }
      await afterChange(written[0]);
      return written;
    },
  };
});
