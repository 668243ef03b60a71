import type { EventName, Events } from '../../shared/ipc/contract';

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** Pushes from services to whichever doors are listening (IPC windows, WebSocket clients). */
export interface EventBus {
  /** Hands the event to every listener, in the order they subscribed. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(name: E, payload: Events[E]) {
      for (const l of listeners) l(name, payload);
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
