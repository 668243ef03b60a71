import { create, type StateCreator } from 'zustand';
import { devtools } from 'zustand/middleware';

/** Every domain store is built the same way: named devtools actions in development, nothing extra in production. */
export function createStore<T>(name: string, init: StateCreator<T, [['zustand/devtools', never]], []>) {
  return create<T>()(devtools(init, { name, enabled: import.meta.env?.DEV ?? false }));
}
