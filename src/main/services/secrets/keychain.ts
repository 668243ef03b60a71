import { createRequire } from 'node:module';
import type { AsyncEntry as AsyncEntryClass, EntryOptions } from '@napi-rs/keyring';

/** The operating system's password store, as the secret store needs it: one string per account. */
export interface Keychain {
  /** For people: "macOS Keychain", "Windows Credential Manager", ... */
  readonly name: string;
  /** null: nothing stored under this account. Rejects when the keychain cannot be reached. */
  get(account: string, signal?: AbortSignal): Promise<string | null>;
  set(account: string, value: string, signal?: AbortSignal): Promise<void>;
}

export const KEYCHAIN_SERVICE = 'Connector Studio';
/** `off` keeps the key in the file even where a keychain exists (tests, headless automation). */
export const KEYCHAIN_SWITCH = 'CONNECTOR_STUDIO_KEYCHAIN';

const NAMES: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (GNOME Keyring or KWallet)',
};

// Linux: only the Secret Service. The library's fallback, the kernel keyring, forgets everything at logout and
// guards nothing from other programs of the same user.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

export type KeychainChoice = { keychain: Keychain } | { keychain: null; why: string };

/** The system keychain through @napi-rs/keyring, or why there is none. Answering is checked later, with a timeout. */
export function systemKeychain(env: NodeJS.ProcessEnv = process.env): KeychainChoice {
  if (env[KEYCHAIN_SWITCH] === 'off') return { keychain: null, why: `keychain use is turned off (${KEYCHAIN_SWITCH}=off)` };
  let AsyncEntry: typeof AsyncEntryClass;
  try {
    // Loaded from node_modules at run time: a native addon cannot be bundled.
    ({ AsyncEntry } = createRequire(import.meta.url)('@napi-rs/keyring') as { AsyncEntry: typeof AsyncEntryClass });
  } catch (e) {
    return { keychain: null, why: `the keychain module could not load (${(e as Error).message.split('\n')[0]})` };
  }
  const entry = (account: string) => new AsyncEntry(KEYCHAIN_SERVICE, account, ENTRY_OPTIONS);
  return {
    keychain: {
      name: NAMES[process.platform] ?? 'system keychain',
      get: (account, signal) => entry(account).getPassword(signal),
      set: (account, value, signal) => entry(account).setPassword(value, signal),
    },
  };
}

/** Resolves with fn's answer, or rejects after ms: a keychain that never answers must not hang a save. */
export async function withTimeout<T>(ms: number, what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`${what} did not answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([fn(abort.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
