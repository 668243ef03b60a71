import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { KEY_BYTES, keyFileOnce } from './secret-key';

describe('keyFileOnce (the secret store\'s secret.key and the sandbox\'s state.key)', () => {
  it('creates a 0600 key in a new folder once and returns the same key afterwards', async () => {
    const file = path.join(await tmpDir('cs-key-'), 'nested', 'k.key');
    const first = await keyFileOnce(file);
    expect(first.length).toBe(KEY_BYTES);
    expect((await keyFileOnce(file)).equals(first)).toBe(true);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that holds no key, in the caller\'s words or its own, and leaves it as it is', async () => {
    const file = path.join(await tmpDir('cs-key-'), 'k.key');
    await writeFile(file, Buffer.alloc(KEY_BYTES + 1));
    await expect(keyFileOnce(file)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(`damaged (${KEY_BYTES + 1} bytes, expected ${KEY_BYTES})`) });
    await expect(keyFileOnce(file, (n) => new Error(`bad key of ${n}`))).rejects.toThrow(`bad key of ${KEY_BYTES + 1}`);
    expect((await readFile(file)).length).toBe(KEY_BYTES + 1);
  });
});
