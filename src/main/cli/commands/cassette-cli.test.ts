import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET, startVendor, writeHttpConnector } from '../../services/runtime/cassette-kit';
import { fixture } from '../../services/runtime/test-kit';
import { cliIn } from '../cli-test-kit';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-cli-cassette-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = cliIn(tmp);

describe('connector-studio run/health --record and --replay', () => {
  it('records a run and a health check by name under the project\'s tests/cassettes, then replays them with the vendor stopped', async () => {
    const project = path.join(tmp, 'connector-http-probe');
    const folder = writeHttpConnector(path.join(project, 'http-probe'));
    const vendor = await startVendor();
    const config = path.join(tmp, 'config.json');
    writeFileSync(config, JSON.stringify({ server_url: vendor.url, credential: SECRET }));
    try {
      const rec = await cli('run', folder, 'fetch', '--config', config, '--record', 'probe', '--json');
      expect(rec.code).toBe(0);
      const health = await cli('health', folder, '--config', config, '--record', 'probe');
      expect(health.code).toBe(0);
    } finally {
      await vendor.close();
    }
    const cassettes = path.join(project, 'tests', 'cassettes');
    expect(readdirSync(cassettes).sort()).toEqual(['check_health-probe.json', 'check_health-probe.run.json', 'fetch-probe.json', 'fetch-probe.run.json']);
    for (const name of readdirSync(cassettes)) expect(readFileSync(path.join(cassettes, name), 'utf8')).not.toContain(SECRET);
    const replay = await cli('run', folder, 'fetch', '--config', config, '--replay', 'probe', '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out)).toMatchObject({ status: 'Success', data: { items: [1, 2, 3], more: { more: true } } });
    expect((await cli('health', folder, '--config', config, '--replay', 'probe')).code).toBe(0);
    const none = await cli('health', folder, '--config', config, '--replay', 'other');
    expect(none.code).toBe(2);
    expect(none.err).toContain(path.join(cassettes, 'check_health-other.json'));
    expect((await cli('run', folder, 'fetch', '--config', config, '--record', 'bad name')).code).toBe(2);
  });

  it('still takes a cassette file path, and an unmatched request names itself', async () => {
    const folder = writeHttpConnector(path.join(tmp, 'http-probe'));
    const vendor = await startVendor();
    const config = path.join(tmp, 'config2.json');
    writeFileSync(config, JSON.stringify({ server_url: vendor.url, credential: SECRET }));
    try {
      expect((await cli('run', folder, 'fetch', '--config', config, '--record', 'run.json')).code).toBe(0);
    } finally {
      await vendor.close();
    }
    expect(readFileSync(path.join(tmp, 'run.json'), 'utf8')).not.toContain(SECRET);
    const miss = await cli('health', folder, '--config', config, '--replay', 'run.json');
    expect(miss.code).toBe(1);
    expect(miss.out).toMatch(/no recorded response for POST .*q=health.*record again/);
  });

  it('runs a .tgz and removes its temporary folder afterwards', async () => {
    const tgz = path.join(tmp, 'hello.tgz');
    execFileSync('tar', ['-czf', tgz, '-C', path.dirname(fixture('hello-world')), 'hello-world']);
    const config = path.join(tmp, 'hello.json');
    writeFileSync(config, '{"server_url": "https://example.test"}');
    const before = new Set(readdirSync(os.tmpdir()));
    const health = await cli('health', tgz, '--config', config);
    expect(health.code).toBe(0);
    const run = await cli('run', 'hello.tgz', 'greet', '--config', config, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ status: 'Success', operation: 'greet' });
    const left = readdirSync(os.tmpdir()).filter((n) => !before.has(n) && existsSync(path.join(os.tmpdir(), n, 'hello-world')));
    expect(left).toEqual([]);
  });
});
