import { call, onEvent } from '../../api/client';
import type { Events } from '../../../../shared/ipc/contract';
import { createStore } from '../create-store';

export type CredentialRequest = Events['git.credentialRequested'];

interface CredentialState {
  /** git may ask for a user name, then a password: one at a time, oldest first. */
  queue: CredentialRequest[];
}
interface CredentialAction {
  listen(): () => void;
  /** null cancels: git then fails with "authentication failed". */
  answer(value: string | null): Promise<void>;
}

/** git never prompts on a terminal: its credential questions come here, and the answers go back to it. */
export const useCredentialStore = createStore<CredentialState & CredentialAction>('git-credentials', (set, get) => ({
  queue: [],
  listen: () => onEvent('git.credentialRequested', (r) => set({ queue: [...get().queue, r] }, false, 'requested')),
  answer: async (value) => {
    const [first, ...rest] = get().queue;
    if (!first) return;
    set({ queue: rest }, false, 'answered');
    await call('git.answerCredential', { requestId: first.requestId, value });
  },
}));
