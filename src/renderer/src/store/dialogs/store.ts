import { createStore } from '../create-store';
import { advance, enqueue, type DialogQueue } from './queue';

export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly primary?: boolean;
  readonly danger?: boolean;
}

export type DialogSpec =
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; danger?: boolean }
  | { kind: 'prompt'; title: string; label: string; initial?: string; confirmLabel: string; validate?: (v: string) => string | null; selectStem?: boolean }
  | { kind: 'choice'; title: string; message: string; choices: readonly Choice[] }
  | { kind: 'folder'; title: string };

export interface PendingDialog {
  readonly id: number;
  readonly spec: DialogSpec;
  readonly resolve: (value: unknown) => void;
}

interface DialogsAction {
  ask(spec: DialogSpec): Promise<unknown>;
  settle(value: unknown): void;
}

let nextId = 1;

export const useDialogsStore = createStore<DialogQueue<PendingDialog> & DialogsAction>('dialogs', (set, get) => ({
  current: null,
  waiting: [],
  ask: (spec) =>
    new Promise((resolve) => {
      set(enqueue(get(), { id: nextId++, spec, resolve }), false, 'ask');
    }),
  settle: (value) => {
    const { current } = get();
    set(advance(get()), false, 'settle');
    current?.resolve(value);
  },
}));

type Spec<K extends DialogSpec['kind']> = Omit<Extract<DialogSpec, { kind: K }>, 'kind'>;
const ask = (spec: DialogSpec) => useDialogsStore.getState().ask(spec);

/** Resolves true only when the user confirms; Esc and Cancel resolve false. */
export const confirmDialog = (s: Spec<'confirm'>) => ask({ kind: 'confirm', ...s }) as Promise<boolean>;
/** Resolves the entered text, or null when dismissed. */
export const promptDialog = (s: Spec<'prompt'>) => ask({ kind: 'prompt', ...s }) as Promise<string | null>;
/** Resolves the chosen id, or 'cancel' when dismissed. */
export const choiceDialog = (s: Spec<'choice'>) => ask({ kind: 'choice', ...s }) as Promise<string>;
/** Resolves an absolute folder path, or null. */
export const folderDialog = (s: Spec<'folder'>) => ask({ kind: 'folder', ...s }) as Promise<string | null>;
