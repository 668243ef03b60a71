/** The Publish view's "Start local sandbox": the bundled server starts on 127.0.0.1 with a fresh API key, a
 * "Local sandbox" profile points at it and its connection test passes; starting again answers the same server;
 * the app's dispose stops it. Real services, real server, real HTTP. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services';
import { dispatch } from '../services/router';
import { REPO_ROOT, tmpDir } from '../../../tests/helpers/tmp';
import { startSandbox } from './server';

const open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
});

async function services(withServer = true) {
  const s = await createServices({
    userDataDir: await tmpDir('cs-data-'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser',
    workspaceOverride: await tmpDir('cs-ws-'), ...(withServer ? { startSandbox } : {}),
  });
  open.push(s);
  return s;
}

describe('Start local sandbox', () => {
  it('starts the server, makes a working "Local sandbox" profile, answers the same one again, and stops with the app', async () => {
    const s = await services();
    const r = await dispatch(s, 'sandbox.start', {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), profileName: 'Local sandbox', started: true });
    const profiles = await s.publish.listProfiles();
    expect(profiles).toEqual([expect.objectContaining({ id: r.value.profileId, url: r.value.url, auth: 'apiKey' })]);
    const test = await dispatch(s, 'publish.testConnection', { profileId: r.value.profileId });
    expect(test.ok && test.value.ok).toBe(true);

    const again = await dispatch(s, 'sandbox.start', {});
    expect(again.ok && again.value).toEqual({ ...r.value, started: false });
    expect(await s.publish.listProfiles()).toHaveLength(1);

    await s.dispose();
    open.length = 0;
    await expect(fetch(`${r.value.url}/api/3/people`)).rejects.toThrow();
  });

  it('where the door gave no server, says how to start one from a terminal', async () => {
    const s = await services(false);
    const r = await dispatch(s, 'sandbox.start', {});
    expect(r.ok ? 'OK' : [r.error.code, r.error.message]).toEqual(['UNAVAILABLE', expect.stringMatching(/connector-studio sandbox/)]);
  });
});
