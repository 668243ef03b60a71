import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { mockControl, safeStorage } from './__mocks__/electron';
import { createSafeStorageSecrets, secretStoreStatus } from './secrets';

let dir: string;
beforeEach(async () => {
  mockControl.reset();
  dir = await mkdtemp(path.join(os.tmpdir(), 'cs-secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('safeStorage secret store', () => {
  it('round-trips through safeStorage into a 0600 file that holds no plain or base64 secret', async () => {
    const file = path.join(dir, 'desktop-secrets.json');
    const store = createSafeStorageSecrets(file, 'linux');
    const secret = 'S3cr3t-api-key-value';
    await store.set('proj/cfg/api_key', secret);
    expect(safeStorage.encryptString).toHaveBeenCalledWith(secret);
    expect(await createSafeStorageSecrets(file, 'linux').get('proj/cfg/api_key')).toBe(secret);
    const bytes = await readFile(file);
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes(Buffer.from(secret).toString('base64'))).toBe(false);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('lists names, deletes, and keeps both of two concurrent writes', async () => {
    const store = createSafeStorageSecrets(path.join(dir, 's.json'), 'linux');
    await Promise.all([store.set('a', '1'), store.set('b', '2')]);
    expect(await store.names()).toEqual(['a', 'b']);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('2');
  });

  it('refuses to save when the OS cannot encrypt, and rejects odd names', async () => {
    const store = createSafeStorageSecrets(path.join(dir, 's.json'), 'linux');
    safeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
    await expect(store.set('a', 'x')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    for (const bad of ['', 'two words', 'line\nbreak']) await expect(store.set(bad, 'x')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('keyring status', () => {
  it("warns on Linux when safeStorage fell back to 'basic_text' (no keyring)", () => {
    safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    const st = secretStoreStatus('linux');
    expect(st).toMatchObject({ available: true, backend: 'basic_text', weak: true });
    expect(st.warning).toMatch(/keyring/);
  });

  it('is quiet with a real keyring, and never asks for a backend off Linux', () => {
    expect(secretStoreStatus('linux')).toEqual({ available: true, backend: 'gnome_libsecret', weak: false });
    expect(secretStoreStatus('darwin')).toEqual({ available: true, weak: false });
    expect(safeStorage.getSelectedStorageBackend).toHaveBeenCalledTimes(1);
    expect(createSafeStorageSecrets('/nowhere', 'darwin').describe()).toMatch(/keychain/);
  });

  it("reports the key's place as the keychain, with the Linux warning when safeStorage has none", async () => {
    expect(await createSafeStorageSecrets('/nowhere', 'darwin').keyLocation()).toEqual({ where: 'keychain', explanation: 'Encrypted by the system keychain' });
    safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    expect(await createSafeStorageSecrets('/nowhere', 'linux').keyLocation()).toMatchObject({ where: 'keychain', explanation: expect.stringMatching(/No system keyring/) });
  });
});
