import { DEBUG_CONSOLE_TAB, OUTPUT_TAB, useBottomPanelStore } from '../../store/bottom-panel/store';
import type { Command } from '../../store/palette/commands';
import { tabDomId } from './registry';

/** After a command shows a tab, the keyboard is on it (as VS Code focuses the panel it opens). */
function focusTab(id: string) {
  requestAnimationFrame(() => document.getElementById(tabDomId(id))?.focus());
}

/** Opens the panel on a tab, keyboard included. */
export function showPanelTab(id: string) {
  useBottomPanelStore.getState().show(id);
  focusTab(id);
}

function togglePanel() {
  const panel = useBottomPanelStore.getState();
  panel.toggle();
  if (!panel.open) focusTab(panel.active);
}

/** VS Code's keys: Ctrl/Cmd+J toggles the panel, Ctrl/Cmd+Shift+U shows Output, Ctrl/Cmd+Shift+Y the Debug Console. */
export const PANEL_COMMANDS: readonly Command[] = [
  { id: 'view.panel', category: 'View', title: 'Toggle Panel', shortcut: 'Mod+J', inProjectOnly: true, run: togglePanel },
  { id: 'view.output', category: 'View', title: 'Show Output', shortcut: 'Mod+Shift+U', inProjectOnly: true, run: () => showPanelTab(OUTPUT_TAB) },
  { id: 'view.debugConsole', category: 'View', title: 'Show Debug Console', shortcut: 'Mod+Shift+Y', inProjectOnly: true, run: () => showPanelTab(DEBUG_CONSOLE_TAB) },
];
