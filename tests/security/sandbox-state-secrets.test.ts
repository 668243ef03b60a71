/** The sandbox's state.json holds configurations: their passwords must not lie there in plain text, and the
 * file (and its folder) must not be readable by other users. */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateKey } from '../../src/main/sandbox/secrets-at-rest';
import { SandboxState } from '../../src/main/sandbox/state';
import { USERS, rawRequest, sandboxWithUsers } from '../../src/main/sandbox/test-kit';
import { tmpDir } from '../helpers/tmp';

const posix = process.platform !== 'win32';
const SECRETS = { top: 'Top-Secret-api-key-1', shown: 'Onchange-Secret-2', deep: 'Deep-Nested-Secret-3' };

/** A connector record whose schema has a password field, and one only an `onchange` choice shows. */
const connector = {
  id: 1,
  uuid: '7d1f0c2e-0000-4000-8000-000000000001',
  name: 'vault-demo',
  version: '1.0.0',
  label: 'Vault Demo',
  description: '',
  publisher: '',
  category: '',
  status: 'Completed',
  installed: true,
  active: true,
  requirements_installed: 'Completed',
  install_result: { message: '', output: '' },
  operations: [],
  config_schema: {
    fields: [
      { name: 'server_url', type: 'text' },
      { name: 'api_key', type: 'password' },
      { name: 'auth', type: 'select', options: ['token', 'basic'], onchange: { basic: [{ name: 'basic_password', type: 'password' }] } },
    ],
  },
  archive_sha256: '',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};

const legacyConfiguration = {
  id: 2,
  config_id: 'c0ffee00-0000-4000-8000-000000000002',
  connector: 1,
  connector_name: 'vault-demo',
  connector_version: '1.0.0',
  name: 'legacy',
  default: true,
  config: { server_url: 'https://vault.example', api_key: SECRETS.top, auth: 'basic', basic_password: SECRETS.shown, extra: [{ api_key: SECRETS.deep }] },
  teams: [],
};

/** A state.json as sandboxes wrote it before: plain text, world-readable, in a world-readable folder. */
async function legacyDataDir(): Promise<string> {
  const data = path.join(await tmpDir('cs-sec-state-'), 'data');
  await mkdir(data, { mode: 0o755 });
  await writeFile(path.join(data, 'state.json'), JSON.stringify({ nextId: 3, connectors: [connector], configurations: [legacyConfiguration], importJobs: [] }), { mode: 0o644 });
  if (posix) await chmod(path.join(data, 'state.json'), 0o644);
  if (posix) await chmod(data, 0o755);
  return data;
}

const mode = async (p: string) => (await stat(p)).mode & 0o777;

function expectNoSecretIn(text: string) {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  expect(text).not.toContain('Fresh-Secret-4');
}

describe('state.json at rest', () => {
  it('a plain-text state of an older sandbox loads, and is sealed and made private by the first write', async () => {
    const data = await legacyDataDir();
    expect(await readFile(path.join(data, 'state.json'), 'utf8')).toContain(SECRETS.top);
    const sandbox = await sandboxWithUsers(data);
    try {
      const text = await readFile(path.join(data, 'state.json'), 'utf8');
      expectNoSecretIn(text);
      expect(text).toContain('aes-256-gcm.v1:');
      expect(text).toContain('https://vault.example'); // what is not a password stays readable
      if (posix) {
        expect(await mode(path.join(data, 'state.json'))).toBe(0o600);
        expect(await mode(data)).toBe(0o700);
        expect(await mode(path.join(data, 'state.key'))).toBe(0o600);
      }
      expect((await readFile(path.join(data, 'state.key'))).length).toBe(32);
      // The API masks them too, wherever they sit.
      const list = await rawRequest(sandbox.url, 'GET', '/api/integration/configuration/', { authorization: `API-KEY ${USERS.apiKey}` });
      expect((list.json as Array<{ config: Record<string, unknown> }>)[0].config).toMatchObject({ api_key: '********', basic_password: '********', extra: [{ api_key: '********' }] });
      expectNoSecretIn(list.text);
      // Sent back masked, as a client edits it, the passwords are kept.
      const view = (list.json as Array<{ config_id: string; config: Record<string, unknown> }>)[0];
      const put = await rawRequest(sandbox.url, 'PUT', `/api/integration/configuration/${view.config_id}/`, { authorization: `API-KEY ${USERS.apiKey}`, 'content-type': 'application/json' }, JSON.stringify({ config: view.config }));
      expect(put.status).toBe(200);
    } finally {
      await sandbox.close();
    }
    // Loaded again, the values are the originals.
    const state = await SandboxState.load(data);
    expect(state.configurations[0].config).toEqual(legacyConfiguration.config);
  });

  it('a configuration created through the API is sealed in the file', async () => {
    const data = await legacyDataDir();
    const sandbox = await sandboxWithUsers(data);
    try {
      const body = JSON.stringify({ connector: 1, name: 'fresh', config: { server_url: 'https://x.example', api_key: 'Fresh-Secret-4', auth: 'token' } });
      const created = await rawRequest(sandbox.url, 'POST', '/api/integration/configuration/', { authorization: `API-KEY ${USERS.apiKey}`, 'content-type': 'application/json' }, body);
      expect(created.status).toBe(201);
      expectNoSecretIn(await readFile(path.join(data, 'state.json'), 'utf8'));
    } finally {
      await sandbox.close();
    }
    const state = await SandboxState.load(data);
    expect(state.configurations.find((c) => c.name === 'fresh')?.config.api_key).toBe('Fresh-Secret-4');
  });

  it('sealed passwords do not open with another key, and the sandbox says what to do', async () => {
    const data = await legacyDataDir();
    await (await SandboxState.load(data)).save();
    await writeFile(path.join(data, 'state.key'), Buffer.alloc(32, 7));
    await expect(SandboxState.load(data)).rejects.toThrow(/cannot be opened with .*state\.key.*Put the original state\.key back/);
  });

  it('sealed passwords moved to another configuration do not open there', async () => {
    const data = await legacyDataDir();
    await (await SandboxState.load(data)).save();
    const file = path.join(data, 'state.json');
    const state = JSON.parse(await readFile(file, 'utf8')) as { configurations: Array<{ config_id: string }> };
    state.configurations[0].config_id = 'another-configuration';
    await writeFile(file, JSON.stringify(state));
    await expect(SandboxState.load(data)).rejects.toThrow(/cannot be opened/);
  });
});

describe('the key file', () => {
  it('is created once: sandboxes starting together on one folder all get the same key', async () => {
    const file = path.join(await tmpDir('cs-sec-key-'), 'state.key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKey(file)));
    for (const k of keys) expect(k.equals(keys[0])).toBe(true);
    expect(existsSync(file)).toBe(true);
    if (posix) expect(await mode(file)).toBe(0o600);
  });

  it('a damaged key is named, not replaced', async () => {
    const file = path.join(await tmpDir('cs-sec-key-'), 'state.key');
    await writeFile(file, 'short');
    await expect(loadOrCreateKey(file)).rejects.toThrow(/holds 5 bytes, not a 32-byte key/);
    expect(await readFile(file, 'utf8')).toBe('short');
  });
});
