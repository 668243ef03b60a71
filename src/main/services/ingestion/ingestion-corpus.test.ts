/** The runnable corpus's ingestion connectors, their own playbooks unchanged, against fake vendors on 127.0.0.1:
 * sample data as the wizard fetches it, three pulls on a virtual clock, and a second run over the same data that
 * creates nothing. anomali-limo-threat-intel-feed is not run: its requirement taxii2-client is not installable
 * here (pip finds no distribution on this machine's index), and its connector imports it at load. */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformHub, type PlatformHub } from '../platform/hub';
import { createMemoryStore } from '../platform/store';
import { startFakeVendor, type FakeVendor, type Route } from '../../../../tests/corpus-runtime/fake-vendor';
import { testCertificate } from '../../../../tests/corpus-runtime/tls';
import { environmentFor, REPO } from '../../../../tests/corpus-runtime/venvs';
import { routes as taxii2Routes } from '../../../../tests/corpus-runtime/vendors/taxii2-threat-intel-feed';
import { routes as sekoiaRoutes } from '../../../../tests/corpus-runtime/vendors/sekoia-io-xdr';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createIngestionService } from './ingestion-service';

const CORPUS = path.join(REPO, 'tests', 'fixtures', 'runnable');
const PYTHON_DIR = path.join(REPO, 'resources', 'python');

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

const TAXII = 'application/vnd.oasis.taxii+json; version=2.0';
const indicator = (n: number) => ({
  type: 'indicator',
  id: `indicator--0000000${n}-631b-4f7b-8478-c7120a01a432`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  labels: ['malicious-activity', 'xfe-threat-score-7.1'],
  name: `IP Report ${n}`,
  description: 'Seen scanning.',
  pattern: `[ ipv4-addr:value = '198.51.100.${n}' ]`,
  valid_from: '2026-01-01T00:00:00.000Z',
});

/** The TAXII 2.0 objects of the one collection (section 5.3), the same three on every pull. */
const taxiiObjects: Route = {
  method: 'GET',
  path: /^\/api1\/+collections\/[\w-]+\/objects$/,
  reply: () => ({ json: { type: 'bundle', id: 'bundle--1', spec_version: '2.0', objects: [indicator(1), indicator(2), indicator(3), { type: 'malware', id: 'malware--1' }] }, headers: { 'content-type': TAXII } }),
};

const alert = (n: number) => ({
  uuid: `5d2c3a4e-1b2c-4d5e-8f9a-0b1c2d3e4f5${n}`,
  short_id: `AL${n}`,
  title: `Suspicious PowerShell command ${n}`,
  details: 'Encoded command line',
  source: '10.0.0.5',
  first_seen_at: '2026-01-01T00:00:00Z',
  urgency: { severity: 60, display: 'Major', value: 60 },
});

/** SEKOIA.IO's alert list (GET /api/v1/sic/alerts): the created_at window the playbook asks for is remembered. */
function sekoiaList(windows: string[]): Route {
  return {
    method: 'GET',
    path: '/api/v1/sic/alerts',
    reply: (req) => {
      windows.push(req.query.get('date[created_at]') ?? '');
      return { json: { total: 2, items: [alert(1), alert(2)] } };
    },
  };
}

