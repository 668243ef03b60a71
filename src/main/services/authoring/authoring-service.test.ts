import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
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
  it('creates a project from a template, exports it, and imports the archive as a new project', async () => {
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

    const imported = await dispatch(s, 'package.import', { fileName: 'acme-intel-1.0.0.tgz', base64: exported.value.base64 });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value).toMatchObject({ name: 'acme-intel', connectorRel: '' });
    const again = await dispatch(s, 'package.import', { fileName: 'x.tgz', base64: exported.value.base64 });
    expect(again.ok === false && again.error.code).toBe('CONFLICT');
  });

  it('refuses a hostile upload without touching the workspace', async () => {
    const s = await services();
    const r = await dispatch(s, 'package.import', { fileName: 'evil.tgz', base64: Buffer.from('not a tar').toString('base64') });
    expect(r.ok).toBe(false);
    expect(await s.projects.list()).toHaveLength(1); // only the sample
  });
});
