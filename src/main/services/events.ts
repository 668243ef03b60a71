import type { EventName, Events } from '../../shared/ipc/contract';

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** Pushes from services to whichever doors are listening (IPC windows, WebSocket clients). */
export function createEventBus() {
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

export type EventBus = ReturnType<typeof createEventBus>;
