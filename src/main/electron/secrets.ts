import { safeStorage } from 'electron';
import { chmod, readFile } from 'node:fs/promises';
import { ServiceError, errnoCode } from '../services/errors';
import type { SecretStore } from '../services/secrets/secret-store';
import { writeFileAtomic } from '../services/workspace/atomic-write';
import { settled } from '../../shared/settled';

export interface SecretStoreStatus {
  readonly available: boolean;
  /** Linux only: which keyring safeStorage picked ('basic_text' = none, a fixed key). */
  readonly backend?: string;
  /** True when stored secrets are only obfuscated, not protected by the OS: the UI should warn. */
  readonly weak: boolean;
  readonly warning?: string;
}

/** The services' secrets port, kept by the OS keychain through Electron's safeStorage. */
export interface DesktopSecretStore extends SecretStore {
  names(): Promise<string[]>;
  status(): SecretStoreStatus;
}

interface SecretFile {
  version: 1;
  entries: Record<string, string>;
}

const BASIC_TEXT_WARNING =
  'No system keyring (GNOME Keyring, KWallet) was found, so saved passwords are encrypted with a fixed key that ' +
  'other programs can undo. Install and unlock a keyring, then restart Connector Studio.';

export function secretStoreStatus(platform: NodeJS.Platform = process.platform): SecretStoreStatus {
  const available = safeStorage.isEncryptionAvailable();
  if (platform !== 'linux') return { available, weak: !available };
  const backend = safeStorage.getSelectedStorageBackend();
  const weak = !available || backend === 'basic_text';
  return { available, backend, weak, ...(weak ? { warning: BASIC_TEXT_WARNING } : {}) };
}

const checkName = (name: string) => {
  if (typeof name !== 'string' || !/^[\w.:@/-]{1,200}$/.test(name)) throw new ServiceError('VALIDATION', `"${name}" is not a valid secret name.`);
  return name;
};

/** Secrets live in one JSON file (mode 0600) of ciphertexts; safeStorage works only after app 'ready'. */
export function createSafeStorageSecrets(file: string, platform: NodeJS.Platform = process.platform): DesktopSecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  // One write at a time, so two quick saves never lose each other's entry.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = settled(run); // the next write waits for this one; its failure goes to this caller
    return run;
  };

  async function load(): Promise<Map<string, string>> {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as SecretFile;
      return new Map(Object.entries(parsed.entries ?? {}));
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return new Map();
      throw new ServiceError('INTERNAL', `The secrets file ${file} could not be read; it may be damaged.`, String(e));
    }
  }
  async function save(entries: Map<string, string>) {
    const body: SecretFile = { version: 1, entries: Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b))) };
    await writeFileAtomic(file, JSON.stringify(body, null, 2) + '\n', 0o600);
    // Windows has no such modes (the profile folder's ACL protects the file); elsewhere a file left readable fails the save.
    if (platform !== 'win32') await chmod(file, 0o600);
  }
  function describe() {
    const st = secretStoreStatus(platform);
    if (st.warning) return st.warning;
    return st.available ? `encrypted by the system keychain${st.backend ? ` (${st.backend})` : ''}` : 'unavailable: the system cannot encrypt secrets';
  }
  const requireEncryption = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new ServiceError('UNAVAILABLE', 'The system cannot encrypt secrets right now, so nothing was saved.');
  };

  return {
    async get(name) {
      const sealed = (await load()).get(checkName(name));
      if (sealed === undefined) return undefined;
      requireEncryption();
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    set: (name, value) =>
      serial(async () => {
        checkName(name);
        requireEncryption();
        const entries = await load();
        entries.set(name, safeStorage.encryptString(value).toString('base64'));
        await save(entries);
      }),
    delete: (name) =>
      serial(async () => {
        const entries = await load();
        if (entries.delete(checkName(name))) await save(entries);
      }),
    names: async () => [...(await load()).keys()].sort(),
    status: () => secretStoreStatus(platform),
    describe,
    // safeStorage keeps its key in the OS keychain; describe() carries the Linux warning when no keyring was found.
    keyLocation: async () => ({ where: 'keychain', explanation: describe().replace(/^./, (c) => c.toUpperCase()) }),
  };
}
