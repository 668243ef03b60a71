import { useAppStore } from '../../store/app/store';
import type { Command } from '../../store/palette/commands';
import { useSearchStore } from '../../store/search/store';

const showSearch = (replace: boolean) => {
  useAppStore.getState().showSidebar('search');
  useSearchStore.getState().setShowReplace(replace || useSearchStore.getState().showReplace);
  useSearchStore.getState().requestFocus();
};

export const SEARCH_COMMANDS: readonly Command[] = [
  { id: 'search.find', category: 'Search', title: 'Find in Files', shortcut: 'Mod+Shift+F', inProjectOnly: true, run: () => showSearch(false) },
  { id: 'search.replace', category: 'Search', title: 'Replace in Files', shortcut: 'Mod+Shift+H', inProjectOnly: true, run: () => showSearch(true) },
];
