import { useAppStore } from '../../store/app/store';
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
 * walkthroughs do: info.json in the form, and Getting Started in front of it, with the Explorer beside them.
 * A project with tabs from last time gets those back instead.
 */
export async function showWhatNext(): Promise<void> {
  if (useEditorStore.getState().tabs.length > 0) return;
  useAppStore.getState().showSidebar('explorer');
  const paths = connectorPaths();
  // info.json opens beside its form (the default layout; a user who chose JSON only keeps that).
  if (paths) await useEditorStore.getState().openFile(paths.infoRel);
  openGettingStarted();
}
