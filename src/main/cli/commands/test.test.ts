// Issue 17's "done means", with the real CLI, Python, requests and pytest: a template project, a fake vendor on
// 127.0.0.1, `run --record happy`, `test --new-from happy`, the vendor stopped, `test --junit` green with one
// testcase; then the operation answers something else and the test fails with a readable diff (exit 1).
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { cliIn } from '../cli-test-kit';

const API_KEY = 'tk-9c8b7a6d5e4f';

/** A new project from a template ships the template's own tests (template-tests.test.ts runs those): here the
 * project starts without them, so the loop under test is the one recording this test makes. */
function dropShippedTests(project: string) {
  for (const f of readdirSync(path.join(project, 'tests'))) if (/^test_.*\.py$/.test(f)) rmSync(path.join(project, 'tests', f));
  rmSync(path.join(project, 'tests', 'cassettes'), { recursive: true, force: true });
}

async function startVendor(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Content-Type', 'application/json');
    const ip = /^\/api\/v1\/ip\/([^/?]+)$/.exec(req.url ?? '')?.[1];
    if (req.headers.authorization !== `Bearer ${API_KEY}` || !ip) return void res.writeHead(req.headers.authorization ? 404 : 401).end('{"error": "no"}');
    res.end(JSON.stringify({ ip, score: 87, verdict: 'malicious', categories: ['scanner'], country: 'NL' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe('connector-studio test', () => {
  it('turns a recorded run into an offline test that passes, then fails with a diff when the output changes', async () => {
    const work = await tmpDir('cs-cli-test-');
    const cli = cliIn(work);
    expect((await cli('new', 'acme-intel', '--template', 'threat-intelligence', '--dir', 'ws')).code).toBe(0);
    const project = path.join(work, 'ws', 'connector-acme-intel');
    dropShippedTests(project);
    const connector = path.join(project, 'acme-intel');
    const vendor = await startVendor();
    writeFileSync(path.join(work, 'config.json'), JSON.stringify({ server_url: vendor.url, api_key: API_KEY, verify_ssl: false }));
    writeFileSync(path.join(work, 'params.json'), JSON.stringify({ ip: '203.0.113.7' }));

    const recorded = await cli('run', connector, 'get_ip_reputation', '--config', 'config.json', '--params', 'params.json', '--record', 'happy');
    expect(recorded.code, recorded.err + recorded.out).toBe(0);
    const runRecord = readFileSync(path.join(project, 'tests', 'cassettes', 'get_ip_reputation-happy.run.json'), 'utf8');
    expect(JSON.parse(runRecord)).toMatchObject({ operation: 'get_ip_reputation', params: { ip: '203.0.113.7' }, config: { api_key: '<scrubbed:api_key>' }, result: { status: 'Success', errorLogs: [] } });
    expect(runRecord).not.toContain(API_KEY);

    const made = await cli('test', project, '--new-from', 'happy');
    expect(made).toMatchObject({ code: 0, out: path.join(project, 'tests', 'test_get_ip_reputation.py') });
    expect(readFileSync(made.out, 'utf8')).toContain("def test_get_ip_reputation_happy():\n    recorded, result = replay(\"get_ip_reputation-happy\")");
    await vendor.close();
    const hitsWhileRecording = vendor.hits.length;

    const green = await cli('test', project, '--junit', 'junit.xml');
    expect(green.code, green.out + green.err).toBe(0);
    expect(green.out.split('\n').at(-1)).toBe('1 passed, 0 failed');
    const junit = readFileSync(path.join(work, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(1);
    expect(junit).toContain('name="test_get_ip_reputation_happy"');
    expect(vendor.hits).toHaveLength(hitsWhileRecording);

    const json = await cli('test', connector, '--json', '-k', 'happy');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({
      tests: [{ id: 'tests/test_get_ip_reputation.py::test_get_ip_reputation_happy', status: 'passed', durationMs: expect.any(Number) }],
      summary: { passed: 1, failed: 0, skipped: 0 },
    });

    const ops = path.join(connector, 'operations.py');
    writeFileSync(ops, readFileSync(ops, 'utf8').replace("return ApiClient(config).request('GET', '/api/v1/ip/{ip}', path_params=pick(params, ['ip']))", "found = ApiClient(config).request('GET', '/api/v1/ip/{ip}', path_params=pick(params, ['ip']))\n    return dict(found, score=12)"));
    const red = await cli('test', project);
    expect(red.code).toBe(1);
    expect(red.out.split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(red.out).toMatch(/'score': 12.*\n[\s\S]*'score': 87|Differing items:\s*\n.*\{'score': 12\} != \{'score': 87\}/);
    const redJson = JSON.parse((await cli('test', project, '--json')).out);
    expect(redJson.tests[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('assert') });
  }, 300_000);

  it('says which cassettes --new-from could mean, and exits 2 with no tests', async () => {
    const work = await tmpDir('cs-cli-test-');
    const cli = cliIn(work);
    expect((await cli('new', 'acme-intel', '--template', 'threat-intelligence', '--dir', 'ws')).code).toBe(0);
    const project = path.join(work, 'ws', 'connector-acme-intel');
    dropShippedTests(project);
    const empty = await cli('test', project);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no tests collected');
    const cassettes = path.join(project, 'tests', 'cassettes');
    for (const op of ['get_ip_reputation', 'get_domain_reputation']) {
      await import('node:fs').then((fs) => fs.mkdirSync(cassettes, { recursive: true }));
      writeFileSync(path.join(cassettes, `${op}-twice.json`), '{"version": 1, "interactions": []}');
    }
    const both = await cli('test', project, '--new-from', 'twice');
    expect(both.code).toBe(2);
    expect(both.err).toContain('matches 2 cassettes: get_domain_reputation-twice.json, get_ip_reputation-twice.json');
    const none = await cli('test', project, '--new-from', 'nothing');
    expect(none.code).toBe(2);
    expect(none.err).toContain('no cassette nothing.json or *-nothing.json');
    const unrecorded = await cli('test', project, '--new-from', 'get_ip_reputation-twice');
    expect(unrecorded.code).toBe(2);
    expect(unrecorded.err).toContain('run it with Record first');
    expect(existsSync(path.join(project, 'tests', 'test_get_ip_reputation.py'))).toBe(false);
  }, 120_000);
});
