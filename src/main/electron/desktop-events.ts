import type { BrowserWindow } from 'electron';

/**
 * Events that only the desktop shell sends (menus, the OS asking to open a file). They belong in
 * src/shared/ipc/contract.ts `Events` and channels.ts `eventMap`; until they are added there, this local
 * typed list stands in, and the preload allows the same names (src/preload/index.ts keeps a copy).
 */
export type MenuCommand =
  | 'file.save'
  | 'file.saveAll'
  | 'view.toggleTheme'
  | 'view.fullScreenEditor'
  | 'view.commandPalette'
  | 'help.openLogsFolder'
  | 'help.exportDiagnostics';

export interface DesktopEvents {
  'menu.command': { command: MenuCommand };
  /** A folder or .tgz to open: from Open Folder..., a second launch, or the OS (file association). Folders are
   * already registered through projects.open, so `projectId` is set; a package is left to the renderer. */
  'app.openRequested': { path: string; kind: 'folder' | 'package'; projectId?: string; error?: string };
}
export type DesktopEventName = keyof DesktopEvents;
export const DESKTOP_EVENTS: readonly DesktopEventName[] = ['menu.command', 'app.openRequested'];

export function sendDesktopEvent<E extends DesktopEventName>(win: BrowserWindow | null | undefined, name: E, payload: DesktopEvents[E]): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  win.webContents.send(name, payload);
  return true;
}
