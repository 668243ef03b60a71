import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { BrowserWindow, mockControl } from './__mocks__/electron';
import { createMainWindow, focusWindow, secureWebPreferences, targetWindow } from './window';

beforeEach(() => mockControl.reset());

describe('secure windows', () => {
  it('isolates the renderer: contextIsolation, sandbox, no Node, no webview, no spellcheck', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs' });
    const prefs = BrowserWindow.instances[0].options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(secureWebPreferences('/p')).toEqual({ ...prefs, preload: '/p' });
  });

  it('loads the renderer from app:// (not file://) and shows only when ready', () => {
    const win = createMainWindow({ preloadPath: '/p' }) as unknown as BrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('allows several windows and targets the focused one, else the newest', () => {
    const a = createMainWindow({ preloadPath: '/p' }) as unknown as BrowserWindow;
    const b = createMainWindow({ preloadPath: '/p' }) as unknown as BrowserWindow;
    expect(BrowserWindow.getAllWindows()).toHaveLength(2);
    expect(targetWindow()).toBe(b);
    a.minimized = true;
    focusWindow(a as never);
    expect(a.restore).toHaveBeenCalled();
    expect(targetWindow()).toBe(a);
  });
});
