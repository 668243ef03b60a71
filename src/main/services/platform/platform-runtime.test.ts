import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defined } from '../../../../tests/helpers/defined';
import { must } from '../../../../tests/helpers/services';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices } from '../index';
import { dispatch } from '../router';
import { fixture, makeKit } from '../runtime/test-kit';
import { storeIdOf } from './hub';

// Connector code calling the framework as published connectors do (tests/fixtures/runtime/platform-user), through the
// runtime service, its Python worker and the shims, to the real platform endpoint and store.
const kit = makeKit();
const folder = fixture('platform-user');
const run = (op: string, params: Record<string, unknown> = {}, runId?: string) => kit.runtime.execute(folder, op, params, {}, runId ? { runId } : {});
afterAll(() => kit.dispose());

type Rec = Record<string, unknown> & { '@id': string; file: Record<string, unknown> & { '@id': string } };

describe('connector code and the simulated platform', () => {
  it('an action that creates an attachment gets the server\'s shape back, and the record is then listed and read by IRI', async () => {
    const r = await run('screenshot', { url: 'example.test', name: 'shot.png' }, 'run-7');
    expect(r.status, r.message).toBe('Success');
    const att = r.data as Rec;
    expect(att).toMatchObject({
      '@context': '/api/3/contexts/Attachment',
      '@type': 'Attachment',
      name: 'shot.png',
      description: 'Screenshot of example.test',
      file: { '@type': 'File', filename: 'shot.png', mimeType: 'image/png', size: 15 },
    });
    expect(att['@id']).toBe(`/api/3/attachments/${String(att.uuid)}`);
    expect(Number.isInteger(att.id)).toBe(true);
    expect(r.platformRecords).toEqual([
      { iri: att.file['@id'], type: 'File', module: 'files', action: 'created' },
      { iri: att['@id'], type: 'Attachment', module: 'attachments', action: 'created' },
    ]);

    const snap = await kit.platform.snapshot();
    const listed = snap.modules.find((m) => m.module === 'attachments')?.records[0];
    expect(listed).toMatchObject({ iri: att['@id'], type: 'Attachment', displayName: 'shot.png', createdBy: { kind: 'execute', operation: 'screenshot', runId: 'run-7', connector: 'platform-user' } });
    expect(snap.files[0]).toMatchObject({ iri: att.file['@id'], filename: 'shot.png', size: 15, mimeType: 'image/png' });

    const back = await run('read_attachment', { iri: att['@id'] });
    expect(back).toMatchObject({ status: 'Success', data: { file_iri: att.file['@id'], filename: 'shot.png', size: 15 } });
  });

  it('a collection query pages: hydra:totalItems, a page of members, and hydra:next until the last page', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) expect((await run('create_alert', { name })).status).toBe('Success');
    const first = await run('list_page', { limit: 2, page: 1 });
    expect(first.data).toEqual({ total: 5, names: ['a5', 'a4'], next: '/api/3/alerts?%24limit=2&%24page=2' });
    expect((await run('list_page', { limit: 2, page: 3 })).data).toEqual({ total: 5, names: ['a1'], next: null });
  });

  it('updates and deletes are recorded, and a record that is gone fails the action as on the server', async () => {
    const created = (await run('create_alert', { name: 'to close' })).data as Rec;
    const closed = await run('close_alert', { iri: created['@id'] });
    expect(closed.data).toMatchObject({ name: 'to close', status: 'Closed' });
    expect(closed.platformRecords).toEqual([{ iri: created['@id'], type: 'Alert', module: 'alerts', action: 'updated' }]);
    const deleted = await run('delete_record', { iri: created['@id'] });
    expect(deleted.platformRecords).toEqual([{ iri: created['@id'], type: 'Alert', module: 'alerts', action: 'deleted' }]);
    const again = await run('close_alert', { iri: created['@id'] });
    expect(again).toMatchObject({ status: 'Failed', message: expect.stringMatching(/404 Client Error: Not Found .*No record \/api\/3\/alerts\//) });
  });

  it('trigger_ingest_playbook hands its records over with dedup: a pattern ingested before is skipped', async () => {
    const playbook = '/api/3/workflows/feed-create';
    expect((await run('feed', { playbook, patterns: ['[ipv4-addr:value = \'1.1.1.1\']', '[ipv4-addr:value = \'2.2.2.2\']'] })).status).toBe('Success');
    const second = await run('feed', { playbook, patterns: ['[ipv4-addr:value = \'2.2.2.2\']', '[ipv4-addr:value = \'3.3.3.3\']'] });
    expect(second.ingested).toMatchObject([{ playbook, count: 2, dedupField: 'pattern' }]);
    expect((await kit.platform.snapshot()).ingested.slice(0, 2)).toMatchObject([
      { playbook, count: 2, accepted: 1, skippedDuplicates: 1, createdBy: { kind: 'execute', operation: 'feed' } },
      { playbook, count: 2, accepted: 2, skippedDuplicates: 0 },
    ]);
  });

  it('a health check reaches the platform too', async () => {
    expect(await kit.runtime.checkHealth(folder, {})).toMatchObject({ status: 'Available' });
  });
});

/** Services over a workspace holding the platform-user fixture, trusted; `projectId` is the fixture's. */
async function ideOnFixture() {
  const dir = await tmpDir('cs-platform-ide-');
  const workspace = path.join(dir, 'workspace');
  await cp(fixture('platform-user'), path.join(workspace, 'platform-user'), { recursive: true });
  const userDataDir = path.join(dir, 'user-data');
  const s = await createServices({ userDataDir, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
  const project = defined((await s.projects.list()).find((p) => p.name === 'platform-user' || p.root.endsWith('platform-user')), 'the fixture project');
  await s.trust.trust(project.root);
  return { s, projectId: project.id, userDataDir };
}

describe('the IDE: one store per project in the user data folder, platform.snapshot, platform.record and platform.reset', () => {
  it('platform.record answers a record whole, as a connector GETs it: an attachment with its file embedded', async () => {
    const { s, projectId } = await ideOnFixture();
    try {
      const result = must(await dispatch(s, 'runtime.execute', { projectId, runId: 'ui-run-2', operation: 'screenshot', params: { url: 'example.test', name: 'shot.png' } }));
      expect(result.status, result.message).toBe('Success');
      const attachmentIri = defined(result.platformRecords?.find((c) => c.module === 'attachments'), 'the attachment').iri;
      const { record } = must(await dispatch(s, 'platform.record', { projectId, iri: attachmentIri }));
      expect(record).toEqual(result.data); // what the connector got back from its POST
      expect(record).toMatchObject({ '@id': attachmentIri, '@type': 'Attachment', name: 'shot.png', file: { '@type': 'File', filename: 'shot.png', mimeType: 'image/png', size: 15 } });
      const fileIri = (record.file as { '@id': string })['@id'];
      // A File IRI answers its record (a connector's GET would get the content).
      expect(must(await dispatch(s, 'platform.record', { projectId, iri: `${fileIri}/` })).record).toMatchObject({ '@id': fileIri, '@type': 'File', filename: 'shot.png' });

      for (const iri of ['shot.png', '/api/3/attachments', '/api/3/../../etc/passwd', '/api/3/Attachments/x', '']) {
        const refused = await dispatch(s, 'platform.record', { projectId, iri });
        expect(!refused.ok && refused.error.code, iri).toBe('VALIDATION');
      }
      expect(must(await dispatch(s, 'platform.reset', { projectId }))).toEqual({});
      const gone = await dispatch(s, 'platform.record', { projectId, iri: attachmentIri });
      expect(!gone.ok && gone.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`holds no record ${attachmentIri}`) });
      const unknown = await dispatch(s, 'platform.record', { projectId: '0123456789ab', iri: attachmentIri });
      expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    } finally {
      await s.dispose();
    }
  });

  it('lists what a run created, with the run that created it, and resets it', async () => {
    const { s, projectId, userDataDir } = await ideOnFixture();
    try {
      expect(must(await dispatch(s, 'platform.snapshot', { projectId }))).toMatchObject({ modules: [], files: [], ingested: [] });

      const result = must(await dispatch(s, 'runtime.execute', { projectId, runId: 'ui-run-1', operation: 'screenshot', params: { url: 'example.test' } }));
      expect(result.status, result.message).toBe('Success');
      expect(result.platformRecords?.map((c) => c.action)).toEqual(['created', 'created']);

      const snap = must(await dispatch(s, 'platform.snapshot', { projectId }));
      expect(snap.location).toBe(path.join(userDataDir, 'platform', storeIdOf(await s.projects.connectorDirOf(projectId))));
      expect(snap.modules).toMatchObject([{ module: 'attachments', type: 'Attachment', total: 1, records: [{ createdBy: { runId: 'ui-run-1', operation: 'screenshot' } }] }]);
      expect(snap.totalFiles).toBe(1);

      expect(must(await dispatch(s, 'platform.reset', { projectId }))).toEqual({});
      expect(must(await dispatch(s, 'platform.snapshot', { projectId }))).toMatchObject({ modules: [], files: [], totalFiles: 0 });
      const unknown = await dispatch(s, 'platform.snapshot', { projectId: '0123456789ab' });
      expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    } finally {
      await s.dispose();
    }
  });
});
