import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { treeHash } from '../../../helpers/tree-hash';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';

/**
 * The browser host's HTTP API, driven the way another program on the machine (or a page elsewhere) would:
 * Playwright's APIRequestContext against the real host the fixture starts, no browser page involved.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;


/** Opens the launch URL without following the redirect and returns the session cookie it sets. */
async function login(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url, { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  const setCookie = res.headers()['set-cookie'] ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  return setCookie.split(';')[0];
}

function rpc(request: APIRequestContext, origin: string, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return request.post(`${origin}/rpc/${channel}`, { headers: { 'Content-Type': 'application/json', ...headers }, data: body, maxRedirects: 0 });
}

test('no token and no session cookie: 401 for the API and the app, a wrong token or cookie too', async ({ request, app }) => {
  const { origin } = app.host;
  const res = await rpc(request, origin, 'projects.list', {});
  expect(res.status()).toBe(401);
  expect(((await res.json()) as Json).ok).toBe(false);
  expect((await rpc(request, origin, 'files.read', { projectId: 'x', relPath: 'info.json' })).status()).toBe(401);
  expect((await request.get(`${origin}/`, { maxRedirects: 0 })).status()).toBe(401);
  expect((await request.get(`${origin}/healthz`, { maxRedirects: 0 })).status()).toBe(401);
  expect((await request.get(`${origin}/?token=not-the-token`, { maxRedirects: 0 })).status()).toBe(401);
  expect((await rpc(request, origin, 'projects.list', {}, { Cookie: 'cs_session=forged' })).status()).toBe(401);

  // The real token is exchanged for a cookie, and that cookie opens the API.
  const cookie = await login(request, app.host.url);
  const ok = await rpc(request, origin, 'projects.list', {}, { Cookie: cookie });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as Json;
  expect(body.ok).toBe(true);
  expect(body.value.map((p: { name: string }) => p.name)).toContain(SAMPLE_CONNECTOR);
});

test('a foreign Origin or a foreign Host is refused with 403, even with a valid session', async ({ request, app }) => {
  const { origin, port } = app.host;
  const cookie = await login(request, app.host.url);
  // Our own origin passes: the control for the refusals below.
  expect((await rpc(request, origin, 'projects.list', {}, { Cookie: cookie, Origin: origin })).status()).toBe(200);

  for (const foreign of ['https://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) {
    const res = await rpc(request, origin, 'projects.list', {}, { Cookie: cookie, Origin: foreign });
    expect(res.status(), `Origin ${foreign}`).toBe(403);
    expect(((await res.json()) as Json).error.code).toBe('FORBIDDEN');
  }
  // A page elsewhere cannot even fetch the launch URL with its token into a session.
  expect((await request.get(app.host.url, { headers: { Origin: 'https://evil.example' }, maxRedirects: 0 })).status()).toBe(403);

  // A DNS-rebound name: the Host header is not our loopback address. Sent raw, so nothing rewrites the header.
  for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/rpc/projects.list', method: 'POST', headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status, `Host ${host}`).toBe(403);
  }
});

test('../, absolute and linked paths are refused with a clear error, and nothing outside the workspace changes', async ({ request, app }) => {
  const { origin } = app.host;
  const cookie = await login(request, app.host.url);
  const call = async (channel: string, body: unknown) => (await (await rpc(request, origin, channel, body, { Cookie: cookie })).json()) as Json;

  // A sentinel folder beside the workspace, and two links planted inside the project that lead to it.
  const outside = path.join(path.dirname(app.dirs.workspace), 'sentinel');
  await mkdir(path.join(outside, 'nested'), { recursive: true });
  await writeFile(path.join(outside, 'secret.txt'), 'do not touch\n');
  await writeFile(path.join(outside, 'nested', 'keep.json'), '{"keep": true}\n');
  await symlink(outside, path.join(app.sampleRoot, 'escape-link'));
  await symlink(path.join(outside, 'secret.txt'), path.join(app.sampleRoot, 'secret-link.txt'));
  const before = await treeHash(outside);
  const besideBefore = (await readdir(path.dirname(app.dirs.workspace))).sort();

  const list = await call('projects.list', {});
  const project = list.value.find((p: { name: string }) => p.name === SAMPLE_CONNECTOR);
  expect(project).toBeTruthy();
  const projectId: string = project.id;
  // The project root is <workspace>/connector-sample-threat-intel: two levels up is the fixture's folder.
  const dotdot = ['../sentinel/secret.txt', '../../sentinel/secret.txt', `${SAMPLE_CONNECTOR}/../../../sentinel/secret.txt`, '..\\..\\sentinel\\secret.txt'];
  const absolute = [path.join(outside, 'secret.txt'), '/etc/passwd', 'C:\\Windows\\win.ini'];
  const linked = ['escape-link/secret.txt', 'escape-link/nested/keep.json', 'secret-link.txt'];

  const refused = (body: Json, what: string, why: RegExp) => {
    expect(body.ok, what).toBe(false);
    expect(body.error.code, what).toBe('OUTSIDE_WORKSPACE');
    // Clear: it names the path, says why and what to do instead.
    expect(body.error.message, what).toContain('is refused');
    expect(body.error.message, what).toMatch(why);
    expect(body.error.message, what).toContain('Use a path inside the project');
  };
  for (const relPath of dotdot) {
    refused(await call('files.read', { projectId, relPath }), `read ${relPath}`, /contains "\.\."/);
    refused(await call('files.write', { projectId, relPath, text: 'pwned' }), `write ${relPath}`, /contains "\.\."/);
  }
  for (const relPath of absolute) {
    refused(await call('files.read', { projectId, relPath }), `read ${relPath}`, /absolute/);
    refused(await call('files.write', { projectId, relPath, text: 'pwned' }), `write ${relPath}`, /absolute/);
  }
  for (const relPath of linked) {
    refused(await call('files.read', { projectId, relPath }), `read ${relPath}`, /through a link/);
    refused(await call('files.write', { projectId, relPath, text: 'pwned' }), `write ${relPath}`, /through a link/);
  }
  // New files through the link or up the tree, a base64 write, and the other writing channels.
  refused(await call('files.write', { projectId, relPath: 'escape-link/new.txt', text: 'pwned' }), 'write new through link', /through a link/);
  refused(await call('files.write', { projectId, relPath: '../../escaped.txt', base64: Buffer.from('pwned').toString('base64') }), 'base64 write', /contains "\.\."/);
  refused(await call('files.createDir', { projectId, relPath: '../../sentinel/made' }), 'createDir ..', /contains "\.\."/);
  refused(await call('files.createDir', { projectId, relPath: 'escape-link/made' }), 'createDir through link', /through a link/);
  refused(await call('files.rename', { projectId, from: `${SAMPLE_CONNECTOR}/utils.py`, to: '../../sentinel/utils.py' }), 'rename out', /contains "\.\."/);
  refused(await call('files.rename', { projectId, from: '../../sentinel/secret.txt', to: 'stolen.txt' }), 'rename in', /contains "\.\."/);
  refused(await call('files.delete', { projectId, relPath: '../../sentinel/secret.txt' }), 'delete ..', /contains "\.\."/);
  refused(await call('files.delete', { projectId, relPath: 'escape-link/secret.txt' }), 'delete through link', /through a link/);

  // Nothing outside the workspace was created or changed, and the project's own file is where it was.
  expect(await treeHash(outside)).toEqual(before);
  expect((await readdir(path.dirname(app.dirs.workspace))).sort()).toEqual(besideBefore);
  expect(existsSync(path.join(path.dirname(app.dirs.workspace), 'escaped.txt'))).toBe(false);
  expect(existsSync(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'utils.py'))).toBe(true);

  // The control: the same session reads and writes inside the project.
  const read = await call('files.read', { projectId, relPath: `${SAMPLE_CONNECTOR}/info.json` });
  expect(read.ok).toBe(true);
  const wrote = await call('files.write', { projectId, relPath: 'inside.txt', text: 'fine' });
  expect(wrote.ok).toBe(true);
  expect(await readFile(path.join(app.sampleRoot, 'inside.txt'), 'utf8')).toBe('fine');
});
