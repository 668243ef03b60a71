import type { Channel, EventName, Events, Req, Res } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import type { ConnectionStatus, FsoarBridge, Transport } from './transport';

/** Desktop: the preload bridge; IPC inside one process tree never "disconnects". */
export function createIpcTransport(bridge: FsoarBridge): Transport {
  return {
    kind: 'ipc',
    invoke: <C extends Channel>(channel: C, req: Req<C>) => bridge.invoke(channel, req) as Promise<Result<Res<C>>>,
    on: <E extends EventName>(event: E, fn: (payload: Events[E]) => void) => bridge.on(event, (p) => fn(p as Events[E])),
    onStatus: (fn: (s: ConnectionStatus) => void) => {
      fn('open');
      return () => undefined;
    },
  };
}
