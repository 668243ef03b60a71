import type { ProjectSummary } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { toastInfo } from '../app/store';
import { createStore } from '../create-store';
import type { ProjectSort } from './visible-projects';

/** Opening or cloning a repository without any .gitignore writes the recommended one: say so. */
export function noteGitignoreAdded(project: ProjectSummary): void {
  if (project.gitignoreAdded) toastInfo(`Added a .gitignore to ${project.label || project.name} for virtual environments, Python caches and user data.`);
}

interface ProjectsState {
  projects: ProjectSummary[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  query: string;
  sort: ProjectSort;
}

interface ProjectsAction {
  load(): Promise<void>;
  open(absPath: string): Promise<ProjectSummary>;
  remove(projectId: string): Promise<{ removed: string }>;
  /** Workspace trust: lets the project's code run from now on (remembered for its folder). */
  trust(projectId: string): Promise<ProjectSummary>;
  setQuery(query: string): void;
  setSort(sort: ProjectSort): void;
}

export const useProjectsStore = createStore<ProjectsState & ProjectsAction>('projects', (set, get) => ({
  projects: [],
  loaded: false,
  loading: false,
  error: null,
  query: '',
  sort: 'label',
  load: async () => {
    set({ loading: true }, false, 'load/start');
    try {
      set({ projects: await call('projects.list', {}), error: null, loaded: true }, false, 'load/done');
    } catch (e) {
      set({ error: (e as Error).message, loaded: true }, false, 'load/failed');
    } finally {
      set({ loading: false }, false, 'load/end');
    }
  },
  open: async (absPath) => {
    const project = await call('projects.open', { path: absPath });
    noteGitignoreAdded(project);
    set({ projects: [...get().projects.filter((p) => p.id !== project.id), project] }, false, 'open');
    return project;
  },
  remove: async (projectId) => {
    const result = await call('projects.delete', { projectId });
    set({ projects: get().projects.filter((p) => p.id !== projectId) }, false, 'remove');
    return result;
  },
  trust: async (projectId) => {
    const project = await call('projects.trust', { projectId });
    set({ projects: get().projects.map((p) => (p.id === projectId ? project : p)) }, false, 'trust');
    return project;
  },
  setQuery: (query) => set({ query }, false, 'setQuery'),
  setSort: (sort) => set({ sort }, false, 'setSort'),
}));
