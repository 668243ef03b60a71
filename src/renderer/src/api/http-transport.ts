import type { Channel, EventName, Events, Req, Res } from '../../../shared/ipc/contract';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { err, type Result } from '../../../shared/result';
import { createEventSocket } from './event-socket';
import type { ConnectionStatus, Transport } from './transport';

/** Browser mode: POST /rpc/<channel> for requests, one WebSocket for events. Auth rides on the session cookie. */
export function createHttpTransport(base: URL = new URL(window.location.href)): Transport {
  const socket = createEventSocket(new URL('ws', base));

  async function invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
    const body = JSON.stringify(req ?? {});
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(`rpc/${channel}`, base), { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body });
      text = await response.text();
    } catch (e) {
      // fetch fails with a TypeError when the host cannot be reached (or drops the answer half-way).
      if (!(e instanceof TypeError)) throw e;
      // Chromium's reason is in the network log only; the channel named here says which call met the drop.
      console.warn(`POST rpc/${channel} got no answer: ${e.message}`);
      socket.markDown();
      return err('UNAVAILABLE', 'Connector Studio is not reachable. Is it still running?');
    }
    if (response.status === 401) return err('FORBIDDEN', 'This window has no session any more. Run `connector-studio web` again and open the fresh address it prints (each address works once).');
    const result = parseJsonOrUndefined(text) as Result<Res<C>> | undefined;
    return result ?? err('INTERNAL', `Unexpected answer from Connector Studio (HTTP ${response.status}).`);
  }

  return {
    kind: 'http',
    invoke,
    on: <E extends EventName>(event: E, fn: (payload: Events[E]) => void) => socket.on(event, (p) => fn(p as Events[E])),
    onStatus: (fn: (s: ConnectionStatus) => void) => socket.onStatus(fn),
  };
}
