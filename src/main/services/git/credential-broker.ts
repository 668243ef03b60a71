import { randomUUID } from 'node:crypto';
import type { EventBus } from '../events';
import type { AskCredential } from './askpass';

const ANSWER_TIMEOUT_MS = 120_000;

/** Carries git's credential prompts to the UI as events and its answers back through `git.answerCredential`. */
export function createCredentialBroker(events: EventBus) {
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
