import { useAppStore } from '../../store/app/store';
import { useCloneStore } from '../../store/git/clone-store';
import { useGitStore } from '../../store/git/store';
import type { GitTab } from '../../store/git/types';
import type { Command } from '../../store/palette/commands';
import { useProjectsStore } from '../../store/projects/store';
import { newBranch, newTag, pull, push } from './git-actions';

// Palette entries for git; wire-window.ts registers them with the others.

const showTab = (tab: GitTab) => {
  useAppStore.getState().showSidebar('git');
  useGitStore.getState().setTab(tab);
};
const version = () => useProjectsStore.getState().projects.find((p) => p.id === useAppStore.getState().projectId)?.version;

export const GIT_COMMANDS: readonly Command[] = [
  { id: 'git.clone', category: 'Git', title: 'Clone Repository…', run: () => useCloneStore.getState().show() },
  { id: 'git.history', category: 'Git', title: 'Show History', inProjectOnly: true, run: () => showTab('history') },
  { id: 'git.branches', category: 'Git', title: 'Show Branches and Tags', inProjectOnly: true, run: () => showTab('branches') },
  { id: 'git.remotes', category: 'Git', title: 'Show Remotes', inProjectOnly: true, run: () => showTab('remotes') },
  { id: 'git.createBranch', category: 'Git', title: 'Create Branch…', inProjectOnly: true, run: () => newBranch() },
  { id: 'git.createTag', category: 'Git', title: 'Create Tag…', inProjectOnly: true, run: () => newTag(version()) },
  { id: 'git.fetch', category: 'Git', title: 'Fetch', inProjectOnly: true, run: () => (showTab('remotes'), useGitStore.getState().fetch()) },
  { id: 'git.pull', category: 'Git', title: 'Pull', inProjectOnly: true, run: () => (showTab('remotes'), pull()) },
  { id: 'git.push', category: 'Git', title: 'Push', inProjectOnly: true, run: () => (showTab('remotes'), push()) },
  { id: 'versions.compare', category: 'Versions', title: 'Compatibility Report (against the last version tag)', inProjectOnly: true, run: () => useGitStore.getState().openCompat() },
];
