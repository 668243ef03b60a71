import { DEBUG_CONSOLE_TAB } from '../../store/bottom-panel/store';
import { registerBottomPanelTab } from '../bottom-panel/registry';
import { DebugConsole, DebugConsoleActions } from './DebugConsole';
import './debug.css';

let registered = false;

/** The Debug Console takes the bottom panel's placeholder tab (wire-window.ts calls this after the panel's own). */
export function registerDebugConsole(): void {
  if (registered) return;
  registered = true;
  registerBottomPanelTab({ id: DEBUG_CONSOLE_TAB, title: 'Debug Console', order: 30, render: DebugConsole, actions: DebugConsoleActions });
}
