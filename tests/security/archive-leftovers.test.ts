/** A save that dies mid-write leaves `.<name>.<12 hex>.tmp` beside the file (workspace/atomic-write.ts): half a
 * file, possibly half a secret. It never goes into a package, the recommended ignores keep it out of git,
 * and cleanLeftovers removes stale ones, with import's and the extraction's stale staging folders, at start. */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitService } from '../../src/main/services/git/git-service';
import { GITIGNORE } from '../../src/main/services/git/repo-files';
import { newRepo, put, sh } from '../../src/main/services/git/test-repos';
import { cleanLeftovers } from '../../src/main/services/packaging/leftovers';
import { packageConnector } from '../../src/main/services/packaging/package';
import { atomicTempPath } from '../../src/main/services/workspace/atomic-write';
import { SAMPLE_NAME } from '../helpers/hostile-connector';
import { SAMPLE_PROJECT, tmpDir } from '../helpers/tmp';

/** What a save killed mid-write leaves: writeFileAtomic's own temp file for `target`, holding half the text. */
async function interruptedSave(target: string): Promise<string> {
  const tmp = atomicTempPath(target);
  expect(path.basename(tmp)).toMatch(/^\..+\.[0-9a-f]{12}\.tmp$/);
  await writeFile(tmp, '{"name": "half a sav');
  return tmp;
}

async function sampleConnector(): Promise<string> {
  const dir = path.join(await tmpDir('cs-leftover-pkg-'), SAMPLE_NAME);
  await cp(path.join(SAMPLE_PROJECT, SAMPLE_NAME), dir, { recursive: true });
  return dir;
}

