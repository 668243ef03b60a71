import { randomUUID } from 'node:crypto';
import type { Empty } from '../../../shared/ipc/contract';
import type { EventBus } from '../events';
import type { AskCredential } from './askpass';

const ANSWER_TIMEOUT_MS = 120_000;

/** Carries git's credential prompts to the UI as events and its answers back through `git.answerCredential`. */
export interface CredentialBroker {
  /** Emits `git.credentialRequested` and waits for the answer; null when the user cancels or after 2 minutes. */
  ask: AskCredential;
  /** The UI's answer to one request (null: cancelled); an unknown or expired request id is ignored. */
  answer(requestId: string, value: string | null): Empty;
}

export function createCredentialBroker(events: EventBus): CredentialBroker {
  const pending = new Map<string, (value: string | null) => void>();

  const ask: AskCredential = (req) =>
    new Promise((resolve) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => settle(null), ANSWER_TIMEOUT_MS);
      const settle = (value: string | null) => {
        clearTimeout(timer);
        pending.delete(requestId);
        resolve(value);
      };
      pending.set(requestId, settle);
      events.emit('git.credentialRequested', { requestId, url: req.url, prompt: req.prompt, kind: req.kind });
    });

  function answer(requestId: string, value: string | null) {
    pending.get(requestId)?.(value);
    return {};
  }

  return { ask, answer };
}
