import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Channel } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/result';
import type { Services } from '../services';
import { dispatch } from '../services/router';
import { isAppUrl } from './app-url';

/** Only frames showing our own app:// renderer may call services (GitHub Desktop's trusted-ipc-sender). A page that
 * somehow navigated elsewhere, an iframe of a foreign site or a file:// page gets FORBIDDEN. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined): boolean {
  return !!frame && isAppUrl(frame.url);
}

export function handleInvoke(services: Services, channel: Channel, event: Pick<IpcMainInvokeEvent, 'senderFrame'>, raw: unknown): Promise<Result<unknown>> {
  if (!isTrustedSender(event.senderFrame)) {
    services.log.warn(`Refused ${channel} from an untrusted frame (${event.senderFrame?.url ?? 'no frame'})`);
    return Promise.resolve(err('FORBIDDEN', `The request ${channel} came from a page that is not Connector Studio's own, so it was refused.`));
  }
  return dispatch(services, channel, raw);
}

/** One handler per contract channel, all through the same router as the HTTP and CLI doors. */
export function registerIpcHandlers(services: Services): () => void {
  for (const channel of CHANNELS) ipcMain.handle(channel, (event, raw) => handleInvoke(services, channel, event, raw));
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Service events go to every open window; each renderer filters by project id itself. */
export function forwardServiceEvents(services: Services): () => void {
  return services.events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(name, payload);
    }
  });
}
