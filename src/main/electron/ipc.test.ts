import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { CHANNELS } from '../../shared/ipc/channels';
import { BrowserWindow, ipcMain, mockControl } from './__mocks__/electron';
import { forwardServiceEvents, isTrustedSender, registerIpcHandlers } from './ipc';
import { makeTempServices, type TempServices } from './test-support';

let t: TempServices;
beforeAll(async () => {
  t = await makeTempServices();
});
afterAll(() => t.cleanup());
beforeEach(() => mockControl.reset());

/** What ipcRenderer.invoke from a frame showing `url` would get back. */
const invokeFrom = (url: string | null, channel: string, raw: unknown = {}) =>
  ipcMain.handlers.get(channel)!({ senderFrame: url === null ? null : { url }, sender: {} }, raw);

describe('IPC handlers', () => {
  it('registers exactly one handler per contract channel', () => {
    registerIpcHandlers(t.services);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('passes requests from the app:// renderer to the real services', async () => {
    registerIpcHandlers(t.services);
    const r = await invokeFrom('app://renderer/index.html', 'app.info');
    expect(r).toMatchObject({ ok: true, value: { mode: 'desktop', userDataDir: t.userDataDir, workspaceRoot: t.workspace } });
  });

  it('answers FORBIDDEN, without calling the service, to file://, https:// and frameless senders', async () => {
    registerIpcHandlers(t.services);
    for (const url of ['file:///work/main/out/renderer/index.html', 'https://evil.example/', 'http://127.0.0.1:5173/', 'app://elsewhere/x', null]) {
      const r = await invokeFrom(url, 'app.info');
      expect(r, String(url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('still validates trusted requests through the router (Result, never a throw)', async () => {
    registerIpcHandlers(t.services);
    const r = await invokeFrom('app://renderer/index.html', 'files.read', { projectId: 42 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('can be unregistered (for a clean quit)', () => {
    const unregister = registerIpcHandlers(t.services);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('isTrustedSender checks the frame URL', () => {
    expect(isTrustedSender({ url: 'app://renderer/assets/editor.worker.js' })).toBe(true);
    expect(isTrustedSender({ url: '' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('service events', () => {
  it('reach every open window with the event name and payload, until unsubscribed', () => {
    const a = new BrowserWindow({});
    const b = new BrowserWindow({});
    const closed = new BrowserWindow({});
    closed.close();
    const stop = forwardServiceEvents(t.services);
    t.services.events.emit('projects.changed', { reason: 'test' });
    for (const w of [a, b]) expect(w.webContents.send).toHaveBeenCalledWith('projects.changed', { reason: 'test' });
    expect(closed.webContents.send).not.toHaveBeenCalled();
    stop();
    t.services.events.emit('projects.changed', { reason: 'after' });
    expect(a.webContents.send).toHaveBeenCalledTimes(1);
  });
});
