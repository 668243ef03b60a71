/** One import path, one conflict rule: a package whose info.json `name` is an existing project's is that connector,
 * whatever its folder is called. Without a mode the import stops (CONFLICT); 'replace' commits the package's files
 * as one new version of the project, history kept; 'copy' makes `<name>-2`. A replace needs a git identity, never
 * an invented one. Real services, real git, real files. */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Req, Res } from '../../../shared/ipc/contract';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices, type Services } from '..';
import { dispatch } from '../router';

const open: Services[] = [];
const savedEnv = { ...process.env };
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  for (const k of ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM']) if (savedEnv[k] === undefined) delete process.env[k];
  else process.env[k] = savedEnv[k];
});

async function start() {
  const userData = await tmpDir('cs-data-');
  const workspace = await tmpDir('cs-ws-');
  const s = await createServices({ userDataDir: userData, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
  open.push(s);
  return { s, workspace };
}

async function value<C extends Channel>(s: Services, c: C, req: Req<C>): Promise<Res<C>> {
  const r = await dispatch(s, c, req);
  if (!r.ok) throw Object.assign(new Error(`${c}: ${r.error.code} ${r.error.message}`), r.error);
  return r.value;
}

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

/** The sample as a package, then a later commit in the project: the package is an older version of it. */
async function sampleAndItsPackage(s: Services) {
  const [sample] = await s.projects.list();
  const pkg = await value(s, 'package.export', { projectId: sample!.id });
  const connectorDir = await s.projects.connectorDirOf(sample!.id);
  await writeFile(path.join(connectorDir, 'later.py'), '# written after the export\n');
  git(sample!.root, 'add', '-A');
  git(sample!.root, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'later work');
  return { sample: sample!, pkg, connectorDir };
}

describe('importing a connector that is already a project', () => {
  it('matches by info.json name, not folder: CONFLICT with both versions, and nothing changes', async () => {
    const { s, workspace } = await start();
    const { sample, pkg } = await sampleAndItsPackage(s);
    // The project's folder is connector-sample-threat-intel; the package's is sample-threat-intel.
    expect(path.basename(sample.root)).not.toBe(sample.name);
    const before = await readdir(workspace);
    const r = await dispatch(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.details).toMatchObject({ name: sample.name, existingVersion: sample.version, importedVersion: sample.version });
    expect(await readdir(workspace)).toEqual(before);
    expect((await s.projects.list()).filter((p) => p.name === sample.name)).toHaveLength(1);
  });

  it('replace: the project takes the package as one new commit, its history kept, other uncommitted work untouched', async () => {
    const { s } = await start();
    const { sample, pkg, connectorDir } = await sampleAndItsPackage(s);
    const commitsBefore = Number(git(sample.root, 'rev-list', '--count', 'HEAD'));
    // Uncommitted work outside the connector folder is the user's, not the import's.
    await writeFile(path.join(sample.root, 'README.md'), 'my notes, not committed\n');
    const r = await value(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64, mode: 'replace' });
    expect(r).toMatchObject({ id: sample.id, name: sample.name, replaced: true, sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(Number(git(sample.root, 'rev-list', '--count', 'HEAD'))).toBe(commitsBefore + 1);
    expect(git(sample.root, 'log', '-1', '--format=%s')).toMatch(/^Replace sample-threat-intel .* from /);
    expect(git(sample.root, 'show', '--name-status', '--format=', 'HEAD')).toBe(`D\t${sample.connectorRel}/later.py`);
    expect(git(sample.root, 'status', '--porcelain')).toBe('M README.md');
    expect(await readdir(connectorDir)).not.toContain('later.py');
    const names = (await s.projects.list()).map((p) => p.name);
    expect(names.filter((n) => n === sample.name)).toHaveLength(1);
  });

  it('replace with the very same files: nothing to commit, so no commit, and no failure', async () => {
    const { s } = await start();
    const [sample] = await s.projects.list();
    const pkg = await value(s, 'package.export', { projectId: sample!.id });
    const head = git(sample!.root, 'rev-parse', 'HEAD');
    const r = await value(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64, mode: 'replace' });
    expect(r.replaced).toBe(true);
    expect(r.sha).toBeUndefined();
    expect(git(sample!.root, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('copy: a separate project <name>-2, its info.json renamed, so Home shows two different connectors', async () => {
    const { s, workspace } = await start();
    const { sample, pkg } = await sampleAndItsPackage(s);
    const r = await value(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64, mode: 'copy' });
    expect(r).toMatchObject({ name: `${sample.name}-2`, copyOf: sample.name, replaced: false, root: path.join(workspace, `${sample.name}-2`) });
    const info = JSON.parse(await readFile(path.join(r.root, 'info.json'), 'utf8')) as { name: string; label: string };
    expect(info).toMatchObject({ name: `${sample.name}-2`, label: `${sample.label} (copy)` });
    const again = await value(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64, mode: 'copy' });
    expect(again.name).toBe(`${sample.name}-3`);
    expect((await s.projects.list()).map((p) => p.name).sort()).toEqual([sample.name, `${sample.name}-2`, `${sample.name}-3`]);
  });

  it('replace without a git identity is refused before any file moves; with one set in Settings it commits as that person', async () => {
    const home = await tmpDir('cs-gitconfig-');
    process.env.GIT_CONFIG_GLOBAL = path.join(home, '.gitconfig');
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    await writeFile(process.env.GIT_CONFIG_GLOBAL, '');
    const { s } = await start();
    const [sample] = await s.projects.list();
    // No identity on first start: the sample is a repository with its files staged, no commit invented.
    expect(git(sample!.root, 'status', '--porcelain').split('\n').every((l) => l.startsWith('A '))).toBe(true);
    expect(() => git(sample!.root, 'rev-parse', '--verify', '--quiet', 'HEAD')).toThrow();
    const pkg = await value(s, 'package.export', { projectId: sample!.id });
    const connectorDir = await s.projects.connectorDirOf(sample!.id);
    await writeFile(path.join(connectorDir, 'mine.py'), 'x = 1\n');

    const refused = await dispatch(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64, mode: 'replace' });
    expect(refused.ok ? 'OK' : [refused.error.code, refused.error.details]).toEqual(['GIT', { needs: 'gitIdentity' }]);
    expect(await readdir(connectorDir)).toContain('mine.py');
    expect(await value(s, 'git.identity', {})).toBeNull();

    await expect(dispatch(s, 'git.setIdentity', { name: 'Ada <x>', email: 'ada@example.com' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await value(s, 'git.setIdentity', { name: 'Ada Lovelace', email: 'ada@example.com' })).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(await readFile(process.env.GIT_CONFIG_GLOBAL, 'utf8')).toMatch(/name = Ada Lovelace[\s\S]*email = ada@example.com/);
    expect(await value(s, 'git.identity', {})).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });

    const r = await value(s, 'package.import', { fileName: pkg.fileName, base64: pkg.base64, mode: 'replace' });
    expect(r.replaced).toBe(true);
    expect(git(sample!.root, 'log', '-1', '--format=%an <%ae>')).toBe('Ada Lovelace <ada@example.com>');
    expect(await readdir(connectorDir)).not.toContain('mine.py');
  });
});
