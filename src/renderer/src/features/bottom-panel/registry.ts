import { useSyncExternalStore, type ReactNode } from 'react';

/**
 * The bottom panel's tabs. Each feature registers its own (Problems, Output, the debugger's Debug Console), so the
 * panel knows no feature, as the palette's command registry does.
 */
export interface BottomPanelTab {
  /** Stable id: the panel remembers the active tab by it, and commands show a tab by it. */
  readonly id: string;
  readonly title: string;
  /** Tabs sort by it, lowest first; Problems is 10, Output 20, Debug Console 30. */
  readonly order: number;
  /** The tab's content. Rendered as a function component (`<render />`), so it may call hooks; mounted while its
   * tab shows. */
  readonly render: () => ReactNode;
  /** Beside the title, e.g. Problems' count (a function component too; null for none). */
  readonly badge?: () => ReactNode;
  /** Buttons at the right of the tab bar while this tab shows (a function component too). */
  readonly actions?: () => ReactNode;
}

let tabs: readonly BottomPanelTab[] = [];
const listeners = new Set<() => void>();

const sorted = (list: readonly BottomPanelTab[]) => [...list].sort((a, b) => a.order - b.order);

/**
 * Adds a tab, or replaces the one with the same id (the debugger's Debug Console replaces the placeholder).
 * Returns what removes it again, putting back the tab it replaced.
 */
export function registerBottomPanelTab(tab: BottomPanelTab): () => void {
  const replaced = tabs.find((t) => t.id === tab.id);
  tabs = sorted([...tabs.filter((t) => t.id !== tab.id), tab]);
  listeners.forEach((l) => l());
  return () => {
    if (!tabs.includes(tab)) return;
    tabs = sorted([...tabs.filter((t) => t !== tab), ...(replaced ? [replaced] : [])]);
    listeners.forEach((l) => l());
  };
}

export const bottomPanelTabs = (): readonly BottomPanelTab[] => tabs;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The registered tabs, re-rendering when one is added or replaced. */
export const useBottomPanelTabs = (): readonly BottomPanelTab[] => useSyncExternalStore(subscribe, bottomPanelTabs);

/** The DOM id (and test id) of a tab's button: commands focus it. */
export const tabDomId = (id: string) => `bottom-tab-${id}`;
