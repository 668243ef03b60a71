import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawTgz } from '../../../../tests/helpers/raw-tar';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import type { Events } from '../../../shared/ipc/contract';
import { createServices, type Services } from '../index';
import { dispatch } from '../router';

const open: Services[] = [];
afterEach(async () => void (await Promise.all(open.splice(0).map((s) => s.dispose()))));

async function services() {
  const s = await createServices({ userDataDir: await tmpDir('cs-data-'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: path.join(await tmpDir('cs-ws-'), 'ws') });
  open.push(s);
  return s;
}

describe('authoring channels', () => {
  it('creates a project from a template, exports it, and imports the archive as a copy', async () => {
    const s = await services();
    const templates = await dispatch(s, 'templates.list', {});
    expect(templates.ok && templates.value.map((t) => t.id)).toContain('threat-intelligence');
    const answers = await dispatch(s, 'templates.defaults', { templateId: 'threat-intelligence', name: 'acme-intel' });
    if (!answers.ok) throw new Error(answers.error.message);
    const created = await dispatch(s, 'connector.create', { answers: answers.value });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ name: 'acme-intel', git: 'clean' });
    const validation = await dispatch(s, 'connector.validate', { projectId: created.value.id });
    expect(validation.ok && validation.value.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });

    const exported = await dispatch(s, 'package.export', { projectId: created.value.id });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.fileName).toBe('acme-intel-1.0.0.tgz');
    expect(Buffer.from(exported.value.base64, 'base64')).toEqual(await readFile(exported.value.file));

    // The same connector is already a project (matched by info.json name, not folder): the user picks.
    const again = await dispatch(s, 'package.import', { fileName: 'x.tgz', base64: exported.value.base64 });
    expect(again.ok === false && again.error.code).toBe('CONFLICT');
    const imported = await dispatch(s, 'package.import', { fileName: 'acme-intel-1.0.0.tgz', base64: exported.value.base64, mode: 'copy' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value).toMatchObject({ name: 'acme-intel-2', connectorRel: '', copyOf: 'acme-intel' });
  });

  it('export with a runId streams package.progress events up to every entry; without one it sends none', async () => {
    const s = await services();
    const answers = await dispatch(s, 'templates.defaults', { templateId: 'utilities', name: 'acme-utils' });
    if (!answers.ok) throw new Error(answers.error.message);
    const created = await dispatch(s, 'connector.create', { answers: answers.value });
    if (!created.ok) throw new Error(created.error.message);
    const projectId = created.value.id;
    const events: Events['package.progress'][] = [];
    const off = s.events.subscribe((name, payload) => name === 'package.progress' && events.push(payload as Events['package.progress']));
    try {
      const exported = await dispatch(s, 'package.export', { projectId, runId: 'export-1' });
      if (!exported.ok) throw new Error(exported.error.message);
      const total = exported.value.entries.length;
      expect(events.length).toBeGreaterThan(1);
      expect(events.every((e) => e.runId === 'export-1' && e.projectId === projectId && e.total === total)).toBe(true);
      expect(events[0]?.done).toBe(1);
      expect(events.at(-1)!.done).toBe(total);
      expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));

      events.length = 0;
      const quiet = await dispatch(s, 'package.export', { projectId });
      expect(quiet.ok).toBe(true);
      expect(events).toEqual([]);
      const bad = await dispatch(s, 'package.export', { projectId, runId: '' });
      expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    } finally {
      off();
    }
  });

  it('imports an upload with a stray top-level file, reporting it as skipped', async () => {
    const s = await services();
    const tgz = rawTgz([{ name: '._plain', data: 'x' }, { name: 'plain/info.json', data: '{"name": "plain", "version": "2.0.0"}' }]);
    const r = await dispatch(s, 'package.import', { fileName: 'plain.tgz', base64: tgz.toString('base64') });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ name: 'plain', skipped: ['._plain'] });
  });

  it('refuses a hostile upload without touching the workspace', async () => {
    const s = await services();
    const r = await dispatch(s, 'package.import', { fileName: 'evil.tgz', base64: Buffer.from('not a tar').toString('base64') });
    expect(r.ok).toBe(false);
    expect(await s.projects.list()).toHaveLength(1); // only the sample
  });
});
