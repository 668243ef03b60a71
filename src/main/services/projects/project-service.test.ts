import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT, tmpDir } from '../../../../tests/helpers/tmp';
import { createGitService } from '../git/git-service';
import { createSettingsService } from '../settings/settings-service';
import { createProjectService } from './project-service';
import { defined } from '../../../../tests/helpers/defined';

async function setup() {
  const ws = await tmpDir('cs-ws-');
  const data = await tmpDir('cs-data-');
  const settings = createSettingsService({ userDataDir: data, defaultWorkspace: ws });
  const projects = createProjectService({ settings, git: createGitService(() => 'git'), moveToTrash: async () => true });
  return { ws, settings, projects };
}

describe('project service', () => {
  it('finds repository-layout and bare connector projects in the workspace', async () => {
    const { ws, projects } = await setup();
    await cp(SAMPLE_PROJECT, path.join(ws, 'connector-sample-threat-intel'), { recursive: true });
    await mkdir(path.join(ws, 'bare'));
    await writeFile(path.join(ws, 'bare', 'info.json'), '{"name":"bare","label":"Bare","version":"1.0.0"}');
    await mkdir(path.join(ws, 'not-a-connector'));
    const list = await projects.list();
    expect(list.map((p) => [p.name, p.connectorRel, p.version]).sort()).toEqual([
      ['bare', '', '1.0.0'],
      ['sample-threat-intel', 'sample-threat-intel', '1.0.0'],
    ]);
    const sample = list.find((p) => p.name === 'sample-threat-intel')!;
    expect(sample.label).toBe('Sample Threat Intel');
    expect(sample.iconDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(sample.git).toBe('none');
  });

  it('reports a project with a malformed info.json instead of hiding it', async () => {
    const { ws, projects } = await setup();
    await mkdir(path.join(ws, 'broken'));
    await writeFile(path.join(ws, 'broken', 'info.json'), '{ not json');
    const p = defined((await projects.list())[0], 'the sample project');
    expect(p.problem).toMatch(/info.json cannot be read/);
  });

  it('registers a folder opened from outside the workspace and remembers it', async () => {
    const { projects, settings } = await setup();
    const outside = await tmpDir();
    await cp(SAMPLE_PROJECT, outside, { recursive: true });
    const p = await projects.open(outside);
    expect(p.inWorkspace).toBe(false);
    expect((await settings.get()).extraProjects).toEqual([outside]);
    expect((await projects.list()).map((x) => x.id)).toContain(p.id);
    expect(await projects.connectorDirOf(p.id)).toBe(path.join(outside, 'sample-threat-intel'));
  });

  it('refuses a folder holding several connectors instead of opening the first', async () => {
    const { projects } = await setup();
    const root = await tmpDir();
    for (const name of ['zeta', 'acme']) {
      await mkdir(path.join(root, name));
      await writeFile(path.join(root, name, 'info.json'), `{"name":"${name}","version":"1.0.0"}`);
    }
    await expect(projects.open(root)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('several connectors (acme, zeta): open the one you mean') });
    expect((await projects.open(path.join(root, 'zeta'))).connectorRel).toBe('');
  });

  it('explains a folder without a connector', async () => {
    const { projects } = await setup();
    await expect(projects.open(await tmpDir())).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(projects.open('relative/path')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
