/** The "Alerts / SIEM ingestion" template (issue 19's done means): the project it creates validates and passes the
 * certification profile with nothing to report, and its own fetch and ingest playbooks ingest from a fake SIEM on
 * 127.0.0.1: sample data, three pulls on a virtual clock, a fourth over the same data that creates nothing. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVendor, type FakeVendor } from '../../../../tests/corpus-runtime/fake-vendor';
import { environmentFor, REPO } from '../../../../tests/corpus-runtime/venvs';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createGitService } from '../git/git-service';
import { createIngestionService } from '../ingestion/ingestion-service';
import { createPlatformHub } from '../platform/hub';
import { createMemoryStore } from '../platform/store';
import { createValidateService } from '../validate';
import { createProject } from './scaffold';
import { defaultAnswers, loadTemplate } from './templates';

const TEMPLATES = path.join(REPO, 'resources', 'templates');
const ID = 'alerts-siem-ingestion';

const alerts = [1, 2, 3].map((n) => ({
  id: `SIEM-${n}`,
  title: `Brute force on host ${n}`,
  severity: n === 3 ? 'Critical' : 'High',
  status: 'New',
  source_ip: `192.0.2.${n}`,
  created: '2026-01-01T00:00:00Z',
  description: 'Many failed logins',
}));

let vendor: FakeVendor;
const windows: string[] = [];
let python: string;
beforeAll(async () => {
  // The SIEM answers the same alerts whatever the window: the platform's upsert must keep them from doubling.
  vendor = await startFakeVendor([
    { method: 'GET', path: '/api/v1/about', reply: (r) => (r.headers['x-api-key'] === 'siem-key' ? { json: { version: '1.0' } } : { status: 401, json: { error: 'bad key' } }) },
    {
      method: 'GET',
      path: '/api/v1/alerts',
      reply: (r) => {
        if (r.headers['x-api-key'] !== 'siem-key') return { status: 401, json: { error: 'bad key' } };
        windows.push(r.query.get('created_after') ?? '');
        return { json: { total: alerts.length, alerts } };
      },
    },
  ]);
  python = (await environmentFor(path.join(REPO, 'tests', 'fixtures', 'runnable', 'fortinet-fortiddos'), 'fortinet-fortiddos')).python[0]!;
}, 120_000);
afterAll(() => vendor.close());

async function created(certified = false) {
  const t = await loadTemplate(TEMPLATES, ID);
  const work = await tmpDir('cs-ingest-template-');
  const answers = defaultAnswers(t, 'acme-siem-alerts', { publisher: 'Acme Corp', ...(certified ? { publishTarget: 'fortinet' as const } : {}) });
  return createProject(answers, { workspaceRoot: work, templatesDir: TEMPLATES, git: createGitService(() => 'git') });
}

describe('the Alerts / SIEM ingestion template', () => {
  it('declares ingestion, ships fetch and ingest playbooks, and validates with nothing to report in both profiles', async () => {
    const { projectRoot, connectorDir } = await created();
    const info = JSON.parse(await readFile(path.join(connectorDir, 'info.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ name: 'acme-siem-alerts', ingestion_supported: true, ingestion_modes: ['scheduled'] });
    const doc = JSON.parse(await readFile(path.join(connectorDir, 'playbooks', 'playbooks.json'), 'utf8')) as { data: { workflows: { name: string; recordTags: string[] }[] }[] };
    expect(doc.data[0]!.workflows.map((w) => [w.name, w.recordTags])).toEqual([
      ['> Acme Siem Alerts > Fetch', ['acme-siem-alerts', 'dataingestion', 'fetch']],
      ['> Acme Siem Alerts > Ingest', ['acme-siem-alerts', 'dataingestion', 'ingest', 'create']],
    ]);
    const validate = createValidateService();
    expect((await validate.validateFolder(connectorDir)).findings).toEqual([]);
    // Created for submission to Fortinet (the wizard's "Submit to Fortinet for certification"), as the CI sees it.
    const certified = await created(true);
    expect((await validate.validateFolder(certified.projectRoot, { profile: 'certification' })).findings).toEqual([]);
    expect(projectRoot).not.toBe(certified.projectRoot);
  });

  it('ingests from a fake SIEM: sample data, 3 pulls into alerts, a 4th over the same data creates nothing', async () => {
    const { connectorDir } = await created();
    const store = createMemoryStore();
    const hub = createPlatformHub({ storeFor: () => store });
    try {
      const service = createIngestionService({ pythonDir: path.join(REPO, 'resources', 'python'), pythonFor: () => Promise.resolve([python]), platform: (f) => hub.connectionFor(f) });
      const config = { server_url: vendor.httpUrl, api_key: 'siem-key', verify_ssl: false };

      const sample = await service.fetchSample(connectorDir, config);
      expect(sample.errors).toEqual([]);
      expect((sample.data as { id: string }[]).map((a) => a.id)).toEqual(['SIEM-1', 'SIEM-2', 'SIEM-3']);
      const mapping = service.fieldMapping(connectorDir, sample.data);
      expect(mapping).toMatchObject({ step: 'Create Record', module: 'alerts', collection: '/api/3/upsert/alerts' });
      expect(mapping.rows.find((r) => r.field === 'sourceId')?.sourceFields).toEqual(['id']);
      expect(mapping.unmappedSourceFields).toEqual(['status']);
      expect(await store.view().then((v) => v.all('alerts'))).toEqual([]); // sample data creates nothing

      windows.length = 0;
      const run = await service.run(connectorDir, { config, pulls: 3, intervalMinutes: 5, clockStart: '2026-03-01T12:00:00Z' });
      expect(run.pulls.map((p) => p.errors)).toEqual([[], [], []]);
      expect(run.pulls.map((p) => [p.fetched, p.created, p.duplicates])).toEqual([[3, 3, 0], [3, 0, 3], [3, 0, 3]]);
      // The first pull looks back an hour; each later one starts where the one before ended (the global variable).
      expect(windows).toEqual(['2026-03-01T11:00:00Z', '2026-03-01T12:00:00Z', '2026-03-01T12:05:00Z']);
      const kept = (await store.view()).all('alerts');
      expect(kept.map((a) => [a.sourceId, a.name, a.sourceIp, a.source]).sort()).toEqual(alerts.map((a) => [a.id, a.title, a.source_ip, 'Acme Siem Alerts']));
      expect(run.pulls[0]!.records.map((r) => r.module)).toEqual(['alerts', 'alerts', 'alerts']);

      const fourth = await service.run(connectorDir, { config, pulls: 1, clockStart: '2026-03-01T12:15:00Z' });
      expect(fourth.summary).toEqual({ created: 0, duplicates: 3, errors: 0 });
      expect((await store.view()).all('alerts')).toHaveLength(3);
      expect(windows.at(-1)).toBe('2026-03-01T12:10:00Z');
    } finally {
      await hub.close();
    }
  }, 120_000);
});
