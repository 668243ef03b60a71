import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createFileSecretStore } from './file-secret-store';

describe('file secret store', () => {
  it('round-trips secrets without writing them in clear or in base64', async () => {
    const dir = await tmpDir();
    const store = createFileSecretStore(dir);
    const secret = 'S3cr3t-api-key-value';
    await store.set('proj/cfg/api_key', secret);
    expect(await createFileSecretStore(dir).get('proj/cfg/api_key')).toBe(secret);
    for (const name of await readdir(dir)) {
      const bytes = await readFile(path.join(dir, name));
      expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(Buffer.from(secret).toString('base64'))).toBe(false);
    }
    if (process.platform !== 'win32') expect((await stat(path.join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    await store.delete('proj/cfg/api_key');
    expect(await store.get('proj/cfg/api_key')).toBeUndefined();
  });
});
