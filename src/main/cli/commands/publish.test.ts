import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEL_KEY, USERS, copySample, sandboxWithUsers, startIntelStub, tempDir } from '../../sandbox/test-kit';
import type { Sandbox } from '../../sandbox/server';
import { UsageError, type CliIO } from '../command';
import publish from './publish';

const tmp = tempDir('cs-cli-publish-');
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let folder: string;
const env = { FSOAR_USER_DATA_DIR: path.join(tmp.dir, 'user'), SOAR_PASSWORD: USERS.admin.password, SOAR_KEY: USERS.apiKey, SOAR_HMAC: USERS.hmac.privateKey, WRONG: 'wrong-password' };

beforeAll(async () => {
  intel = await startIntelStub();
  sandbox = await sandboxWithUsers(path.join(tmp.dir, 'data'));
  folder = copySample(tmp.dir);
  writeFileSync(path.join(tmp.dir, 'config.json'), JSON.stringify({ server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false }));
});
afterAll(async () => {
  await sandbox.close();
  await intel.close();
  tmp.dispose();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: tmp.dir, env };
  const code = await publish.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const asAdmin = () => ['--server', sandbox.url, '--user', USERS.admin.name, '--password-env', 'SOAR_PASSWORD'];

function bump(version: string) {
  const info = path.join(folder, 'info.json');
  writeFileSync(info, readFileSync(info, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`));
}

describe('connector-studio publish', () => {
  it('publishes a folder, creates the configuration from --config and checks health (exit 0, JSON)', async () => {
    const r = await run('sample-threat-intel', ...asAdmin(), '--config', 'config.json', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ result: 'success', connector: { name: 'sample-threat-intel', version: '1.0.0' }, health: { status: 'Available' } });
    // The uploaded archive is kept in the user data folder.
    expect(json.archivePath.startsWith(path.join(env.FSOAR_USER_DATA_DIR, 'publish', 'archives'))).toBe(true);
    expect(readFileSync(json.archivePath).length).toBeGreaterThan(0);
  });

  it('refuses the same version without --replace (exit 1), explaining the choice', async () => {
    const r = await run('sample-threat-intel', ...asAdmin());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Publish failed: sample-threat-intel 1.0.0 is already installed on the server\. Choose Replace/);
    const j = await run('sample-threat-intel', ...asAdmin(), '--json');
    expect(JSON.parse(j.out)).toMatchObject({ result: 'error', error: { kind: 'conflict', code: 'CONFLICT' } });
  });

  it('replaces with --replace and reports each stage', async () => {
    const r = await run('sample-threat-intel', ...asAdmin(), '--replace', '--health-config', 'default');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Checking the package[\s\S]*Uploading sample-threat-intel\.tgz: \d+ bytes sent[\s\S]*Waiting for the import job[\s\S]*sample-threat-intel 1\.0\.0 is installed and Available/);
    expect(r.out).toMatch(/Archive kept at .*sample-threat-intel-1\.0\.0-[0-9a-f]{12}\.tgz$/m);
  });

  it('publishes with an API key and with an HMAC key pair', async () => {
    bump('1.1.0');
    expect((await run('sample-threat-intel', '--server', sandbox.url, '--api-key-env', 'SOAR_KEY')).code).toBe(0);
    bump('1.2.0');
    expect((await run('sample-threat-intel', '--server', sandbox.url, '--hmac-public', USERS.hmac.publicKey, '--hmac-private-env', 'SOAR_HMAC', '--delete-other-versions')).out).toMatch(/Uninstalled: 1\.1\.0, 1\.0\.0/);
  });

  it('explains a wrong password (exit 1) without printing it', async () => {
    const r = await run('sample-threat-intel', '--server', sandbox.url, '--user', USERS.admin.name, '--password-env', 'WRONG');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refused the user name or password \(HTTP 401\)/);
    expect(r.out + r.err).not.toContain('wrong-password');
  });

  it('names the TCP step for a dead server (exit 1)', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await run('sample-threat-intel', '--server', `http://127.0.0.1:${port}`, '--api-key-env', 'SOAR_KEY', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ result: 'error', error: { kind: 'tcp', hint: expect.stringMatching(/port/) } });
  });

  it.each([
    ['no source', ['--server', 'http://x'], /give the connector folder/],
    ['a missing source', ['nowhere', '--server', 'http://x', '--api-key-env', 'SOAR_KEY'], /no such folder or file/],
    ['no --server', ['sample-threat-intel', '--api-key-env', 'SOAR_KEY'], /--server URL is required/],
    ['no way to sign in', ['sample-threat-intel', '--server', 'http://x'], /exactly one way to sign in/],
    ['two ways to sign in', ['sample-threat-intel', '--server', 'http://x', '--api-key-env', 'SOAR_KEY', '--user', 'u', '--password-env', 'SOAR_PASSWORD'], /exactly one way/],
    ['an unset variable', ['sample-threat-intel', '--server', 'http://x', '--api-key-env', 'NOT_SET'], /NOT_SET .* is not set or empty/],
    ['a user without --password-env', ['sample-threat-intel', '--server', 'http://x', '--user', 'u'], /--password-env VAR is required/],
    ['a missing --ca file', ['sample-threat-intel', '--server', 'https://x', '--api-key-env', 'SOAR_KEY', '--ca', 'nope.pem'], /cannot read --ca/],
    ['a folder that is not a connector', ['user', '--server', 'http://127.0.0.1:9', '--api-key-env', 'SOAR_KEY'], /is not a connector/],
  ])('is a usage error (exit 2) with %s', async (_name, argv, message) => {
    const e = await run(...argv).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(message);
  });
});
