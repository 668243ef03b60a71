import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import type { SecretStore } from './secret-store';

type Sealed = { iv: string; tag: string; data: string };

/**
 * Browser mode and CLI: secrets encrypted with AES-256-GCM under a random key kept in a 0600 file in the user's
 * config folder. It keeps secrets out of projects and backups; it is not a keychain, and says so.
 */
export function createFileSecretStore(userDataDir: string): SecretStore {
  const keyFile = path.join(userDataDir, 'secret.key');
  const storeFile = path.join(userDataDir, 'secrets.json');
  let key: Buffer | null = null;

  async function loadKey(): Promise<Buffer> {
    if (key) return key;
    const existing = await readFile(keyFile).catch(() => null);
    if (existing?.length === 32) return (key = existing);
    key = randomBytes(32);
    await writeFileAtomic(keyFile, key, 0o600);
    return key;
  }
  const readAll = async (): Promise<Record<string, Sealed>> => readFile(storeFile, 'utf8').then((t) => JSON.parse(t), () => ({}));

  return {
    async get(id) {
      const sealed = (await readAll())[id];
      if (!sealed) return undefined;
      const d = createDecipheriv('aes-256-gcm', await loadKey(), Buffer.from(sealed.iv, 'base64'));
      d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(sealed.data, 'base64')), d.final()]).toString('utf8');
    },
    async set(id, value) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', await loadKey(), iv);
      const data = Buffer.concat([c.update(value, 'utf8'), c.final()]);
      const all = await readAll();
      all[id] = { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
      await writeJsonAtomic(storeFile, all, 0o600);
    },
    async delete(id) {
      const all = await readAll();
      if (!(id in all)) return;
      delete all[id];
      await writeJsonAtomic(storeFile, all, 0o600);
    },
    describe: () => `encrypted file in ${userDataDir} (key file readable by your user only)`,
  };
}
