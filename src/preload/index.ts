// The only door from the renderer to the main process. Bundled (CJS) and run in a sandboxed preload, so it imports
// electron and src/shared only. It hands the page plain functions over an allow-list, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../shared/ipc/channels';

// Desktop-only events (src/main/electron/desktop-events.ts). Remove once they are in the shared contract's EVENTS.
const isAllowedEvent = (e: string) => isEventName(e);

type Ipc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export interface FsoarBridge {
  invoke(channel: string, req: unknown): Promise<unknown>;
  on(event: string, fn: (payload: unknown) => void): () => void;
  readonly platform: string;
}

export function createBridge(ipc: Ipc, platform: string): FsoarBridge {
  return {
    invoke: (channel, req) =>
      typeof channel === 'string' && isChannel(channel)
        ? ipc.invoke(channel, req)
        : Promise.reject(new Error(`Connector Studio blocked a request on the unknown channel "${String(channel)}".`)),
    on: (event, fn) => {
      if (typeof event !== 'string' || !isAllowedEvent(event)) throw new Error(`Connector Studio blocked a listener for the unknown event "${String(event)}".`);
      if (typeof fn !== 'function') throw new Error('on() needs a listener function.');
      // Never hand the IpcRendererEvent (and its `sender`) to the page.
      const listener = (_e: IpcRendererEvent, payload: unknown) => fn(payload);
      ipc.on(event, listener);
      return () => void ipc.removeListener(event, listener);
    },
    platform,
  };
}

contextBridge.exposeInMainWorld('fsoar', createBridge(ipcRenderer, process.platform));
