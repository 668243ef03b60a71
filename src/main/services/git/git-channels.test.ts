import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices, type Services } from '../index';
import { dispatch } from '../router';
import { defined } from '../../../../tests/helpers/defined';

const open: Services[] = [];
afterEach(async () => void (await Promise.all(open.splice(0).map((s) => s.dispose()))));

async function setup() {
  const workspace = await sampleWorkspace();
  const s = await createServices({ userDataDir: await tmpDir('cs-data-'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
  open.push(s);
  return { s, workspace };
}

describe('git channels through the router', () => {
  it('clones a repository into the workspace with progress events and opens it as a project', async () => {
    const { s, workspace } = await setup();
    const source = path.join(workspace, 'connector-sample-threat-intel');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: source });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], { cwd: source });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init'], { cwd: source });
    const progress: string[] = [];
    s.events.subscribe((name, p) => name === 'progress.updated' && progress.push((p as { id: string }).id));
    const r = await dispatch(s, 'git.clone', { url: source, name: 'cloned-copy' });
    expect(r.ok && r.value.name).toBe('sample-threat-intel');
    expect(r.ok && r.value.root).toBe(path.join(workspace, 'cloned-copy'));
    expect(progress).toContain('git:clone:cloned-copy');
    const refused = await dispatch(s, 'git.clone', { url: source, name: '..' });
    expect(refused.ok).toBe(false);
  });

  it('stages, commits, and compares the working tree with the last version tag', async () => {
    const { s, workspace } = await setup();
    const p = defined((await s.projects.list())[0], 'the sample project');
    await dispatch(s, 'git.init', { projectId: p.id });
    await dispatch(s, 'git.commitAll', { projectId: p.id, message: 'first' });
    await dispatch(s, 'git.createTag', { projectId: p.id, name: 'v1.0.0', message: 'v1.0.0' });
    const info = path.join(workspace, 'connector-sample-threat-intel', 'sample-threat-intel', 'info.json');
    const json = JSON.parse(execFileSync('cat', [info], { encoding: 'utf8' }));
    json.operations.pop();
    await writeFile(info, JSON.stringify(json, null, 2));
    const changes = await dispatch(s, 'git.changes', { projectId: p.id });
    expect(changes.ok && changes.value.unstaged.map((c) => c.relPath)).toEqual(['sample-threat-intel/info.json']);
    const report = await dispatch(s, 'versions.compare', { projectId: p.id });
    expect(report.ok && report.value.breaking).toBe(true);
    expect(report.ok && report.value.suggestedVersion).toBe('2.0.0');
  });
});
