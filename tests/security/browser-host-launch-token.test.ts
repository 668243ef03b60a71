import { describe, expect, it } from 'vitest';
import { createAuth } from '../../src/main/server/auth';
import { openLaunchUrl, projectsList, startHost } from './browser-host-kit';

describe('the launch token is single-use', () => {
  it('the first GET exchanges it for a session; a second GET gets 401 and a page that says how to get a new link', async () => {
    const { host } = await startHost();
    // Only a GET spends it: a POST carrying the token opens nothing and leaves the link usable.
    const token = new URL(host.url).searchParams.get('token')!;
    const post = await fetch(`${host.origin}/rpc/projects.list?token=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(401);
    expect(post.headers.get('set-cookie')).toBeNull();

    const first = await openLaunchUrl(host.url);
    expect(first.status).toBe(302);
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Strict/);
    expect(await projectsList(host.origin, first.cookie)).toBe(200);

    // Someone who copied the link from the terminal, the browser history or a screenshot, after the user opened it.
    const replays = [host.url, `${host.url}#/project/x`, host.url.replace('/?token=', '/index.html?token=')];
    for (const url of replays) {
      const again = await openLaunchUrl(url);
      expect(again.status, url).toBe(401);
      expect(again.cookie, url).toBeNull();
      expect(again.type, url).toMatch(/text\/html/);
      expect(again.body, url).toMatch(/already used/);
      expect(again.body, url).toContain('connector-studio web');
    }
  });

  it('a browser that already has a session and reopens a spent link is sent to the app, without a new session', async () => {
    const { host } = await startHost();
    const { cookie } = await openLaunchUrl(host.url);
    const again = await openLaunchUrl(host.url, { Cookie: cookie! });
    expect(again.status).toBe(302);
    expect(again.setCookie).toBeNull();
  });
});

describe('every browser has its own session', () => {
  it('each token exchange starts a new random session; each cookie works on its own', async () => {
    const { host } = await startHost();
    const urls = [host.url, host.newLaunchUrl(), host.newLaunchUrl()];
    expect(new Set(urls).size).toBe(3);
    const cookies = [];
    for (const url of urls) cookies.push((await openLaunchUrl(url)).cookie!);
    expect(new Set(cookies).size).toBe(3);
    for (const cookie of cookies) expect(await projectsList(host.origin, cookie)).toBe(200);
    // A session value one character off, or another browser's name with no value, opens nothing.
    const forged = [cookies[0].slice(0, -1) + (cookies[0].endsWith('0') ? '1' : '0'), 'cs_session=', `${cookies[0]}0`, cookies[0].toUpperCase()];
    for (const cookie of forged) expect(await projectsList(host.origin, cookie), cookie).toBe(401);
  });

  it('sessions end when the host stops, even when the same Auth is handed to the next host', async () => {
    const auth = createAuth();
    const first = await startHost({ auth });
    const { cookie } = await openLaunchUrl(first.host.url);
    expect(await projectsList(first.host.origin, cookie)).toBe(200);
    const spare = first.host.newLaunchUrl();
    const port = first.host.port;
    await first.stop();

    const second = await startHost({ auth, port });
    expect(await projectsList(second.host.origin, cookie)).toBe(401);
    // A link handed out before the stop is dead too.
    expect((await openLaunchUrl(spare)).status).toBe(401);
  });
});
