import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnvironmentService } from '../../services/runtime/environment-service';
import { fixture } from '../../services/runtime/test-kit';
import { cliIn } from '../cli-test-kit';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-cli-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => (writeFileSync(path.join(tmp, name), text), path.join(tmp, name));
const hello = fixture('hello-world');

const cli = cliIn(tmp);

describe('connector-studio run', () => {
  const config = file('config.json', '{"server_url": "https://example.test", "api_key": "k3y-k3y-k3y"}');
  const params = file('params.json', '{"name": "Ada"}');

  it('exits 0 and prints the run envelope with --json', async () => {
    const r = await cli('run', hello, 'greet', '--config', config, '--params', params, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).slice(0, 6)).toEqual(['operation', 'status', 'message', 'data', 'durationMs', 'logs']);
    expect(json).toMatchObject({ operation: 'greet', status: 'Success', message: '', data: { greeting: 'Hello Ada', length: 9 }, schema: { missing: ['language'], extra: ['length'] } });
  });

  it('prints the data, the schema differences and the output in readable form', async () => {
    const r = await cli('run', hello, 'greet', '--config', config, '--params', params);
    expect(r.out).toMatch(/^Success: greet \(\d+ ms\)\n\{\n {2}"greeting": "Hello Ada",/);
    expect(r.out).toContain('Output schema: missing language; not declared length');
    const noisy = await cli('run', hello, 'noisy', '--config', config);
    expect(noisy.out).toContain('stdout:\n  hello from print');
    expect(noisy.out).toContain('stderr:\n  warning on stderr');
  });

  it('exits 1 when the operation fails', async () => {
    const r = await cli('run', hello, 'fail', '--config', config, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'Failed', message: 'Invalid API key' });
  });

  it('tells about binary data and configuration updates', async () => {
    const fw = fixture('framework-user');
    expect((await cli('run', fw, 'binary_file', '--config', config)).out).toContain('(binary data, 15 bytes; --json gives it base64-encoded)');
    const own = file('fw-config.json', '{"server_url": "https://example.test"}');
    const saved = await cli('run', fw, 'save_token', '--config', own, '--params', file('token.json', '{"token": "t"}'));
    expect(saved.err).toContain(`the connector updated its configuration (token): saved to ${own}`);
    expect(JSON.parse(readFileSync(own, 'utf8'))).toEqual({ server_url: 'https://example.test', token: 't' });
  });

  it.each([
    ['no operation', ['run', hello, '--config', 'config.json'], /give the operation to run/],
    ['an operation info.json does not declare', ['run', hello, 'nope', '--config', 'config.json'], /declares no operation "nope"; it has: echo, greet, /],
    ['unreadable params', ['run', hello, 'greet', '--config', 'config.json', '--params', 'none.json'], /cannot read --params/],
    ['params that are not JSON', ['run', hello, 'greet', '--config', 'config.json', '--params', 'bad.json'], /--params .* is not valid JSON/],
    ['both --record and --replay', ['run', hello, 'greet', '--config', 'config.json', '--record', 'a.json', '--replay', 'c.json'], /--record or --replay, not both/],
    ['a missing cassette to replay', ['run', hello, 'greet', '--config', 'config.json', '--replay', 'none.json'], /no cassette to replay: .*none\.json does not exist/],
    ['a missing .tgz', ['run', 'none.tgz', 'greet', '--config', 'config.json'], /no such file: .*none\.tgz/],
    ['an unknown flag', ['run', hello, 'greet', '--config', 'config.json', '--fast'], /unknown option --fast/],
  ])('exits 2 on %s', async (_name, argv, message) => {
    file('bad.json', 'nope');
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('connector-studio run with the IDE environment', () => {
  it("uses the interpreter chosen for the connector in the Test view's Environment tab", async () => {
    const userData = path.join(tmp, 'user');
    const envs = createEnvironmentService({
      userDataDir: userData, connectorDirOf: async (p) => p, settingsPython: async () => ['python3'], stopWorker: async () => undefined, emit: () => undefined,
    });
    const prefs = path.join(path.dirname(envs.venvOf(hello)), 'environment.json');
    mkdirSync(path.dirname(prefs), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ interpreter: 'cs-no-such-python-cli' }));
    try {
      const r = await cli('run', hello, 'greet', '--config', file('c2.json', '{"server_url": "https://x.test", "api_key": "k"}'), '--params', file('p2.json', '{"name": "Ada"}'), '--json');
      expect(r.code).not.toBe(0);
      expect(r.out + r.err).toContain('cs-no-such-python-cli');
    } finally {
      rmSync(prefs);
    }
  });
});
