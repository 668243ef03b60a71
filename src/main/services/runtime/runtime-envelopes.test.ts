import { afterAll, describe, expect, it } from 'vitest';
import { fixture, makeKit } from './test-kit';

// One worker per fixture, reused across tests as in the app: these also exercise warm calls.
const kit = makeKit();
afterAll(() => kit.dispose());
const hello = fixture('hello-world');
const run = (op: string, params: Record<string, unknown> = {}, config: Record<string, unknown> = {}) =>
  kit.runtime.execute(hello, op, params, config);

describe('health', () => {
  it('reports Available with the connector logs of the call', async () => {
    const r = await kit.runtime.checkHealth(hello, { server_url: 'https://example.test' });
    expect(r).toMatchObject({ status: 'Available', message: 'Connector is available', stdout: '', stderr: '' });
    expect(Object.keys(r).slice(0, 4)).toEqual(['status', 'message', 'durationMs', 'logs']);
    expect(r.logs).toEqual([expect.objectContaining({ level: 'INFO', logger: 'connectors.hello-world', message: 'health check for https://example.test' })]);
  });

  it('reports Disconnected with the error text, and the traceback in the logs', async () => {
    const r = await kit.runtime.checkHealth(hello, {});
    expect(r).toMatchObject({ status: 'Disconnected', message: 'Server URL is required' });
    const trace = r.logs.find((l) => l.level === 'ERROR')!.message;
    expect(trace).toContain('hello-world/operations.py');
    expect(trace).not.toContain('runner.py');
  });
});

describe('execute envelope', () => {
  it('wraps plain data and compares it with output_schema', async () => {
    const r = await run('greet', { name: 'Ada' });
    expect(Object.keys(r).slice(0, 7)).toEqual(['operation', 'status', 'message', 'data', 'durationMs', 'logs', 'stdout']);
    expect(r).toMatchObject({ operation: 'greet', status: 'Success', message: '', data: { greeting: 'Hello Ada', length: 9 } });
    expect(r.schema).toEqual({ missing: ['language'], extra: ['length'] });
    expect(r.operationMs).toBeGreaterThanOrEqual(0);
  });

  it('loads a hyphenated connector under its mangled package name, with relative imports', async () => {
    const r = await run('echo', { a: 1 }, { server_url: 'x' });
    expect(r.data).toEqual({ params: { a: 1 }, config_keys: ['server_url'], package: 'hello_world_1_0_0' });
    expect(r.schema).toEqual({ missing: [], extra: [] }); // output_schema {} declares nothing
  });

  it('fails with a ConnectorError message and logs the traceback', async () => {
    const r = await run('fail');
    expect(r).toMatchObject({ status: 'Failed', message: 'Invalid API key', data: null, schema: { missing: [], extra: [] } });
    expect(r.logs.at(-1)!.message).toMatch(/Traceback[\s\S]*ConnectorError: Invalid API key/);
  });

  it('fails on any other exception', async () => {
    const r = await run('boom');
    expect(r).toMatchObject({ status: 'Failed', message: "'missing'" });
    expect(r.logs.at(-1)!.message).toContain("KeyError: 'missing'");
  });

  it('takes status, message and data from a Result', async () => {
    expect(await run('result_object')).toMatchObject({ status: 'Success', message: 'Done via Result', data: { answer: 42 } });
    expect(await run('result_failed')).toMatchObject({ status: 'Failed', message: 'Result says no' });
  });

  it('fails on an operation the connector does not dispatch', async () => {
    expect(await run('nope')).toMatchObject({ status: 'Failed', message: 'Unsupported operation: nope' });
  });

  it('passes env and returns what the connector added to it', async () => {
    const r = await kit.runtime.execute(hello, 'env_read', {}, {}, { env: { step: 'x' } });
    expect(r.data).toEqual({ env_keys: ['step', 'touched'] });
    expect(r.env).toEqual({ step: 'x', touched: true });
  });

  it('turns values JSON cannot hold into JSON', async () => {
    const r = await run('odd_data');
    expect(r.data).toEqual({ when: '2024-01-02T03:04:05', tags: ['a'], nan: null, '1': 'int key', raw: '//4=', text: 'plain' });
  });
});

describe('captured output', () => {
  it('keeps print() apart from the protocol and returns stdout, stderr and logs per call', async () => {
    const r = await run('noisy');
    expect(r).toMatchObject({ status: 'Success', data: { printed: true }, stdout: 'hello from print\n', stderr: 'warning on stderr\n' });
    expect(r.logs.map((l) => l.message)).toEqual(['info from the connector']);
    const next = await run('trivial');
    expect(next).toMatchObject({ stdout: '', stderr: '', logs: [] });
  });

  it('streams logs and output to listeners while the call runs', async () => {
    const seen: string[] = [];
    await kit.runtime.execute(hello, 'noisy', {}, {}, { onLog: (e) => seen.push(e.message), onOutput: (s, t) => seen.push(`${s}:${t}`) });
    expect(seen).toEqual(['stdout:hello from print\n', 'stderr:warning on stderr\n', 'info from the connector']);
  });

  it('masks password configuration values in logs and output', async () => {
    const r = await run('leak_key', {}, { api_key: 'sup3r-s3cret' });
    expect(r.logs[0]?.message).toBe('calling with key ********');
    expect(r.stdout).toBe('key=********\n');
  });
});

describe('configuration hooks', () => {
  it('runs on_update_config with old, new and active', async () => {
    const r = await kit.runtime.runHook(hello, 'on_update_config', [{ a: 1 }, { a: 2 }, true]);
    expect(r).toMatchObject({ hook: 'on_update_config', status: 'Success', data: { old: { a: 1 }, new: { a: 2 }, active: true } });
    expect(r.logs[0]?.message).toBe('configuration updated');
  });

  it('runs the base class no-op hooks', async () => {
    for (const hook of ['on_add_config', 'on_activate', 'on_deactivate'] as const) {
      const args = hook === 'on_add_config' ? [{}, true] : [{}];
      expect(await kit.runtime.runHook(hello, hook, args)).toMatchObject({ status: 'Success', data: null });
    }
  });

  it('refuses an unknown hook', async () => {
    const r = await kit.runtime.runHook(hello, 'rm_rf' as never, []);
    expect(r).toMatchObject({ status: 'Failed', message: expect.stringContaining("Unknown configuration hook 'rm_rf'") });
  });
});

describe('a folder named like the library it imports', () => {
  it('imports the real kafka library, not itself', async () => {
    const r = await kit.runtime.execute(fixture('kafka'), 'library_info', {}, {});
    expect(r.status).toBe('Success');
    expect(r.data).toMatchObject({ producer: 'KafkaProducer', package: 'kafka_1_1_0' });
    expect((r.data as { library: string }).library).toContain('site-packages/kafka/__init__.py');
  });
});
