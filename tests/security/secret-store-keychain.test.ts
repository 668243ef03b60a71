import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppService } from '../../src/main/services/app/app-service';
import { createFileSecretStore } from '../../src/main/services/secrets/file-secret-store';
import { systemKeychain } from '../../src/main/services/secrets/keychain';
import { DEFAULT_SETTINGS } from '../../src/main/services/settings/settings-service';
import { memoryKeychain } from '../helpers/memory-keychain';
import { tmpDir } from '../helpers/tmp';

const SAVES = 8;

/** Everything under the user data folder, as connector code running as the same user could read it. */
async function everyFile(dir: string): Promise<Buffer[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name))));
}

describe('the secret key with a system keychain', () => {
  it(`stays out of every file of the user data folder, through ${SAVES} racing saves and a restart`, async () => {
    const dir = await tmpDir('cs-keychain-');
    const { keychain, entries } = memoryKeychain();
    const [a, b] = [createFileSecretStore(dir, { keychain }), createFileSecretStore(dir, { keychain })];
    const ids = Array.from({ length: SAVES }, (_, i) => `publish:server${i}:password`);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).set(id, `value-${i}`)));

    expect(entries.size).toBe(1);
    const key = Buffer.from([...entries.values()][0], 'base64');
    for (const bytes of await everyFile(dir)) {
      expect(bytes.includes(key)).toBe(false);
      expect(bytes.toString('latin1')).not.toContain(key.toString('base64'));
    }
    const restarted = createFileSecretStore(dir, { keychain });
    expect(await Promise.all(ids.map((id) => restarted.get(id)))).toEqual(ids.map((_, i) => `value-${i}`));
    expect(await restarted.keyLocation()).toEqual({ where: 'keychain', explanation: expect.stringContaining('test keychain') });
  });

  it('moves a key file made before the keychain answered into the keychain, and deletes the file', async () => {
    const dir = await tmpDir('cs-keychain-move-');
    await createFileSecretStore(dir, { keychain: null }).set('testcfg:p:c:api_key', 'saved without a keychain');
    const { keychain } = memoryKeychain();
    const store = createFileSecretStore(dir, { keychain });
    expect(await store.get('testcfg:p:c:api_key')).toBe('saved without a keychain');
    expect((await store.keyLocation()).where).toBe('keychain');
    expect(await readdir(dir)).not.toContain('secret.key');
  });

  it('falls back to the key file, and says so, when the keychain never answers', async () => {
    const dir = await tmpDir('cs-keychain-hang-');
    const { keychain, control } = memoryKeychain();
    control.state = 'hangs';
    const store = createFileSecretStore(dir, { keychain, probeTimeoutMs: 50 });
    await store.set('testcfg:p:c:api_key', 'v');
    expect(await store.get('testcfg:p:c:api_key')).toBe('v');
    const explanation = `No system keychain answered; the key is in ${path.join(dir, 'secret.key')}, readable by programs running as you.`;
    expect(await store.keyLocation()).toEqual({ where: 'file', explanation });
    // app.info carries it to Settings.
    const app = createAppService({ version: 't', mode: 'browser', userDataDir: dir, logsDir: dir, settings: async () => ({ ...DEFAULT_SETTINGS, workspaceRoot: dir }), tools: async () => [], secretKey: store.keyLocation });
    expect((await app.info()).secretKey).toEqual({ where: 'file', explanation });
  });

  it('does not make a second key when the keychain that holds the key stops answering', async () => {
    const dir = await tmpDir('cs-keychain-gone-');
    const { keychain, control } = memoryKeychain();
    await createFileSecretStore(dir, { keychain }).set('testcfg:p:c:api_key', 'v');
    control.state = 'fails';
    const store = createFileSecretStore(dir, { keychain });
    await expect(store.set('testcfg:p:c:other', 'w')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/Unlock or start it/) });
    expect(await readdir(dir)).not.toContain('secret.key');
    expect((await store.keyLocation()).where).toBe('keychain');
    control.state = 'answers';
    expect(await store.get('testcfg:p:c:api_key')).toBe('v');
  });

  it('loads the keychain module on this platform, and leaves it alone with CONNECTOR_STUDIO_KEYCHAIN=off', () => {
    expect(systemKeychain({}).keychain?.name).toBeTruthy();
    expect(systemKeychain({ CONNECTOR_STUDIO_KEYCHAIN: 'off' })).toMatchObject({ keychain: null, why: expect.stringContaining('off') });
  });
});
