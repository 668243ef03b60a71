import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../services/runtime/test-kit';
import { OAUTH_CLIENT, startOAuthVendor, type OAuthVendor } from '../../../../tests/helpers/oauth-vendor';
import { cliIn } from '../cli-test-kit';
import { derivedConfigId, uuidV5 } from '../config-record';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-cli-health-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => (writeFileSync(path.join(tmp, name), text), path.join(tmp, name));

const cli = cliIn(tmp);

describe('connector-studio health', () => {
  const good = file('good.json', '{"server_url": "https://example.test"}');

  it('exits 0 and prints the health envelope with --json', async () => {
    const r = await cli('health', fixture('hello-world'), '--config', good, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ status: 'Available', message: 'Connector is available' });
    expect(Object.keys(json).slice(0, 4)).toEqual(['status', 'message', 'durationMs', 'logs']);
    expect(json.logs[0].message).toBe('health check for https://example.test');
  });

  it('prints a readable summary with the logs', async () => {
    const r = await cli('health', fixture('hello-world'), '--config', good);
    expect(r.out).toMatch(/^Available: Connector is available \(\d+ ms\)\nLogs:\n {2}\S+ INFO {4}connectors.hello-world: health check for https:\/\/example.test/);
  });

  it('exits 1 when the connector is Disconnected', async () => {
    const r = await cli('health', fixture('hello-world'), '--config', file('empty.json', '{}'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'Disconnected', message: 'Server URL is required' });
  });

  it.each([
    ['a missing folder', ['health', 'nowhere', '--config', 'good.json'], /no such folder: .*nowhere/],
    ['a folder that is not a connector', ['health', '.', '--config', 'good.json'], /is not a connector folder: it has no info.json/],
    ['no --config', ['health', fixture('hello-world')], /--config FILE is required/],
    ['an unreadable config', ['health', fixture('hello-world'), '--config', 'missing.json'], /cannot read --config .*missing.json: ENOENT/],
    ['a config that is not JSON', ['health', fixture('hello-world'), '--config', 'bad.json'], /--config .*bad.json is not valid JSON/],
    ['a config that is not an object', ['health', fixture('hello-world'), '--config', 'list.json'], /must hold a JSON object/],
    ['a missing .tgz', ['health', 'hello.tgz', '--config', 'good.json'], /no such file: .*hello\.tgz/],
    ['a .tgz that is not a gzip archive', ['health', 'bad.tgz', '--config', 'good.json'], /cannot open .*bad\.tgz/],
    ['both --record and --replay', ['health', fixture('hello-world'), '--config', 'good.json', '--record', 'a.json', '--replay', 'b.json'], /not both/],
    ['a missing cassette to replay', ['health', fixture('hello-world'), '--config', 'good.json', '--replay', 'b.json'], /no cassette to replay/],
  ])('exits 2 on %s', async (_name, argv, message) => {
    file('bad.json', '{"server_url": ');
    file('list.json', '[1]');
    file('bad.tgz', 'not gzip');
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: connector-studio health');
  });
});

