import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_INDEX_URL } from './app-url';

/** The renderer gets no Node, no webview and its own JS world; everything it may do goes through the preload's
 * allow-listed bridge (STYLE.md B6, VS Code and GitHub Desktop defaults). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export interface WindowOptions {
  preloadPath: string;
  /** Defaults to the app:// index page. */
  url?: string;
}

/** One window per project is fine: every window talks to the same services, so nothing is per-window here. */
export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Connector Studio',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  // Showing before the first paint flashes a white window.
  win.once('ready-to-show', () => win.show());
  // A page that fails to load leaves the window blank: the reason goes to the main process's output.
  const url = opts.url ?? APP_INDEX_URL;
  win.loadURL(url).catch((e: unknown) => console.error(`Loading ${url} into the window failed`, e));
  return win;
}

export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Where menu commands and open requests go: the focused window, else the most recent one. */
export function targetWindow(): BrowserWindow | null {
  const all = BrowserWindow.getAllWindows();
  return BrowserWindow.getFocusedWindow() ?? all[all.length - 1] ?? null;
}
