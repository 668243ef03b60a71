import type { Channel, EventName, Events, Req, Res } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';

/** 'reconnecting' means requests cannot reach the services right now; the UI shows a banner. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

/** The one door the renderer uses; IPC on desktop, HTTP + WebSocket in browser mode. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>;
  on<E extends EventName>(event: E, fn: (payload: Events[E]) => void): () => void;
  onStatus(fn: (status: ConnectionStatus) => void): () => void;
}

/** What the desktop preload exposes on window.fsoar. */
export interface FsoarBridge {
  invoke(channel: string, req: unknown): Promise<unknown>;
  on(event: string, fn: (payload: unknown) => void): () => void;
  readonly platform: string;
}

declare global {
  interface Window {
    fsoar?: FsoarBridge;
  }
}