describe('connector-studio health and run: the --config file is the configuration record', () => {
  const oauth = fixture('token-refresh');
  const vendors: OAuthVendor[] = [];
  afterAll(async () => void (await Promise.all(vendors.map((v) => v.close()))));
  const vendor = async () => {
    const v = await startOAuthVendor();
    vendors.push(v);
    return v;
  };
  const recordFile = (dir: string, name: string, values: Record<string, unknown>) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, name), JSON.stringify(values, null, 2) + '\n', { mode: 0o600 });
    return path.join(dir, name);
  };
  const receivedBy = (json: string) => /health check of configuration (\S+) \((.+), status (\d)\)/.exec((JSON.parse(json) as { logs: Array<{ message: string }> }).logs.map((l) => l.message).join('\n'))?.slice(1);

  it('merges the token a health check refreshes into the file, so run is authorized afterwards', async () => {
    const v = await vendor();
    const cfg = recordFile(path.join(tmp, 'plain'), 'oauth.json', { server_url: v.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret });

    const refused = await cli('run', oauth, 'whoami', '--config', cfg);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Unauthorized');

    const h = await cli('health', oauth, '--config', cfg, '--json');
    expect(h.code).toBe(0);
    expect(h.err).toContain(`the connector updated its configuration (access_token, token_expires): saved to ${cfg}`);
    const token = v.issued[0]!;
    const json = JSON.parse(h.out) as { configSaved: unknown; configUpdates: Array<{ config: Record<string, unknown> }> };
    expect(json.configSaved).toEqual({ fields: ['access_token', 'token_expires'], target: cfg });
    // --json may land in a CI log: the refreshed token and the password are masked there, and only there.
    expect(h.out).not.toContain(token);
    expect(h.out).not.toContain(OAUTH_CLIENT.secret);
    expect(json.configUpdates[0]!.config).toMatchObject({ access_token: '********', client_secret: '********' });

    const record = JSON.parse(readFileSync(cfg, 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ server_url: v.url, client_id: OAUTH_CLIENT.id, access_token: token });
    expect(Object.keys(record)).not.toContain('config_id'); // the server's keys are the record's, not stored fields
    expect(statSync(cfg).mode & 0o777).toBe(0o600);

    const ok = await cli('run', oauth, 'whoami', '--config', cfg, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ status: 'Success', data: { user: 'ada@example.test' } });
  });

  it('warns and leaves a file git tracks unchanged: refreshed tokens must not land in git', async () => {
    const v = await vendor();
    const repo = path.join(tmp, 'repo');
    const cfg = recordFile(repo, 'oauth.json', { server_url: v.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'oauth.json');
    git('commit', '-q', '-m', 'config');
    const before = readFileSync(cfg, 'utf8');

    const h = await cli('health', oauth, '--config', cfg, '--json');
    expect(h.code).toBe(0);
    expect(h.err).toContain(`warning: the connector updated its configuration (access_token, token_expires), but ${cfg} is tracked by git: not written, because refreshed tokens must not land in git`);
    expect(JSON.parse(h.out)).toMatchObject({ configSaved: { fields: ['access_token', 'token_expires'], notWritten: 'git-tracked' } });
    expect(readFileSync(cfg, 'utf8')).toBe(before);
    expect(git('status', '--porcelain').toString()).toBe('');
  });

  it("gives the connector the file's own config_id, or one derived from its absolute path that stays the same", async () => {
    const v = await vendor();
    const values = { server_url: v.url, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret };
    const a = recordFile(path.join(tmp, 'ids'), 'dev.json', values);
    const b = recordFile(path.join(tmp, 'ids'), 'other.json', values);
    const own = recordFile(path.join(tmp, 'ids'), 'own.json', { ...values, config_id: '0d6f1f2e-4c3b-4a5d-9e8f-7a6b5c4d3e2f', name: 'Production' });

    const first = receivedBy((await cli('health', oauth, '--config', a, '--json')).out);
    expect(first).toEqual([derivedConfigId(a), 'dev', '1']);
    expect(first?.[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The second check runs with the token the first saved, and the same id.
    expect(receivedBy((await cli('health', oauth, '--config', a, '--json')).out)).toEqual(first);
    expect(receivedBy((await cli('health', oauth, '--config', b, '--json')).out)?.[0]).not.toBe(first?.[0]);
    expect(receivedBy((await cli('health', oauth, '--config', own, '--json')).out)).toEqual(['0d6f1f2e-4c3b-4a5d-9e8f-7a6b5c4d3e2f', 'Production', '1']);
    expect(JSON.parse(readFileSync(own, 'utf8'))).toMatchObject({ config_id: '0d6f1f2e-4c3b-4a5d-9e8f-7a6b5c4d3e2f', name: 'Production' });
  });

  it('derives version-5 UUIDs as RFC 4122 does', () => {
    // RFC 4122 / Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});
