import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretKeyLocation } from '../../../shared/models/settings';
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { ServiceError, errnoCode } from '../errors';
import { writeJsonAtomic } from '../workspace/atomic-write';
import { withPathLock } from '../workspace/path-lock';
import { createSecretKey, secretKeyFile, type SecretKeyOptions } from './secret-key';
import type { SecretStore } from './secret-store';

type Sealed = { iv: string; tag: string; data: string };

/**
 * Browser mode and CLI: secrets encrypted with AES-256-GCM in the user's config folder, under a random key kept in
 * the OS keychain where one answers, else in a 0600 file. It keeps secrets out of projects and backups; with the
 * key in a file it is not a keychain, and keyLocation() says so.
 */
export function createFileSecretStore(userDataDir: string, options: SecretKeyOptions = {}): SecretStore {
  const storeFile = path.join(userDataDir, 'secrets.json');
  const readAll = async (): Promise<Record<string, Sealed>> => {
    let text: string;
    try {
      text = await readFile(storeFile, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return {};
      throw e;
    }
    const sealed = parseJsonOrUndefined(text) as Record<string, Sealed> | undefined;
    // Never treat a damaged file as empty: the next save would overwrite every other secret.
    if (sealed === undefined) throw new ServiceError('UNAVAILABLE', `The secrets file ${storeFile} is damaged (not JSON). Move it aside, then re-enter the passwords in your test configurations and server profiles.`);
    return sealed;
  };
  const secretKey = createSecretKey(userDataDir, async () => Object.keys(await readAll()).length > 0, options);
  let known: SecretKeyLocation | null = null;
  const location = async () => (known = await secretKey.location());
  // Every instance over this folder shares the lock, so two stores saving at once never drop each other's entry.
  const serial = <T>(fn: () => Promise<T>) => withPathLock(storeFile, fn);

  return {
    async get(id) {
      const sealed = (await readAll())[id];
      if (!sealed) return undefined;
      const key = await secretKey.key();
      try {
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
        d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        return Buffer.concat([d.update(Buffer.from(sealed.data, 'base64')), d.final()]).toString('utf8');
      } catch (e) {
        const replaced = (await location()).where === 'file' ? `${secretKeyFile(userDataDir)} was deleted or made again` : 'its keychain entry was deleted or made again';
        throw new ServiceError('UNAVAILABLE',
          `The saved secret "${id}" cannot be decrypted: the secret key changed since it was saved (${replaced}) or ${storeFile} is damaged. ` +
          'Re-enter the value in its configuration; saving it again replaces it.',
          { secretId: id, cause: (e as Error).message });
      }
    },
    set: (id, value) =>
      serial(async () => {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', await secretKey.key(), iv);
        const data = Buffer.concat([c.update(value, 'utf8'), c.final()]);
        const all = await readAll();
        all[id] = { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
        await writeJsonAtomic(storeFile, all, 0o600);
      }),
    delete: (id) =>
      serial(async () => {
        const all = await readAll();
        if (!(id in all)) return;
        delete all[id];
        await writeJsonAtomic(storeFile, all, 0o600);
      }),
    describe: () => `encrypted file ${storeFile}; ${known?.explanation ?? 'the key is in the system keychain where one answers, else in a file next to it'}`,
    keyLocation: location,
  };
}
