import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createFileSecretStore } from '../secrets/file-secret-store';
import { createPublishService } from './publish-service';
import { createServerProfileStore } from './profiles';

async function store() {
  const userData = await tmpDir('cs-profiles-');
  return createServerProfileStore(userData, createFileSecretStore(userData));
}

describe('server profile store: the shared rules on save', () => {
  it('refuses a new profile without its secret, naming every problem with the editor’s words', async () => {
    const profiles = await store();
    const refused = profiles.save({ name: ' ', url: 'ftp://soar.lab', auth: 'apiKey', timeoutSec: 0 });
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Give the profile a name. Use https:// (or http:// for a local sandbox). The API key is needed. 1 to 3600 seconds.',
      details: { problems: { name: expect.any(String), url: expect.any(String), secret: expect.any(String), timeoutSec: expect.any(String) } },
    });
    expect(await profiles.list()).toEqual([]);
  });

  it('keeps the stored secret on edit, and wants a new one when the authentication kind changes', async () => {
    const profiles = await store();
    const p = await profiles.save({ name: 'Lab', url: 'https://soar.lab/x', auth: 'apiKey', secret: 'key' });
    expect(await profiles.save({ ...p, name: 'Lab 2' })).toMatchObject({ name: 'Lab 2', secretSet: true });
    await expect(profiles.save({ ...p, auth: 'password', username: 'csadmin' })).rejects.toThrow('The password is needed.');
    expect(await profiles.save({ ...p, auth: 'password', username: 'csadmin', secret: 'pw' })).toMatchObject({ auth: 'password', secretSet: true });
  });

  it('checks an unsaved profile under test by the same rules', async () => {
    const userDataDir = await tmpDir('cs-profiles-');
    const service = createPublishService({ userDataDir, secrets: createFileSecretStore(userDataDir) });
    await expect(service.testConnection({ profile: { name: 'Lab', url: 'https://u:p@soar.lab', auth: 'apiKey', secret: 'k' } })).rejects.toThrow(/not in the URL/);
  });
});
