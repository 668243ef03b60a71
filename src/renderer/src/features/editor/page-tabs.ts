/** Tabs of the app's own beside the files (Getting Started, Keyboard Shortcuts, a git diff), as VS Code opens its
 * walkthroughs and the shortcuts editor: closable, reachable from the palette, never read from or written to disk.
 * A page is named `<page>/<Title>`: `<` cannot start a file name on Windows and hardly ever does elsewhere, so a
 * restored session that lists one finds no such file and simply does not reopen it. */
import type { ReactNode } from 'react';
import { useEditorStore } from '../../store/editor/store';
import { findTab, openTab, type Tab } from '../../store/editor/tabs';

const PREFIX = '<page>/';

export interface PageDef {
  /** The tab's label. */
  readonly title: string;
  /** Tells pages of one title apart (two diffs of one file); the title when absent. */
  readonly key?: string;
  render(): ReactNode;
  /** Runs when its tab closes (the diff page forgets its diff). */
  onClose?(): void;
}

const pages = new Map<string, PageDef>();

export const pagePath = (title: string) => PREFIX + title;
export const isPagePath = (relPath: string) => relPath.startsWith(PREFIX);
export const pageOf = (relPath: string): PageDef | undefined => pages.get(relPath);
/** A page tab's label: its title, or what its path says once its definition is gone. */
export const pageLabel = (relPath: string) => pages.get(relPath)?.title ?? relPath.slice(PREFIX.length);

/** Closes a page's tab as the × does. */
export const closePage = (relPath: string) => useEditorStore.getState().closeTab(relPath);

/** Opens (or brings to front) a page; `focus` off keeps the tab in the background behind the active one. */
export function openPage(def: PageDef, options: { activate?: boolean } = {}): string {
  const relPath = pagePath(def.key ?? def.title);
  pages.set(relPath, def);
  const state = useEditorStore.getState();
  if (!findTab(state, relPath)) {
    // Not read-only: a page is no file, and the status bar's "Read-only" would say it is one.
    const tab: Tab = { relPath, kind: 'page', language: '', etag: null, dirty: false, readOnly: false, backup: 'none' };
    const before = state.active;
    const next = openTab(state, tab);
    useEditorStore.setState(options.activate === false && before ? { ...next, active: before } : next, false);
  } else if (options.activate !== false) state.activate(relPath);
  return relPath;
}

/** Closing goes through the store like any tab (a page is never dirty); this runs the page's own clean-up too. */
export function pageClosed(relPath: string): void {
  const def = pages.get(relPath);
  if (!def) return;
  pages.delete(relPath);
  def.onClose?.();
}

/** Watches the tabs so a page's clean-up runs however its tab closed (×, Ctrl+Alt+W, Close All). */
export function watchPageTabs(): () => void {
  return useEditorStore.subscribe((s, prev) => {
    if (s.tabs === prev.tabs) return;
    for (const t of prev.tabs) if (t.kind === 'page' && !s.tabs.some((x) => x.relPath === t.relPath)) pageClosed(t.relPath);
  });
}
