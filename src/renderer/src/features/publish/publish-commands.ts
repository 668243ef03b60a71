import { useAppStore } from '../../store/app/store';
import type { Command } from '../../store/palette/commands';
import { useProfilesStore } from '../../store/publish/profiles-store';
import { usePublishStore } from '../../store/publish/publish-store';

// Palette entries for publishing; wire-window.ts registers them with the others.

export const PUBLISH_COMMANDS: readonly Command[] = [
  { id: 'publish.open', category: 'Publish', title: 'Publish to a Server…', inProjectOnly: true, run: () => usePublishStore.getState().show() },
  { id: 'publish.show', category: 'View', title: 'Show Publish', inProjectOnly: true, run: () => useAppStore.getState().showSidebar('publish') },
  { id: 'publish.addProfile', category: 'Publish', title: 'Add Server Profile…', run: () => useProfilesStore.getState().edit('new') },
  { id: 'publish.history', category: 'Publish', title: 'Show Publish History', inProjectOnly: true, run: () => useAppStore.getState().showSidebar('publish') },
];
