import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { Menu, mockControl } from './__mocks__/electron';
import { installAppMenu, menuTemplate, type MenuActions } from './menu';

type Item = MenuItemConstructorOptions;
const actions = (): MenuActions => ({ send: vi.fn(), openFolder: vi.fn(), newWindow: vi.fn() });
const submenu = (t: Item[], label: string) => (t.find((i) => i.label?.replace('&', '') === label || i.role === label)!.submenu as Item[]);
const item = (items: Item[], label: string) => items.find((i) => i.label === label)!;
const click = (i: Item) => (i.click as () => void)();

beforeEach(() => mockControl.reset());

describe('application menu', () => {
  it('File: Open Folder... runs the native dialog action; Save and Save All go to the renderer', () => {
    const a = actions();
    const file = submenu(menuTemplate(a, { platform: 'linux', isPackaged: true }), 'File');
    click(item(file, 'Open Folder...'));
    expect(a.openFolder).toHaveBeenCalled();
    click(item(file, 'Save'));
    click(item(file, 'Save All'));
    expect(a.send).toHaveBeenNthCalledWith(1, 'file.save');
    expect(a.send).toHaveBeenNthCalledWith(2, 'file.saveAll');
    click(item(file, 'New Window'));
    expect(a.newWindow).toHaveBeenCalled();
  });

  it('View and Help items send their commands', () => {
    const a = actions();
    const t = menuTemplate(a, { platform: 'linux', isPackaged: true });
    const view = submenu(t, 'View');
    const help = submenu(t, 'help');
    for (const [items, label, command] of [
      [view, 'Toggle Theme', 'view.toggleTheme'],
      [view, 'Full-screen Editor', 'view.fullScreenEditor'],
      [view, 'Command Palette', 'view.commandPalette'],
      [help, 'Open Logs Folder', 'help.openLogsFolder'],
      [help, 'Export Diagnostics...', 'help.exportDiagnostics'],
    ] as const) {
      click(item(items, label));
      expect(a.send).toHaveBeenLastCalledWith(command);
    }
  });

  it('shows renderer-owned shortcuts without registering them twice', () => {
    const file = submenu(menuTemplate(actions(), { platform: 'win32', isPackaged: true }), 'File');
    expect(item(file, 'Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
  });

  it('has the macOS app and Edit menus (copy/paste need them) and dev tools only unpackaged', () => {
    const mac = menuTemplate(actions(), { platform: 'darwin', isPackaged: true });
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(mac.some((i) => i.role === 'editMenu')).toBe(true);
    expect(JSON.stringify(mac)).not.toContain('toggleDevTools');
    expect(JSON.stringify(menuTemplate(actions(), { platform: 'linux', isPackaged: false }))).toContain('toggleDevTools');
  });

  it('installs itself as the application menu', () => {
    installAppMenu(actions(), { platform: 'linux', isPackaged: true });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(Menu.current?.template.length).toBeGreaterThan(3);
  });
});
