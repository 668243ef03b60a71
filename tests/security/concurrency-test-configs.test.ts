import { describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../src/main/services/secrets/file-secret-store';
import { createTestConfigStore } from '../../src/main/services/testconfig/test-config-store';
import { tmpDir } from '../helpers/tmp';

const SAVES = 8;
const PASSWORD_FIELDS = new Set(['api_key']);

async function stores() {
  const userData = await tmpDir('cs-cfg-race-');
  const secrets = createFileSecretStore(userData, { keychain: null });
  // Two stores over one folder: two windows of one app saving at the same moment.
  return [createTestConfigStore(userData, secrets), createTestConfigStore(userData, secrets)] as const;
}

describe('concurrent test-configuration saves', () => {
  it(`keeps all ${SAVES} of ${SAVES} saved at once, each with its secret, and one default`, async () => {
    const [a, b] = await stores();
    const names = Array.from({ length: SAVES }, (_, i) => `config ${i}`);
    const results = await Promise.all(
      names.map((name, i) => (i % 2 ? a : b).save('proj', { name, values: { server: `https://soar-${i}.example`, api_key: `key-${i}` } }, PASSWORD_FIELDS)),
    );
    const kept = await a.list('proj');
    expect(kept.map((c) => c.name).sort()).toEqual(names);
    expect(kept.filter((c) => c.isDefault)).toHaveLength(1);
    for (const [i, { saved }] of results.entries())
      expect(await b.resolve('proj', saved.id)).toEqual({ server: `https://soar-${i}.example`, api_key: `key-${i}` });
  });

  it(`keeps one of ${SAVES} saves that pick the same new name at once, and refuses the rest as CONFLICT`, async () => {
    const [a, b] = await stores();
    const results = await Promise.allSettled(
      Array.from({ length: SAVES }, (_, i) => (i % 2 ? a : b).save('proj', { name: 'staging', values: { server: `https://s${i}.example` } }, PASSWORD_FIELDS)),
    );
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code)).sort();
    expect(codes).toEqual([...Array(SAVES - 1).fill('CONFLICT'), 'ok']);
    expect((await a.list('proj')).map((c) => c.name)).toEqual(['staging']);
  });
});
