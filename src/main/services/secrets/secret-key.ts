import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SecretKeyLocation } from '../../../shared/models/settings';
import { ServiceError, errnoCode } from '../errors';
import { entryExists } from '../workspace/fs-probe';
import { KEYCHAIN_SERVICE, systemKeychain, withTimeout, type Keychain, type KeychainChoice } from './keychain';

export interface SecretKeyOptions {
  /** Default: the system keychain. Tests pass their own, or null to keep the key in the file. */
  readonly keychain?: Keychain | null;
  /** How long a first look into the keychain may take before the key goes to the file instead. */
  readonly probeTimeoutMs?: number;
}

export const KEY_BYTES = 32;
const PROBE_TIMEOUT_MS = 1500;
// Once the key is known to be in the keychain, waiting is better than forking a second key: the keychain may be
// showing an unlock prompt.
const KEYCHAIN_TIMEOUT_MS = 30_000;

export const secretKeyFile = (userDataDir: string) => path.join(userDataDir, 'secret.key');

interface Established {
  readonly key: Buffer;
  readonly location: SecretKeyLocation;
}

/**
 * The AES key of the secret store: in the OS keychain where one answers, else in a 0600 file. Made once, even when
 * two stores (two processes) start saving at the same moment on a fresh folder: the key file is created exclusively
 * and the loser reads the winner's key.
 */
export function createSecretKey(userDataDir: string, hasSavedSecrets: () => Promise<boolean>, options: SecretKeyOptions = {}) {
  const keyFile = secretKeyFile(userDataDir);
  const account = `secret-key ${path.resolve(userDataDir)}`;
  let inFlight: Promise<Established> | null = null;

  const onFile = async (why: string): Promise<Established> => ({
    key: await keyFileOnce(keyFile),
    location: { where: 'file', explanation: `${why}; the key is in ${keyFile}, readable by programs running as you.` },
  });
  const inKeychain = (kc: Keychain, key: Buffer): Established => ({
    key,
    location: { where: 'keychain', explanation: `The key is in the ${kc.name}; ${path.join(userDataDir, 'secrets.json')} holds only ciphertext.` },
  });

  async function establish(): Promise<Established> {
    const choice: KeychainChoice =
      options.keychain === undefined ? systemKeychain() : options.keychain ? { keychain: options.keychain } : { keychain: null, why: 'no keychain was asked for' };
    if (!choice.keychain) return onFile(capitalise(choice.why));
    const kc = choice.keychain;
    const hadKeyFile = await entryExists(keyFile);
    const keptInKeychain = !hadKeyFile && (await hasSavedSecrets());
    let stored: string | null;
    try {
      stored = await withTimeout(keptInKeychain ? KEYCHAIN_TIMEOUT_MS : options.probeTimeoutMs ?? PROBE_TIMEOUT_MS, `The ${kc.name}`, (s) => kc.get(account, s));
    } catch (e) {
      if (keptInKeychain) throw keychainGone(kc, userDataDir, e);
      return onFile('No system keychain answered');
    }
    if (stored !== null) {
      const key = decodeKey(kc, stored);
      if (hadKeyFile) await dropKeyFileHolding(keyFile, key);
      return inKeychain(kc, key);
    }
    // An empty keychain adopts the file's key (secrets saved before it answered) or a new one. The key goes
    // through the exclusive file create first, so two processes starting together put the same key there.
    const key = await keyFileOnce(keyFile);
    try {
      await withTimeout(KEYCHAIN_TIMEOUT_MS, `The ${kc.name}`, (s) => kc.set(account, key.toString('base64'), s));
      const confirmed = await withTimeout(KEYCHAIN_TIMEOUT_MS, `The ${kc.name}`, (s) => kc.get(account, s));
      if (confirmed === null) throw new Error('it kept nothing');
      const kept = decodeKey(kc, confirmed);
      await dropKeyFileHolding(keyFile, kept);
      return inKeychain(kc, kept);
    } catch (e) {
      if (e instanceof ServiceError) throw e;
      return onFile(`The ${kc.name} refused to keep the key (${firstLine(e)})`);
    }
  }

  function establishOnce(): Promise<Established> {
    inFlight ??= establish().catch((e) => {
      inFlight = null; // the next call tries again, e.g. after the keychain was unlocked
      throw e;
    });
    return inFlight;
  }

  return {
    key: async () => (await establishOnce()).key,
    /** Never fails for a key that is merely unreachable or damaged: Settings shows where it is and what is wrong. */
    location: (): Promise<SecretKeyLocation> =>
      establishOnce().then((e) => e.location, (e) => {
        const where = e instanceof ServiceError ? (e.details as { where?: SecretKeyLocation['where'] } | undefined)?.where : undefined;
        if (where) return { where, explanation: e.message };
        throw e;
      }),
  };
}

/**
 * A random AES-256 key in `file`, made once: the file is created exclusively (0600) with a new key unless it
 * exists, else the key it holds is read. Two processes starting together on a fresh folder get the same key: the
 * loser reads the winner's, waiting briefly while the winner is still writing it. `damaged` words the error for a
 * file that holds no key, in the caller's terms (what to do about it differs). The sandbox's state.key uses it too.
 */
export async function keyFileOnce(file: string, damaged: (bytes: number) => Error = damagedSecretKey(file)): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return readKeyFile(file, damaged);
    throw e;
  }
  try {
    await handle.writeFile(key);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return key;
}

async function readKeyFile(file: string, damaged: (bytes: number) => Error): Promise<Buffer> {
  for (let attempt = 0; ; attempt++) {
    const bytes = await readFile(file);
    if (bytes.length === KEY_BYTES) return bytes;
    // Short: another process created the file a moment ago and is still writing it.
    if (bytes.length > KEY_BYTES || attempt >= 50) throw damaged(bytes.length);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const damagedSecretKey = (keyFile: string) => (bytes: number) =>
  new ServiceError('UNAVAILABLE',
    `The secret key file ${keyFile} is damaged (${bytes} bytes, expected ${KEY_BYTES}), so saved passwords cannot be decrypted. ` +
    'Delete it, then re-enter the passwords in your test configurations and server profiles.', { where: 'file' });

/** After the key moved into the keychain, the file copy would let any program of this user decrypt every secret. */
async function dropKeyFileHolding(keyFile: string, key: Buffer) {
  const onDisk = await readFile(keyFile).catch((e) => (errnoCode(e) === 'ENOENT' ? null : Promise.reject(e)));
  // A different key in the file sealed secrets of its own while the keychain was away: keep it.
  if (onDisk?.equals(key)) await rm(keyFile, { force: true });
}

function decodeKey(kc: Keychain, stored: string): Buffer {
  const key = Buffer.from(stored, 'base64');
  if (key.length !== KEY_BYTES)
    throw new ServiceError('UNAVAILABLE',
      `The ${kc.name} holds a damaged Connector Studio secret key (service "${KEYCHAIN_SERVICE}"), so saved passwords cannot be decrypted. ` +
      'Delete that entry, then re-enter the passwords in your test configurations and server profiles.', { where: 'keychain' });
  return key;
}

const keychainGone = (kc: Keychain, userDataDir: string, e: unknown) =>
  new ServiceError('UNAVAILABLE',
    `The key of your saved passwords is in the ${kc.name}, which did not answer (${firstLine(e)}). Unlock or start it, then try again. ` +
    `To start over without it, delete ${path.join(userDataDir, 'secrets.json')} and re-enter the passwords.`, { where: 'keychain' });

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