describe('the temp file of an interrupted save', () => {
  it('is never packaged, whatever the exclude list', async () => {
    const dir = await sampleConnector();
    const leftovers = [await interruptedSave(path.join(dir, 'info.json')), await interruptedSave(path.join(dir, 'images', 'small.png'))];
    const rels = leftovers.map((p) => path.relative(dir, p).split(path.sep).join('/'));
    for (const opts of [{}, { onlyExclude: [] }]) {
      const r = await packageConnector(dir, { force: true, out: path.join(path.dirname(dir), `out-${Object.keys(opts).length}.tgz`), ...opts });
      for (const rel of rels) expect(r.entries).not.toContain(`${SAMPLE_NAME}/${rel}`);
      expect(r.entries).toContain(`${SAMPLE_NAME}/info.json`);
    }
  });

  it('is ignored by the .gitignore a new repository gets', async () => {
    const repo = await newRepo({ '.gitignore': GITIGNORE, 'info.json': '{}\n' });
    await interruptedSave(path.join(repo, 'info.json'));
    await put(repo, 'images/icon.png', 'png');
    await interruptedSave(path.join(repo, 'images', 'icon.png'));
    expect(sh(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('?? images/icon.png');
  });

  it("is a recommended ignore a repository's own .gitignore lacks, and adding the recommended lines covers it", async () => {
    const git = createGitService(() => 'git');
    const repo = await newRepo({ '.gitignore': '__pycache__/\n*.pyc\n.venv/\nvenv/\n.fortisoar/\n.connector-studio/\n', 'info.json': '{}\n' });
    expect((await git.ignoreCheck(repo)).missingIgnores).toEqual(['.*.tmp']);
    const temp = path.basename(await interruptedSave(path.join(repo, 'info.json')));
    expect(sh(repo, 'status', '--porcelain')).toBe(`?? ${temp}`);
    expect((await git.addRecommendedIgnores(repo)).missingIgnores).toEqual([]);
    expect(sh(repo, 'status', '--porcelain')).toBe('M .gitignore');
  });
});

const HOUR_AGO = new Date(Date.now() - 60 * 60 * 1000);
async function stale(p: string): Promise<string> {
  await utimes(p, HOUR_AGO, HOUR_AGO);
  return p;
}
async function staleFile(p: string): Promise<string> {
  await writeFile(p, 'keep');
  return stale(p);
}

describe('cleanLeftovers', () => {
  it('removes stale interrupted saves and staging folders, and nothing else', async () => {
    const base = await tmpDir('cs-leftovers-');
    const ws = path.join(base, 'workspace');
    const tmp = path.join(base, 'tmp');
    const outside = path.join(base, 'outside-project');
    const project = path.join(ws, 'connector-acme', 'acme');
    await mkdir(path.join(project, 'images'), { recursive: true });
    await mkdir(path.join(project, '.venv', 'lib'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await mkdir(tmp);
    await writeFile(path.join(project, 'info.json'), '{}');
    await writeFile(path.join(project, 'images', 'icon.png'), 'png');
    await writeFile(path.join(outside, 'info.json'), '{}');

    const gone = [
      await stale(await interruptedSave(path.join(project, 'info.json'))),
      await stale(await interruptedSave(path.join(project, 'images', 'icon.png'))),
      await stale(await interruptedSave(path.join(outside, 'info.json'))),
    ];
    const stagedFolder = async (p: string, old: boolean) => {
      await mkdir(path.join(p, 'cs-extract-Q1w2E3', 'acme'), { recursive: true });
      await writeFile(path.join(p, 'cs-extract-Q1w2E3', 'acme', 'info.json'), '{}');
      return old ? stale(p) : p;
    };
    gone.push(
      await stagedFolder(path.join(ws, '.import-Ab12Cd'), true),
      await stagedFolder(path.join(ws, '.connector-copy.1a2b3c4d.tmp'), true),
      await stagedFolder(path.join(tmp, 'cs-extract-Xy12Zw'), true),
      await stagedFolder(path.join(tmp, 'cs-import-Mn34Op'), true),
    );

    const kept = [
      await interruptedSave(path.join(project, 'info.json')), // recent: maybe another window is saving it now
      await stagedFolder(path.join(ws, '.import-Zz99Yy'), false), // an import under way
      await stagedFolder(path.join(ws, '.acme.replaced-0a1b2c3d'), true), // after a crash: the only copy
      await stagedFolder(path.join(tmp, 'other-app-Ab12Cd'), true), // not ours
      await staleFile(path.join(project, '.venv', 'lib', '.site.py.0123456789ab.tmp')), // a virtualenv is not walked
      await staleFile(path.join(project, '.notes.tmp')), // not an atomic-write name
      await staleFile(path.join(project, 'report.0123456789ab.tmp')),
    ];
    // A link with a temp file's name, pointing out of the project: neither followed nor removed.
    const target = path.join(base, 'precious.txt');
    await writeFile(target, 'precious');
    const link = path.join(project, '.link.0123456789ab.tmp');
    await symlink(target, link);

    const r = await cleanLeftovers({ workspaceRoot: ws, projectDirs: [outside], tempDir: tmp });
    expect(r.failed).toEqual([]);
    expect([...r.removed].sort()).toEqual([...gone].sort());
    for (const p of gone) expect(existsSync(p), p).toBe(false);
    for (const p of [...kept, link]) expect(existsSync(p), p).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readFile(path.join(project, 'info.json'), 'utf8')).toBe('{}');

    // A second run finds nothing more.
    expect(await cleanLeftovers({ workspaceRoot: ws, projectDirs: [outside], tempDir: tmp })).toEqual({ removed: [], failed: [] });
  });
});

describe('the app at start', () => {
  it('removes a stale interrupted save from a project in the workspace, and keeps a fresh one', async () => {
    const { createServices } = await import('../../src/main/services/index');
    const { REPO_ROOT, sampleWorkspace } = await import('../helpers/tmp');
    const workspace = await sampleWorkspace();
    const connector = path.join(workspace, 'connector-sample-threat-intel', SAMPLE_NAME);
    const stale = await interruptedSave(path.join(connector, 'info.json'));
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(stale, old, old);
    const fresh = await interruptedSave(path.join(connector, 'connector.py'));
    const s = await createServices({ userDataDir: await tmpDir('cs-data-'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
    try {
      const r = await s.leftoversCleaned;
      expect(r.removed).toContain(stale);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
    } finally {
      await s.dispose();
    }
  });
});
