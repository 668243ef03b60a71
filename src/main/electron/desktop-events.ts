import type { BrowserWindow } from 'electron';

import type { Events, MenuCommand } from '../../shared/ipc/contract';

export type { MenuCommand };
/** Events that only the desktop shell sends (menus, the OS asking to open a file). */
export type DesktopEvents = Pick<Events, 'menu.command' | 'app.openRequested'>;
export type DesktopEventName = keyof DesktopEvents;
export const DESKTOP_EVENTS: readonly DesktopEventName[] = ['menu.command', 'app.openRequested'];

export function sendDesktopEvent<E extends DesktopEventName>(win: BrowserWindow | null | undefined, name: E, payload: DesktopEvents[E]): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  win.webContents.send(name, payload);
  return true;
}
