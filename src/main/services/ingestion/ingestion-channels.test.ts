/** The Ingestion view's channels through the app's services and router (composition root, project access, test
 * configurations with their secret, the project's own platform store): a project made from the "Alerts / SIEM
 * ingestion" template against a fake SIEM on 127.0.0.1. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVendor, type FakeVendor } from '../../../../tests/corpus-runtime/fake-vendor';
import { environmentFor } from '../../../../tests/corpus-runtime/venvs';
import { defined } from '../../../../tests/helpers/defined';
import { must } from '../../../../tests/helpers/services';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { createProject } from '../connector/scaffold';
import { defaultAnswers, loadTemplate } from '../connector/templates';
import { createGitService } from '../git/git-service';
import { createServices } from '../index';
import { dispatch } from '../router';

const KEY = 'siem-channel-key';
let vendor: FakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor([
    { method: 'GET', path: '/api/v1/about', reply: { json: { version: '1' } } },
    {
      method: 'GET',
      path: '/api/v1/alerts',
      reply: (r) => (r.headers['x-api-key'] === KEY ? { json: { total: 2, alerts: [1, 2].map((n) => ({ id: `A-${n}`, title: `Alert ${n}`, severity: 'Low', status: 'New', source_ip: '192.0.2.9', created: '2026-01-01T00:00:00Z', description: 'x' })) } } : { status: 401, json: { error: 'bad key' } }),
    },
  ]);
});
afterAll(() => vendor.close());

describe('ingestion channels', () => {
  it('overview, fetchSample and run through the router, into the project\'s platform data; bad requests refused', async () => {
    const dir = await tmpDir('cs-ingest-channels-');
    const workspace = path.join(dir, 'workspace');
    const templatesDir = path.join(REPO_ROOT, 'resources', 'templates');
    const t = await loadTemplate(templatesDir, 'alerts-siem-ingestion');
    await createProject(defaultAnswers(t, 'acme-siem', { publisher: 'Acme' }), { workspaceRoot: workspace, templatesDir, git: createGitService(() => 'git') });
    const s = await createServices({ userDataDir: path.join(dir, 'user-data'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
    try {
      const python = (await environmentFor(path.join(REPO_ROOT, 'tests', 'fixtures', 'runnable', 'fortinet-fortiddos'), 'fortinet-fortiddos')).python[0]!;
      must(await dispatch(s, 'settings.update', { patch: { pythonPath: python } }));
      const project = defined((await s.projects.list()).find((p) => p.root.endsWith('connector-acme-siem')), 'the project');
      const projectId = project.id;
      await s.trust.trust(project.root);
      const { config } = must(await dispatch(s, 'testConfig.save', { projectId, config: { name: 'SIEM', values: { server_url: vendor.httpUrl, api_key: KEY, verify_ssl: false } } }));

      const overview = must(await dispatch(s, 'ingestion.overview', { projectId }));
      expect(overview.info).toMatchObject({ supported: true, modes: ['scheduled'], fetchPlaybook: '> Acme Siem > Fetch', ingestPlaybook: '> Acme Siem > Ingest' });
      expect(overview.mapping).toMatchObject({ step: 'Create Record', module: 'alerts' });

      const sample = must(await dispatch(s, 'ingestion.fetchSample', { projectId, configId: config.id }));
      expect(sample.errors).toEqual([]);
      expect((sample.data as { id: string }[]).map((a) => a.id)).toEqual(['A-1', 'A-2']);
      expect(sample.mapping.unmappedSourceFields).toEqual(['status']);

      const run = must(await dispatch(s, 'ingestion.run', { projectId, configId: config.id, pulls: 2, intervalMinutes: 15 }));
      expect(run.pulls.map((p) => [p.created, p.duplicates, p.errors.length])).toEqual([[2, 0, 0], [0, 2, 0]]);
      expect(Date.parse(run.pulls[1]!.at) - Date.parse(run.pulls[0]!.at)).toBe(15 * 60_000);
      const snapshot = must(await dispatch(s, 'platform.snapshot', { projectId }));
      expect(snapshot.modules.find((m) => m.module === 'alerts')?.total).toBe(2);
      // The pull time is a global variable in the same store, kept for the next run.
      expect(snapshot.modules.find((m) => m.module === 'dynamic_variables')?.total).toBe(1);
      const again = must(await dispatch(s, 'ingestion.run', { projectId, configId: config.id, pulls: 1 }));
      expect(again.summary).toEqual({ created: 0, duplicates: 2, errors: 0 });

      for (const bad of [{ pulls: 0 }, { pulls: 101 }, { pulls: 1.5 }, { pulls: 1, intervalMinutes: 0 }]) {
        const refused = await dispatch(s, 'ingestion.run', { projectId, configId: config.id, ...bad });
        expect(!refused.ok && refused.error.code, JSON.stringify(bad)).toBe('VALIDATION');
      }
      const unknown = await dispatch(s, 'ingestion.run', { projectId, configId: 'nope', pulls: 1 });
      expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    } finally {
      await s.dispose();
    }
  }, 120_000);
});
