import { create, type StateCreator } from 'zustand';
import { devtools } from 'zustand/middleware';

/** Every domain store is built the same way: named devtools actions in development, nothing extra in production. */
export function createStore<T>(name: string, init: StateCreator<T, [['zustand/devtools', never]], []>) {
  return create<T>()(devtools(init, { name, enabled: import.meta.env?.DEV ?? false }));
}

type BusySetter = (partial: { busy: boolean }, replace: false, action: string) => void;

/** Marks a store `busy` for the length of one piece of work, even when the work throws. */
export function busyRunner(set: BusySetter) {
  return async function busy<T>(name: string, work: () => Promise<T>): Promise<T> {
    set({ busy: true }, false, `${name}/start`);
    try {
      return await work();
    } finally {
      set({ busy: false }, false, `${name}/end`);
    }
  };
}
