import type { Keychain } from '../../src/main/services/secrets/keychain';

/**
 * An OS keychain stand-in: none runs on the test machines (no Secret Service), and a test must never write into a
 * developer's real one. `state` switches it between answering, refusing and never answering.
 */
export function memoryKeychain() {
  const entries = new Map<string, string>();
  const control = { state: 'answers' as 'answers' | 'fails' | 'hangs' };
  const reach = async () => {
    if (control.state === 'fails') throw new Error('Platform failure: DBus error: no session bus');
    if (control.state === 'hangs') await new Promise(() => undefined);
  };
  const keychain: Keychain = {
    name: 'test keychain',
    get: async (account) => (await reach(), entries.get(account) ?? null),
    set: async (account, value) => {
      await reach();
      entries.set(account, value);
    },
  };
  return { keychain, entries, control };
}
