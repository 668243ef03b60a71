/**
 * The framework helpers through the real worker, called the way published connectors call them (the fixture
 * connectors quote their callers). Each test is a row of docs/runtime-helpers.md.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, makeKit } from './test-kit';

const kit = makeKit();
const forwarder = fixture('kwargs-forwarder');
const helpers = fixture('helper-calls');

afterAll(async () => {
  await kit.dispose();
});

describe('execute: the keyword arguments the server passes', () => {
  it('always passes env=, the request’s environment or {} without one', async () => {
    const read = await kit.runtime.execute(forwarder, 'read_env', {}, {});
    expect(read).toMatchObject({ status: 'Success', data: { env_keys: [], kwargs: ['env'] } });
    const step = await kit.runtime.execute(forwarder, 'read_env', {}, {}, { env: { step: 'enrich' } });
    expect(step).toMatchObject({ status: 'Success', data: { env_keys: ['step'], kwargs: ['env'] }, env: { step: 'enrich' } });
  });

  it('so a connector forwarding **kwargs to a (config, params) function fails as it does on the server', async () => {
    for (const env of [undefined, { step: 'enrich' }]) {
      const r = await kit.runtime.execute(forwarder, 'topic_list', {}, {}, env ? { env } : {});
      expect(r.status).toBe('Failed');
      expect(r.message).toContain("unexpected keyword argument 'env'");
    }
  });
});

describe('Connector methods as in Fortinet’s library', () => {
  it('health is verify_health of an active configuration: check_health raising gives its text, with the traceback logged', async () => {
    expect(await kit.runtime.checkHealth(helpers, { api_key: 'k' })).toMatchObject({ status: 'Available', message: 'Connector is available' });
    const bad = await kit.runtime.checkHealth(helpers, {});
    expect(bad).toMatchObject({ status: 'Disconnected', message: 'Invalid API key' });
    expect(bad.logs.some((l) => l.level === 'ERROR' && l.message.includes('Traceback') && l.message.includes('helper-calls/connector.py'))).toBe(true);
  });

  it('a returned Result gives its message and data; a failed one fails the action with its message', async () => {
    expect(await kit.runtime.execute(helpers, 'result_message', {}, {})).toMatchObject({
      status: 'Success',
      message: '2 records updated',
      data: { updated: 2 },
    });
    expect(await kit.runtime.execute(helpers, 'result_failed', {}, {})).toMatchObject({ status: 'Failed', message: 'Vendor refused: quota exceeded' });
  });
});

describe('cyops_utilities builtins', () => {
  it('create_cyops_attachment(filename=<path>, name=, description=) creates the attachment', async () => {
    const r = await kit.runtime.execute(helpers, 'csv_attachment', {}, {});
    expect(r).toMatchObject({
      status: 'Success',
      data: { '@type': 'Attachment', name: 'dataset.csv', description: 'Created by CSV Data Management Connector', file: { filename: 'dataset.zip' } },
    });
  });

  it('explode_email(<raw bytes>, optimize=, parse_inline_image=, **kwargs) parses the message it is given', async () => {
    const r = await kit.runtime.execute(helpers, 'fetch_email', {}, {}, { env: { step: 'fetch' } });
    expect(r).toMatchObject({ status: 'Success', data: { subject: 'Invoice', body: 'Please pay', attachments: ['invoice.pdf'] } });
    expect((r.data as { saved: string[] }).saved).toHaveLength(2); // the message and its attachment, in env.files
  });

  it('files registered with save_file_in_env are removed when the call ends', async () => {
    const r = await kit.runtime.execute(helpers, 'temp_export', {}, {}, { env: { step: 'export' } });
    expect(r.status).toBe('Success');
    const file = (r.data as { path: string }).path;
    expect(path.basename(file)).toBe('export.json');
    expect(Object.keys((r.env as { files: Record<string, unknown> }).files)).toEqual(['export.json']);
    expect(existsSync(file)).toBe(false);
  });
});

describe('removal after the call stays inside TMP_FILE_ROOT', () => {
  it('leaves a file registered from outside it in place, and says so', async () => {
    // TMP_FILE_ROOT is '/tmp' by default, where the test's data folder is too: here it is a folder of its own.
    const tmpFileRoot = mkdtempSync(path.join(os.tmpdir(), 'cs-tmp-file-root-'));
    const own = makeKit({ tmpFileRoot });
    const r = await own.runtime.execute(helpers, 'register_outside', {}, {}, { env: { step: 'outside' } });
    expect(r.status, r.message).toBe('Success');
    const kept = (r.data as { path: string }).path;
    expect(readFileSync(kept, 'utf8')).toBe('still here');
    expect(r.logs.filter((l) => l.level === 'WARNING' && l.message.startsWith('Not removed after the call'))).toHaveLength(3);
    await own.dispose();
    rmSync(tmpFileRoot, { recursive: true, force: true });
  });
});

describe('processes a connector starts', () => {
  it('a listener script run with sys.executable imports the framework modules', async () => {
    const r = await kit.runtime.execute(helpers, 'start_listener', {}, {});
    expect(r.status, r.message).toBe('Success');
    const data = r.data as { port: string; framework: string; tmp: string; logger: string };
    expect(data.port).toBe('10010');
    expect(data.framework).toContain(path.join('resources', 'python', 'shims', 'connectors', 'core', 'connector.py'));
    expect(data.logger).toBe('connectors.helper-calls-listener');
  });
});