async function setup(name: string, routes: Route[], viaProxy = false) {
  const source = path.join(CORPUS, name);
  const env = await environmentFor(source, name);
  const tmp = await tmpDir('cs-ingest-corpus-');
  const folder = path.join(tmp, name);
  cpSync(source, folder, { recursive: true });
  const vendor: FakeVendor = await startFakeVendor(routes);
  open.push(vendor);
  const store = createMemoryStore();
  const hub: PlatformHub = createPlatformHub({ storeFor: () => store });
  open.push(hub);
  const cert = await testCertificate();
  const service = createIngestionService({
    pythonDir: PYTHON_DIR,
    pythonFor: () => Promise.resolve(env.python),
    platform: (f) => hub.connectionFor(f),
    env: {
      REQUESTS_CA_BUNDLE: cert.certFile,
      ...(viaProxy ? { HTTPS_PROXY: vendor.proxyUrl, https_proxy: vendor.proxyUrl, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' } : {}),
    },
  });
  return { folder, vendor, store, service, env };
}

describe('ingestion of the runnable corpus (fake vendors on 127.0.0.1)', () => {
  it('taxii2-threat-intel-feed: sample data from its fetch playbook, three pulls through trigger_ingest_playbook into threat_intel_feeds, a second run creates nothing', async () => {
    const { folder, vendor, store, service, env } = await setup('taxii2-threat-intel-feed', [...taxii2Routes, taxiiObjects]);
    // stix2 and taxii2-client are not installable here; this connector imports neither (requests only).
    expect(env.notInstallable.join(' ')).toMatch(/taxii2-client/);
    const config = { server_url: vendor.httpsUrl, username: 'guest', password: 'guest', verify_ssl: false };

    const sample = await service.fetchSample(folder, config);
    expect(sample.errors).toEqual([]);
    expect(Array.isArray(sample.data) && sample.data.length).toBe(6); // its "Return Sample Data" step
    expect(sample.steps.map((s) => s.step)).toContain('Return Sample Data');
    const mapping = service.fieldMapping(folder, sample.data);
    expect(mapping.module).toBe('threat_intel_feeds');
    expect(mapping.rows.find((r) => r.field === 'sourceId')?.sourceFields).toEqual(['id']);
    expect(mapping.unmappedSourceFields).toEqual(['name', 'type']);

    const first = await service.run(folder, { config, pulls: 3, intervalMinutes: 5, clockStart: '2026-01-01T00:00:00Z' });
    expect(first.pulls.map((p) => p.errors)).toEqual([[], [], []]);
    expect(first.pulls.map((p) => p.at)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:05:00.000Z', '2026-01-01T00:10:00.000Z']);
    expect(first.pulls.map((p) => [p.fetched, p.created, p.duplicates])).toEqual([[3, 3, 0], [3, 0, 3], [3, 0, 3]]);
    const feeds = (await store.view()).all('threat_intel_feeds');
    expect(feeds.map((f) => f.value).sort()).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    // The last pull time went into the global variable the playbook reads back, in the platform store.
    const globals = (await store.view()).all('dynamic_variables');
    expect(globals).toHaveLength(1);
    expect(globals[0]!.value).toBe('2026-01-01T00:10:00.000Z');

    const again = await service.run(folder, { config, pulls: 1, clockStart: '2026-01-01T00:15:00Z' });
    expect(again.summary).toEqual({ created: 0, duplicates: 3, errors: 0 });
    expect((await store.view()).all('threat_intel_feeds')).toHaveLength(3);
  }, 180_000);

  it('sekoia-io-xdr: the ingest playbook references its fetch playbook, upserts alerts, and keeps the last pull time between pulls', async () => {
    const windows: string[] = [];
    const { folder, store, service } = await setup('sekoia-io-xdr', [...sekoiaRoutes, sekoiaList(windows)], true);
    const config = { api_key: 'test-api-key', verify_certificate: false, proxy: false };

    const sample = await service.fetchSample(folder, config);
    expect(sample.errors).toEqual([]);
    expect(Array.isArray(sample.data) && sample.data.map((a: { short_id: string }) => a.short_id)).toEqual(['AL1', 'AL2']);

    const run = await service.run(folder, { config, pulls: 3, intervalMinutes: 5, clockStart: '2026-01-01T00:00:00Z' });
    expect(run.pulls.map((p) => p.errors)).toEqual([[], [], []]);
    expect(run.pulls.map((p) => [p.created, p.duplicates])).toEqual([[2, 0], [0, 2], [0, 2]]);
    const alerts = (await store.view()).all('alerts');
    expect(alerts.map((a) => a.sourceId).sort()).toEqual([alert(1).uuid, alert(2).uuid]);
    // The first pull looks back "minutes" (99) from the virtual now; the next ones start at the previous pull's time.
    const pullWindows = windows.slice(-6).filter((_, i) => i % 2 === 0);
    expect(pullWindows[0]).toMatch(/^2025-12-31T22:21:00/);
    expect(pullWindows[1]).toMatch(/^2026-01-01T00:00:00/);
    expect(pullWindows[2]).toMatch(/^2026-01-01T00:05:00/);
  }, 180_000);
});
