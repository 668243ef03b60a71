/** `connector-studio ingest`, in-process as a user runs it, with taxii2-threat-intel-feed of the runnable corpus
 * (its own playbooks) against its fake TAXII server on 127.0.0.1. */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main';
import { startFakeVendor, type FakeVendor, type Route } from '../../../../tests/corpus-runtime/fake-vendor';
import { environmentFor, REPO } from '../../../../tests/corpus-runtime/venvs';
import { routes as taxii2Routes } from '../../../../tests/corpus-runtime/vendors/taxii2-threat-intel-feed';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { fixture } from '../../services/runtime/test-kit';

const NAME = 'taxii2-threat-intel-feed';
const objects: Route = {
  method: 'GET',
  path: /^\/api1\/+collections\/[\w-]+\/objects$/,
  reply: () => ({
    json: {
      type: 'bundle',
      objects: [1, 2].map((n) => ({ type: 'indicator', id: `indicator--${n}`, created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', labels: ['malicious-activity', 'xfe-threat-score-5'], pattern: `[ ipv4-addr:value = '203.0.113.${n}' ]`, valid_from: '2026-01-01T00:00:00Z' })),
    },
    headers: { 'content-type': 'application/vnd.oasis.taxii+json; version=2.0' },
  }),
};

let vendor: FakeVendor;
let python: string;
beforeAll(async () => {
  vendor = await startFakeVendor([...taxii2Routes, objects]);
  python = (await environmentFor(path.join(REPO, 'tests', 'fixtures', 'runnable', NAME), NAME)).python[0]!;
}, 120_000);
afterAll(() => vendor.close());

async function workspace() {
  const dir = await tmpDir('cs-cli-ingest-');
  const folder = path.join(dir, NAME);
  cpSync(path.join(REPO, 'tests', 'fixtures', 'runnable', NAME), folder, { recursive: true });
  const config = (password: string) => {
    const file = path.join(dir, `config-${password}.json`);
    writeFileSync(file, JSON.stringify({ server_url: vendor.httpsUrl, username: 'guest', password, verify_ssl: false }));
    return file;
  };
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { ...process.env, FSOAR_USER_DATA_DIR: path.join(dir, 'user'), CONNECTOR_STUDIO_PYTHON: python };
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env }, '0.0.0-test');
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return { dir, folder, config, cli };
}

describe('connector-studio ingest', () => {
  it('prints per pull what was fetched, created and skipped, with --json in the documented shape', async () => {
    const { folder, config, cli } = await workspace();
    const r = await cli('ingest', folder, '--config', config('guest'), '--pulls', '3', '--interval', '10', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { pulls: { at: string; fetched: number; created: number; duplicates: number; errors: string[] }[]; summary: unknown };
    expect(Object.keys(json)).toEqual(['pulls', 'summary']);
    expect(json.pulls.map((p) => Object.keys(p))).toEqual(Array(3).fill(['at', 'fetched', 'created', 'duplicates', 'errors']));
    expect(json.pulls.map((p) => [p.fetched, p.created, p.duplicates, p.errors.length])).toEqual([[2, 2, 0, 0], [2, 0, 2, 0], [2, 0, 2, 0]]);
    expect(Date.parse(json.pulls[1]!.at) - Date.parse(json.pulls[0]!.at)).toBe(10 * 60_000);
    expect(json.summary).toEqual({ created: 2, duplicates: 4, errors: 0 });

    const text = await cli('ingest', folder, '--config', config('guest'), '--pulls', '1');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Pull 1 at \S+: fetched 2, created 2, duplicates 0, errors 0/);
  }, 120_000);

  it('records the vendor exchanges with the clock start, and replays them offline from that start', async () => {
    const { folder, config, cli } = await workspace();
    const recorded = await cli('ingest', folder, '--config', config('guest'), '--pulls', '2', '--record', 'daily', '--json');
    expect(recorded.code).toBe(0);
    const file = path.join(folder, 'tests', 'cassettes', 'ingest-daily.json');
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as { clockStart: number; interactions: { request: { url: string; headers: Record<string, string> } }[] };
    expect(typeof cassette.clockStart).toBe('number');
    expect(cassette.interactions.some((i) => i.request.url.endsWith('/objects'))).toBe(true);
    expect(JSON.stringify(cassette)).not.toContain(Buffer.from('guest:guest').toString('base64')); // Basic auth scrubbed

    // Offline: a configuration pointing nowhere; the replay answers every request and starts at the recorded time.
    const offline = path.join(path.dirname(config('guest')), 'offline.json');
    writeFileSync(offline, JSON.stringify({ server_url: vendor.httpsUrl, username: 'guest', password: 'guest', verify_ssl: false }));
    const seenBefore = vendor.seen.length;
    const replayed = await cli('ingest', folder, '--config', offline, '--pulls', '2', '--replay', 'daily', '--json');
    expect(replayed.code).toBe(0);
    expect(vendor.seen.length).toBe(seenBefore);
    const a = JSON.parse(recorded.out) as { pulls: { at: string }[] };
    const b = JSON.parse(replayed.out) as { pulls: { at: string }[] };
    expect(b.pulls.map((p) => p.at)).toEqual(a.pulls.map((p) => p.at));
    expect(b).toEqual(a);
  }, 120_000);

  it('exits 1 when a pull fails and names the failure', async () => {
    const { folder, config, cli } = await workspace();
    const r = await cli('ingest', folder, '--config', config('wrong'), '--pulls', '1', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { pulls: { errors: string[] }[]; summary: { errors: number } };
    expect(json.summary.errors).toBe(1);
    expect(json.pulls[0]!.errors[0]).toMatch(/Get All Collections.*Invalid credentials/);
  }, 120_000);

  it.each([
    ['no --pulls', [], /--pulls N is required/],
    ['--pulls 0', ['--pulls', '0'], /--pulls needs a whole number greater than 0/],
    ['--pulls 1.5', ['--pulls', '1.5'], /--pulls needs a whole number/],
    ['--interval -5', ['--pulls', '1', '--interval', '-5'], /--interval needs a number greater than 0/],
    ['both cassettes', ['--pulls', '1', '--record', 'a', '--replay', 'b'], /--record or --replay, not both/],
    ['a missing cassette', ['--pulls', '1', '--replay', 'none'], /no cassette to replay/],
  ])('exits 2 for bad usage: %s', async (_label, extra, message) => {
    const { folder, config, cli } = await workspace();
    const r = await cli('ingest', folder, '--config', config('guest'), ...(extra as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('exits 2 for a connector that declares no ingestion', async () => {
    const { config, cli } = await workspace();
    const r = await cli('ingest', fixture('hello-world'), '--config', config('guest'), '--pulls', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not declare data ingestion: info.json needs "ingestion_supported": true/);
    expect(existsSync(path.join(fixture('hello-world'), 'tests', 'cassettes'))).toBe(false);
  });
});
