import type { Channel, EventName, Events, Req, Res } from '../../../shared/ipc/contract';
import { ApiError } from './api-error';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { ConnectionStatus, Transport } from './transport';

let transport: Transport | null = null;

/** Picks the door once: the preload bridge when it exists (desktop), otherwise HTTP (browser mode). */
export function initTransport(t?: Transport): Transport {
  transport = t ?? (window.fsoar ? createIpcTransport(window.fsoar) : createHttpTransport());
  return transport;
}

function current(): Transport {
  if (!transport) throw new Error('initTransport() must run before the first call.');
  return transport;
}

/** Calls a service; a failed Result becomes an ApiError with the service's code, message and details. */
export async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const result = await current().invoke(channel, req);
  if (result.ok) return result.value;
  throw new ApiError(channel, result.error);
}

export const onEvent = <E extends EventName>(event: E, fn: (payload: Events[E]) => void) => current().on(event, fn);
export const onConnection = (fn: (s: ConnectionStatus) => void) => current().onStatus(fn);
export const transportKind = () => current().kind;
