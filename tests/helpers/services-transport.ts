import type { Services } from '../../src/main/services/index';
import { dispatch } from '../../src/main/services/router';
import type { Channel, EventName, Events, Req, Res } from '../../src/shared/ipc/contract';
import type { Result } from '../../src/shared/result';

/**
 * The renderer's Transport (src/renderer/src/api/transport.ts) over real services in this process: what the
 * browser host does, less HTTP. Renderer store tests hand it to initTransport(), so a save meets the real file
 * service (etags, conflicts, atomic writes) and the real router (validation, project access).
 */
export function servicesTransport(services: Services) {
  return {
    kind: 'http' as const,
    invoke: <C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> => dispatch(services, channel, req),
    on: <E extends EventName>(event: E, fn: (payload: Events[E]) => void): (() => void) =>
      services.events.subscribe((name: EventName, payload: unknown) => {
        if (name === event) fn(payload as Events[E]);
      }),
    onStatus: (): (() => void) => () => undefined,
  };
}
