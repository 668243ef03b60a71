import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices, type Services } from '../index';
import { dispatch } from '../router';
import { defined } from '../../../../tests/helpers/defined';

const open: Services[] = [];
afterEach(async () => void (await Promise.all(open.splice(0).map((s) => s.dispose()))));

describe('reviewer mode', () => {
  it('opens an exported package read-only, reviews it, and refuses every write', async () => {
    const s = await createServices({ userDataDir: await tmpDir('cs-data-'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: await sampleWorkspace() });
    open.push(s);
    const sample = defined((await s.projects.list())[0], 'the sample project');
    const exported = await dispatch(s, 'package.export', { projectId: sample.id });
    if (!exported.ok) throw new Error(exported.error.message);
    const opened = await dispatch(s, 'review.openPackage', { fileName: exported.value.fileName, base64: exported.value.base64 });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({ name: 'sample-threat-intel', readOnly: true, inWorkspace: false });
    const id = opened.value.id;

    const report = await dispatch(s, 'review.run', { projectId: id });
    expect(report.ok && report.value.verdict).toMatch(/No problems found|Acceptable/);
    const read = await dispatch(s, 'files.read', { projectId: id, relPath: 'info.json' });
    expect(read.ok && read.value.readOnly).toBe(true);
    for (const [channel, req] of [
      ['files.write', { projectId: id, relPath: 'info.json', text: '{}' }],
      ['files.delete', { projectId: id, relPath: 'info.json' }],
      ['files.replace', { projectId: id, query: 'sample', replacement: 'x' }],
      ['playbooks.generateSamples', { projectId: id }],
    ] as const) {
      const r = await dispatch(s, channel, req as never);
      expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
    }
    const docs = await dispatch(s, 'docs.generate', { projectId: id, format: 'markdown' });
    expect(docs.ok && docs.value.text).toMatch(/Get IP Reputation/);
  });
});
