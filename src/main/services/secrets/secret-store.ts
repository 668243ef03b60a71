import type { SecretKeyLocation } from '../../../shared/models/settings';

/** Where passwords and API keys live: never in the project folder, git, a .tgz, logs or the renderer's state. */
export interface SecretStore {
  get(id: string): Promise<string | undefined>;
  set(id: string, value: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Says how safe the storage is, for the UI to warn (e.g. Linux without a keyring). */
  describe(): string;
  /** Where the encryption key lives: the OS keychain, or a file other programs of this user can read. */
  keyLocation(): Promise<SecretKeyLocation>;
}
