import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest, tempDir } from '../../sandbox/test-kit';
import { UsageError, type CliIO } from '../command';
import sandbox, { sandboxOptions } from './sandbox';

const tmp = tempDir('cs-cli-sandbox-');
afterAll(() => tmp.dispose());
writeFileSync(path.join(tmp.dir, 'cert.pem'), 'not really a certificate');
const io = { cwd: tmp.dir, env: { FSOAR_USER_DATA_DIR: path.join(tmp.dir, 'user') } };

describe('connector-studio sandbox', () => {
  it('prints its URL as a JSON line, serves until SIGTERM, and keeps its data', async () => {
    let printed: (line: string) => void = () => undefined;
    const firstLine = new Promise<string>((resolve) => (printed = resolve));
    const cli: CliIO = { ...io, out: (t) => printed(t), err: () => undefined };
    const running = sandbox.run(['--port', '0', '--data', 'sb', '--user', 'admin:pa:ss', '--json'], cli);
    const { url, dataDir } = JSON.parse(await firstLine) as { url: string; dataDir: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(dataDir).toBe(path.join(tmp.dir, 'sb'));
    const login = await rawRequest(url, 'POST', '/auth/authenticate', { 'content-type': 'application/json' }, JSON.stringify({ credentials: { loginid: 'admin', password: 'pa:ss' } }));
    expect(login.status).toBe(200);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
    await expect(rawRequest(url, 'GET', '/api/3/people')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reads credentials and defaults from the flags', () => {
    const o = sandboxOptions(['--api-key', 'k1', '--hmac', 'pub:priv:x'], io);
    expect(o).toMatchObject({ port: 0, host: '127.0.0.1', apiKeys: [{ key: 'k1' }], hmacKeys: [{ publicKey: 'pub', privateKey: 'priv:x' }], users: [] });
    expect(o.dataDir).toBe(path.join(tmp.dir, 'user', 'sandbox'));
    expect(o.jobStepMs).toBeUndefined();
    expect(sandboxOptions(['--api-key', 'k1', '--job-step-ms', '1500'], io).jobStepMs).toBe(1500);
  });

  it('adds users and keys from --config, with roles', () => {
    writeFileSync(path.join(tmp.dir, 'access.json'), JSON.stringify({ users: [{ name: 'viewer', password: 'v', role: 'readonly' }], apiKeys: [{ key: 'k2' }] }));
    const o = sandboxOptions(['--user', 'admin:a', '--config', 'access.json'], io);
    expect(o.users).toEqual([{ name: 'admin', password: 'a' }, { name: 'viewer', password: 'v', role: 'readonly' }]);
    expect(o.apiKeys).toEqual([{ key: 'k2' }]);
  });

  it.each([
    ['a --config of the wrong shape', ['--config', 'cert.pem'], /not valid JSON/],
    ['no credentials', [], /at least one way in/],
    ['a bad --user', ['--user', 'nopassword'], /NAME:PASSWORD/],
    ['a bad port', ['--user', 'a:b', '--port', 'x'], /--port must be/],
    ['a bad --job-step-ms', ['--user', 'a:b', '--job-step-ms', 'slow'], /--job-step-ms must be/],
    ['a certificate without its key', ['--user', 'a:b', '--tls-cert', 'cert.pem'], /go together/],
    ['a missing certificate', ['--user', 'a:b', '--tls-cert', 'nope.pem', '--tls-key', 'nope.pem'], /cannot read --tls-cert/],
  ])('is a usage error with %s', (_name, argv, message) => {
    expect(() => sandboxOptions(argv, io)).toThrow(UsageError);
    expect(() => sandboxOptions(argv, io)).toThrow(message);
  });
});
