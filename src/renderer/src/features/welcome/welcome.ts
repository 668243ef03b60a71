import { useAppStore, type SidebarView } from '../../store/app/store';
import { connectorPaths } from '../../store/connector/project';
import { useEditorStore } from '../../store/editor/store';
import { openPage } from '../editor/page-tabs';
import { GettingStarted } from './GettingStarted';
import { KeyboardShortcuts } from './KeyboardShortcuts';

export const GETTING_STARTED = { title: 'Getting Started', render: GettingStarted };
export const KEYBOARD_SHORTCUTS = { title: 'Keyboard Shortcuts', render: KeyboardShortcuts };

export const openGettingStarted = () => openPage(GETTING_STARTED);
export const openKeyboardShortcuts = () => openPage(KEYBOARD_SHORTCUTS);

/**
 * A project that opens with no tabs to restore (new, or never opened here) shows what to do next, as VS Code's
 * walkthroughs do: Getting Started in front, info.json's form behind it, the Explorer beside them. A project with
 * tabs from last time gets those back instead. Whatever the user opens or shows meanwhile stays in front: this
 * runs after the tree is on screen, and a click there must not be undone by it.
 */
export async function showWhatNext(sidebarAtOpen: SidebarView): Promise<void> {
  const editor = useEditorStore.getState();
  if (editor.tabs.length > 0) return;
  if (useAppStore.getState().sidebar === sidebarAtOpen) useAppStore.getState().showSidebar('explorer');
  const paths = connectorPaths();
  openGettingStarted();
  // info.json waits behind the page without taking the front, so a file the user opens while it loads (info.json
  // itself included) stays in front.
  if (paths) await editor.openFile(paths.infoRel, undefined, { background: true });
}
