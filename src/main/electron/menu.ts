import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './desktop-events';

export interface MenuActions {
  /** Sends a command to the focused window; the renderer runs it (it owns editors, theme and palette). */
  send(command: MenuCommand): void;
  openFolder(): void;
  newWindow(): void;
}

// Accelerators are shown but not registered with the OS on Windows/Linux: the renderer binds the same keys
// itself (it also runs in a browser), and registering them here would run each command twice.
const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });

export function menuTemplate(actions: MenuActions, opts: { platform: NodeJS.Platform; isPackaged: boolean }): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? shown(accelerator) : {}),
    click: () => actions.send(command),
  });
  const isMac = opts.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      { label: 'Open Folder...', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { type: 'separator' },
      cmd('Save', 'file.save', 'CmdOrCtrl+S'),
      cmd('Save All', 'file.saveAll', 'CmdOrCtrl+Alt+S'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      cmd('Command Palette', 'view.commandPalette', 'CmdOrCtrl+Shift+P'),
      cmd('Toggle Theme', 'view.toggleTheme'),
      cmd('Full-screen Editor', 'view.fullScreenEditor'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      ...(opts.isPackaged ? [] : ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [cmd('Open Logs Folder', 'help.openLogsFolder'), cmd('Export Diagnostics...', 'help.exportDiagnostics')],
  };
  // The Edit menu carries the roles that make copy/paste/undo work in text fields on macOS.
  return [...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}

export function installAppMenu(actions: MenuActions, opts: { platform: NodeJS.Platform; isPackaged: boolean }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, opts)));
}
