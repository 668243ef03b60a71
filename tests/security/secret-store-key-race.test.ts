import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../src/main/services/secrets/file-secret-store';
import { tmpDir } from '../helpers/tmp';

const SAVES = 8;
const fileStore = (dir: string) => createFileSecretStore(dir, { keychain: null });

describe('secret store on a fresh user data folder', () => {
  it(`makes one key when ${SAVES} first saves race through two stores, and all ${SAVES} decrypt after a restart`, async () => {
    const dir = await tmpDir('cs-key-race-');
    // Two stores over one folder stand for two processes (browser host and CLI) saving at the same moment.
    const [a, b] = [fileStore(dir), fileStore(dir)];
    const ids = Array.from({ length: SAVES }, (_, i) => `testcfg:proj:cfg${i}:api_key`);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).set(id, `value-${i}`)));

    const [c, d] = [fileStore(dir), fileStore(dir)]; // the restart
    const read = await Promise.all(ids.map((id, i) => (i % 2 ? c : d).get(id).then((v) => v, (e: Error) => e.message)));
    expect(read).toEqual(ids.map((_, i) => `value-${i}`));
    expect((await readFile(path.join(dir, 'secret.key'))).length).toBe(32);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('names the secret, the cause and the way out when the key changed, instead of the raw crypto message', async () => {
    const dir = await tmpDir('cs-key-changed-');
    await fileStore(dir).set('testcfg:proj:cfg1:api_key', 'value');
    await writeFile(path.join(dir, 'secret.key'), randomBytes(32), { mode: 0o600 }); // another key took its place

    const failure = await fileStore(dir).get('testcfg:proj:cfg1:api_key').then(() => null, (e: { code?: string; message: string }) => e);
    expect(failure?.code).toBe('UNAVAILABLE');
    expect(failure?.message).toContain('"testcfg:proj:cfg1:api_key"');
    expect(failure?.message).toMatch(/key changed.*or .*secrets\.json is damaged/);
    expect(failure?.message).toMatch(/Re-enter the value in its configuration; saving it again replaces it/);
    expect(failure?.message).not.toMatch(/Unsupported state|unable to authenticate/);

    const store = fileStore(dir);
    await store.set('testcfg:proj:cfg1:api_key', 'entered again');
    expect(await store.get('testcfg:proj:cfg1:api_key')).toBe('entered again');
  });

  it('says the secrets file is damaged, and keeps it as it is, instead of a raw JSON error', async () => {
    const dir = await tmpDir('cs-secrets-damaged-');
    await writeFile(path.join(dir, 'secrets.json'), '{"testcfg:p:c:api_key": {"iv": "tru');
    await expect(fileStore(dir).set('other', 'x')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/damaged/) });
    expect(await readFile(path.join(dir, 'secrets.json'), 'utf8')).toBe('{"testcfg:p:c:api_key": {"iv": "tru');
  });
});
