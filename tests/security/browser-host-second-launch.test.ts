import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWeb } from '../../src/main/cli/commands/web';
import { recordRunningHost } from '../../src/main/server/instance-lock';
import { LAUNCH_SECRET_HEADER, LAUNCH_URL_PATH } from '../../src/main/server/launch-protocol';
import { openLaunchUrl, rawRequest, startHost } from './browser-host-kit';

/** The first `web` launch: a host, and its record in the user data folder. */
async function firstLaunch() {
  const started = await startHost();
  await recordRunningHost(started.userDataDir, { origin: started.host.origin, secret: started.host.launchSecret });
  return started;
}

/** A second `connector-studio web` in the same user data folder, run as the CLI runs it. */
async function secondLaunch(userDataDir: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await startWeb(['--no-open', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), env: { ...process.env, FSOAR_USER_DATA_DIR: userDataDir } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const askForUrl = (origin: string, headers: Record<string, string>, method = 'POST') => fetch(`${origin}${LAUNCH_URL_PATH}`, { method, headers });

describe('a second `web` launch while one runs', () => {
  it('gets a fresh single-use link from the running host, through the secret in the 0600 browser-host.json', async () => {
    const { host, userDataDir } = await firstLaunch();
    const file = path.join(userDataDir, 'browser-host.json');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const record = JSON.parse(await readFile(file, 'utf8'));
    expect(record).toMatchObject({ pid: process.pid, origin: host.origin, secret: host.launchSecret });
    // The file holds no launch link: a link in it would be one more copy of a way in.
    expect(JSON.stringify(record)).not.toContain('token');

    expect((await openLaunchUrl(host.url)).status).toBe(302); // the first browser spent the printed link
    const json = await secondLaunch(userDataDir, '--json');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.out);
    expect(printed).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/), reused: true });
    expect(printed.url).not.toBe(host.url);
    expect((await openLaunchUrl(printed.url)).status).toBe(302);
    expect((await openLaunchUrl(printed.url)).status).toBe(401);

    const plain = await secondLaunch(userDataDir);
    const url = /(http:\/\/\S+)/.exec(plain.out)![1];
    expect(plain.out).toContain('already running');
    expect(url).not.toBe(printed.url);
    expect((await openLaunchUrl(url)).status).toBe(302);
  });

  it('refuses to hand out a link without the exact secret, to a page, or to anything but POST', async () => {
    const { host } = await firstLaunch();
    const secret = host.launchSecret;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
    const refused: [string, Record<string, string>, number, string?][] = [
      ['no secret', {}, 401],
      ['empty secret', { [LAUNCH_SECRET_HEADER]: '' }, 401],
      ['first character wrong', { [LAUNCH_SECRET_HEADER]: flip(secret, 0) }, 401],
      ['last character wrong', { [LAUNCH_SECRET_HEADER]: flip(secret, secret.length - 1) }, 401],
      ['one character short', { [LAUNCH_SECRET_HEADER]: secret.slice(0, -1) }, 401],
      ['one character long', { [LAUNCH_SECRET_HEADER]: `${secret}0` }, 401],
      ['upper case', { [LAUNCH_SECRET_HEADER]: secret.toUpperCase() }, 401],
      ['secret as a cookie', { Cookie: `cs_session=${secret}` }, 401],
      ['secret as bearer', { Authorization: `Bearer ${secret}` }, 401],
      ['a page elsewhere, with the secret', { [LAUNCH_SECRET_HEADER]: secret, Origin: 'https://evil.example' }, 403],
      ['our own page, with the secret', { [LAUNCH_SECRET_HEADER]: secret, Origin: host.origin }, 403],
      ['GET with the secret', { [LAUNCH_SECRET_HEADER]: secret }, 405, 'GET'],
    ];
    for (const [what, headers, status, method] of refused) {
      const res = await askForUrl(host.origin, headers, method);
      expect(res.status, what).toBe(status);
      expect(await res.text(), what).not.toContain('token=');
    }
    // A DNS-rebound name carrying the right secret: the Host header is checked before anything else.
    const rebound = await rawRequest(host.port, `POST ${LAUNCH_URL_PATH} HTTP/1.1\r\nHost: evil.example:${host.port}\r\n${LAUNCH_SECRET_HEADER}: ${secret}\r\nContent-Length: 0\r\n\r\n`);
    expect(rebound).toBe(403);
    // The control: the exact secret, no Origin, POST.
    const ok = await askForUrl(host.origin, { [LAUNCH_SECRET_HEADER]: secret });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect((await openLaunchUrl(((await ok.json()) as { url: string }).url)).status).toBe(302);
  });

  it('a record whose host is gone or does not know the secret is reported, and no stale link is printed', async () => {
    const { host, userDataDir, stop } = await firstLaunch();
    await recordRunningHost(userDataDir, { origin: host.origin, secret: 'f'.repeat(48) });
    const { findRunningHost, requestLaunchUrl } = await import('../../src/main/server/instance-lock');
    const record = await findRunningHost(userDataDir);
    expect(record).not.toBeNull();
    await expect(requestLaunchUrl(record!)).rejects.toThrow(/refused the launch secret.*browser-host\.json/s);
    await stop();
    await expect(requestLaunchUrl({ ...record!, secret: host.launchSecret })).rejects.toThrow(/did not answer/);
  });
});
