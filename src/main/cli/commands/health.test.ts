import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../services/runtime/test-kit';
import { cliIn } from '../cli-test-kit';

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
