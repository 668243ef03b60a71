import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { parsePrompt, type CredentialRequest } from './askpass';
import { createGitService } from './git-service';

const SHA = '1234567890abcdef1234567890abcdef12345678';

/** A git host that wants Basic auth (alice:s3cret) and then serves one ref over the dumb HTTP protocol. */
async function authServer() {
  const seen: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers.authorization);
    const ok = req.headers.authorization === `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
    if (!ok) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="acme"' }).end('no');
      return;
    }
    if (req.url?.startsWith('/acme/x.git/info/refs')) res.writeHead(200, { 'content-type': 'text/plain' }).end(`${SHA}\trefs/heads/main\n`);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/acme/x.git`;
  servers.push(server);
  return { url, seen };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('askpass: credentials come to the UI, never to a terminal', () => {
  it('asks the callback for user name and password, and the server receives them', async () => {
    const { url, seen } = await authServer();
    const asked: CredentialRequest[] = [];
    const git = createGitService(() => 'git', {
      userDataDir: await tmpDir(),
      askCredential: async (req) => {
        asked.push(req);
        return req.kind === 'username' ? 'alice' : 's3cret';
      },
    });
    expect(await git.listRemoteRefs(url)).toEqual([{ name: 'refs/heads/main', sha: SHA }]);
    const origin = new URL(url).origin;
    expect(asked.map((a) => [a.kind, a.url])).toEqual([['username', origin], ['password', origin.replace('//', '//alice@')]]);
    expect(seen).toContain(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
  });

  it('fails fast as "authentication failed" when no UI is attached', async () => {
    const { url, seen } = await authServer();
    const git = createGitService(() => 'git', { userDataDir: await tmpDir() });
    const started = Date.now();
    const e = await git.listRemoteRefs(url).catch((x) => x);
    expect(e).toMatchObject({ code: 'GIT', details: { kind: 'auth-failed' } });
    expect(e.message).toMatch(/Authentication to .* failed/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(seen.every((h) => h === undefined)).toBe(true);
  });

  it('treats a cancelled prompt and wrong credentials as authentication failures', async () => {
    const { url } = await authServer();
    const git = createGitService(() => 'git', { userDataDir: await tmpDir(), askCredential: async () => null });
    await expect(git.listRemoteRefs(url)).rejects.toMatchObject({ details: { kind: 'auth-failed' } });
    git.setAskCredential(async (r) => (r.kind === 'username' ? 'alice' : 'wrong'));
    await expect(git.listRemoteRefs(url)).rejects.toMatchObject({ details: { kind: 'auth-failed' } });
  });

  it('writes a helper that holds no secret and parses git prompts', async () => {
    const dir = await tmpDir();
    const git = createGitService(() => 'git', { userDataDir: dir });
    await git.listRemoteRefs('http://127.0.0.1:9/x.git').catch(() => undefined);
    const script = await readFile(`${dir}/git-askpass/askpass.js`, 'utf8');
    expect(script).toContain('CONNECTOR_STUDIO_ASKPASS_TOKEN');
    expect(parsePrompt("Password for 'https://me@github.com': ")).toEqual({ kind: 'password', url: 'https://me@github.com', prompt: "Password for 'https://me@github.com': " });
    expect(parsePrompt("Enter passphrase for key '/home/u/.ssh/id_ed25519': ").kind).toBe('passphrase');
  });
});
