import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { CHANNELS } from '../../shared/ipc/channels';
import { BrowserWindow, Menu, app, dialog, ipcMain, makeEvent, mockControl, protocol } from './__mocks__/electron';
import { runDesktopApp, shellPaths, type DesktopApp } from './lifecycle';
import { makeConnectorDir } from './test-support';

let tmp: string;
let desktop: DesktopApp | null = null;
const argv = process.argv;

beforeEach(async () => {
  mockControl.reset();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-lifecycle-'));
  await mkdir(path.join(tmp, 'resources'));
});
afterEach(async () => {
  process.argv = argv;
  await desktop?.services.dispose();
  desktop = null;
  await rm(tmp, { recursive: true, force: true });
});

async function start(extraArgs: string[] = []) {
  process.argv = ['/usr/bin/electron', 'out/main/electron/index.cjs', '--workspace', path.join(tmp, 'ws'), ...extraArgs];
  const running = runDesktopApp({ FSOAR_USER_DATA_DIR: path.join(tmp, 'user-data') }, { preloadPath: '/app/out/preload/index.cjs', resourcesDir: path.join(tmp, 'resources'), rendererDir: path.join(tmp, 'renderer') });
  return running;
}
const sentTo = (w: BrowserWindow, channel: string) => w.webContents.sent.filter((s) => s.channel === channel).map((s) => s.args[0]);
/** Resolves at the window's next message on `channel`; the shell sends it after awaiting the services. */
const nextSent = (w: BrowserWindow, channel: string) =>
  new Promise<void>((resolve) => {
    const heard = (c: string) => {
      if (c !== channel) return;
      w.webContents.off('mock:sent', heard);
      resolve();
    };
    w.webContents.on('mock:sent', heard);
  });

describe('desktop lifecycle', () => {
  it('sets userData from FSOAR_USER_DATA_DIR and registers app:// before ready, then wires everything', async () => {
    const running = start();
    expect(app.setPath).toHaveBeenCalledWith('userData', path.join(tmp, 'user-data'));
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('js-flags', '--liftoff-only --wasm-lazy-compilation');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(protocol.handle).not.toHaveBeenCalled();
    mockControl.markReady();
    desktop = (await running)!;

    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    const [win] = BrowserWindow.instances;
    expect(win.options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', sandbox: true, contextIsolation: true });
    expect(win.loadURL).toHaveBeenCalledWith('app://renderer/index.html');

    const info = await ipcMain.handlers.get('app.info')!({ senderFrame: { url: 'app://renderer/index.html' } }, {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'desktop', workspaceRoot: path.join(tmp, 'ws'), userDataDir: path.join(tmp, 'user-data') } });

    const quit = makeEvent();
    const quitting = new Promise<void>((resolve) => app.quit.mockImplementationOnce(() => resolve()));
    app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled(); // waits for the services to stop, then quits for real
    expect(ipcMain.handlers.size).toBe(0);
    await quitting;
    expect(app.quit).toHaveBeenCalled();
    desktop = null;
  });

  it('quits at once when another instance holds the lock', async () => {
    mockControl.setSingleInstanceLock(false);
    await expect(start()).resolves.toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it("focuses the running window and opens the second launch's folder as a project", async () => {
    const running = start();
    mockControl.markReady();
    desktop = (await running)!;
    const project = await makeConnectorDir(tmp, 'second');
    const [win] = BrowserWindow.instances;
    win.minimized = true;

    const opened = nextSent(win, 'app.openRequested');
    app.emit('second-instance', makeEvent(), ['/usr/bin/electron', '.'], '/', { args: [path.basename(project)], cwd: tmp });
    await opened;
    expect(sentTo(win, 'app.openRequested')).toHaveLength(1);

    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    const [payload] = sentTo(win, 'app.openRequested') as Array<{ path: string; kind: string; projectId: string }>;
    expect(payload).toMatchObject({ path: project, kind: 'folder' });
    const projects = await desktop.services.projects.list();
    expect(projects.find((p) => p.id === payload.projectId)?.root).toBe(project);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('menu: Open Folder... goes through the native dialog to projects.open; Save goes to the focused window', async () => {
    const running = start();
    mockControl.markReady();
    desktop = (await running)!;
    const project = await makeConnectorDir(tmp, 'picked');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [project] });
    const [win] = BrowserWindow.instances;
    win.focus();
    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const file = (Menu.current!.template as Item[]).find((i) => i.label === '&File')!.submenu!;
    const opened = nextSent(win, 'app.openRequested');
    file.find((i) => i.label === 'Open Folder...')!.click!();
    await opened;
    expect(sentTo(win, 'app.openRequested')).toHaveLength(1);
    expect(sentTo(win, 'app.openRequested')[0]).toMatchObject({ path: project, kind: 'folder', projectId: expect.any(String) });
    file.find((i) => i.label === 'Save')!.click!();
    expect(sentTo(win, 'menu.command')).toEqual([{ command: 'file.save' }]);
  });
});

describe('paths', () => {
  it('packaged: renderer and preload inside the app archive, resources from process.resourcesPath', () => {
    mockControl.setPackaged(true);
    app.getAppPath.mockReturnValueOnce('/opt/cs/resources/app.asar');
    const saved = (process as { resourcesPath?: string }).resourcesPath;
    (process as { resourcesPath?: string }).resourcesPath = '/opt/cs/resources';
    try {
      expect(shellPaths()).toEqual({
        rendererDir: path.join('/opt/cs/resources/app.asar', 'out', 'renderer'),
        preloadPath: path.join('/opt/cs/resources/app.asar', 'out', 'preload', 'index.cjs'),
        resourcesDir: path.join('/opt/cs/resources', 'resources'),
      });
    } finally {
      (process as { resourcesPath?: string }).resourcesPath = saved;
    }
  });

  it('unpackaged: the repository root (found from this file) holds out/ and resources/', () => {
    const repo = path.resolve(__dirname, '..', '..', '..');
    expect(shellPaths()).toEqual({
      rendererDir: path.join(repo, 'out', 'renderer'),
      preloadPath: path.join(repo, 'out', 'preload', 'index.cjs'),
      resourcesDir: path.join(repo, 'resources'),
    });
  });
});
