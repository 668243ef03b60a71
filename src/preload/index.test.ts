/* eslint-disable no-restricted-imports -- the test runs in Node with Electron mocked; the bundle test at the end
   proves the preload itself pulls in only electron, src/preload and src/shared. */
import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../main/electron/__mocks__/electron'));
import { contextBridge, ipcRenderer, makeEvent } from '../main/electron/__mocks__/electron';
import { DESKTOP_EVENTS } from '../main/electron/desktop-events';
import { EVENTS } from '../shared/ipc/channels';

type Bridge = { invoke(c: string, r: unknown): Promise<unknown>; on(e: string, fn: (p: unknown) => void): () => void; platform: string };
let bridge: Bridge;

beforeAll(async () => {
  await import('./index');
  bridge = contextBridge.exposed.get('fsoar') as Bridge;
});

describe('preload bridge', () => {
  it("exposes one object, 'fsoar', with plain invoke/on functions and a platform string only", () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['fsoar']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'platform']);
    for (const key of Object.keys(bridge)) expect(Object.getOwnPropertyDescriptor(bridge, key)?.get, key).toBeUndefined();
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(bridge.platform).toBe(process.platform);
  });

  it('forwards an allow-listed channel to ipcRenderer.invoke', async () => {
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { channel: 'app.info', req: {} } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app.info', {});
  });

  it('rejects a channel that is not in the contract, without touching IPC', async () => {
    ipcRenderer.invoke.mockClear();
    for (const channel of ['shell.openExternal', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString']) {
      await expect(bridge.invoke(channel, {}), channel).rejects.toThrow(/blocked/);
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the payload of an allowed event, and unsubscribes', () => {
    const fn = vi.fn();
    const off = bridge.on('files.changed', fn);
    ipcRenderer.emit('files.changed', makeEvent({ sender: ipcRenderer }), { projectId: 'p', relPaths: ['a.py'] });
    expect(fn).toHaveBeenCalledWith({ projectId: 'p', relPaths: ['a.py'] });
    expect(fn.mock.calls[0]).toHaveLength(1);
    off();
    ipcRenderer.emit('files.changed', makeEvent(), { projectId: 'p', relPaths: [] });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('files.changed')).toBe(0);
  });

  it('refuses to listen to an event that is not in the list', () => {
    for (const event of ['ELECTRON_RENDERER_WINDOW_OPEN', 'app.info', '__proto__']) {
      expect(() => bridge.on(event, () => {}), event).toThrow(/blocked/);
    }
    expect(ipcRenderer.listenerCount('ELECTRON_RENDERER_WINDOW_OPEN')).toBe(0);
  });

  it("allows every contract event and the shell's desktop events", () => {
    for (const event of [...EVENTS, ...DESKTOP_EVENTS]) bridge.on(event, () => {})();
  });
});

describe('preload bundle', () => {
  it('pulls in only electron, src/preload and src/shared (it runs sandboxed)', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const out = await build({ entryPoints: [path.join(__dirname, 'index.ts')], bundle: true, write: false, platform: 'node', format: 'cjs', external: ['electron'], metafile: true, logLevel: 'silent', absWorkingDir: root });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((f) => !/^src\/(preload|shared)\//.test(f))).toEqual([]);
    const requires = [...out.outputFiles[0].text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
  });
});
