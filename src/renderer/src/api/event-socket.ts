import { parseJsonOrUndefined } from '../../../shared/parse-json';
import type { ConnectionStatus } from './transport';

const MAX_DELAY_MS = 4000;

/** A WebSocket that reconnects with backoff and reports whether the host is reachable. */
export function createEventSocket(url: URL) {
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  let attempt = 0;
  let ws: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const setStatus = (s: ConnectionStatus) => {
    if (s === status) return;
    status = s;
    statusListeners.forEach((fn) => fn(s));
  };

  function connect() {
    retry = null;
    ws = new WebSocket(url);
    ws.onmessage = (m) => handle(String(m.data));
    ws.onclose = () => scheduleReconnect();
  }

  function handle(text: string) {
    const msg = safeParse(text);
    if (msg?.type === 'hello') {
      attempt = 0;
      setStatus('open');
    } else if (msg?.type === 'event' && typeof msg.name === 'string') {
      listeners.get(msg.name)?.forEach((fn) => fn(msg.payload));
    }
  }

  function scheduleReconnect() {
    ws = null;
    setStatus('reconnecting');
    if (retry) return;
    const delay = Math.min(MAX_DELAY_MS, 250 * 2 ** attempt++);
    retry = setTimeout(connect, delay);
  }

  connect();
  return {
    on(event: string, fn: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(fn);
      listeners.set(event, set);
      return () => void set.delete(fn);
    },
    onStatus(fn: (s: ConnectionStatus) => void) {
      statusListeners.add(fn);
      fn(status);
      return () => void statusListeners.delete(fn);
    },
    /** A failed fetch is a stronger signal than a quiet socket: show the banner at once. */
    markDown() {
      if (status === 'open') setStatus('reconnecting');
      if (ws?.readyState === WebSocket.OPEN) ws.close();
    },
  };
}

function safeParse(text: string): { type?: string; name?: unknown; payload?: unknown } | null {
  return (parseJsonOrUndefined(text) as { type?: string; name?: unknown; payload?: unknown } | null | undefined) ?? null;
}
