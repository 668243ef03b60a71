import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitService } from '../git/git-service';
import { createProject } from './scaffold';
import { defaultAnswers, loadTemplate } from './templates';
import { addReleaseNotesSection, addVersion, bumpVersion, nextVersion } from './version';

const run = promisify(execFile);
const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');
const git = createGitService(() => 'git');

describe('nextVersion and bumpVersion', () => {
  it.each([
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['0.0.9', 'patch', '0.0.10'],
  ] as const)('%s + %s = %s', (from, level, to) => expect(nextVersion(from, level)).toBe(to));

  it('refuses a version that is not x.y.z', () => {
    expect(() => nextVersion('1.0', 'patch')).toThrow(/not x\.y\.z/);
  });

  it('changes only the version in the text, keeping tabs, key order and comments-free formatting', () => {
    const text = '{\n\t"name": "acme",   "version": "1.4.2",\n\t"x": [1,2]\n}\n';
    expect(bumpVersion(text, 'minor')).toEqual({ text: '{\n\t"name": "acme",   "version": "1.5.0",\n\t"x": [1,2]\n}\n', from: '1.4.2', to: '1.5.0' });
  });

  it('opens a release-notes section on top', () => {
    expect(addReleaseNotesSection("# What's new in 1.0.0\n\n- First.\n", '1.1.0')).toBe(
      "# What's new in 1.1.0\n\n- Describe the changes in this version.\n\n# What's new in 1.0.0\n\n- First.\n",
    );
    expect(addReleaseNotesSection('', '2.0.0')).toBe("# What's new in 2.0.0\n\n- Describe the changes in this version.\n");
  });
});

describe('addVersion', () => {
  let work: string;
  let root: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'version-test-'));
    const answers = defaultAnswers(await loadTemplate(TEMPLATES, 'blank'), 'acme', { publisher: 'Acme' });
    root = (await createProject(answers, { workspaceRoot: work, templatesDir: TEMPLATES, git })).projectRoot;
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it('tags the current version, bumps info.json, opens release notes and commits', async () => {
    const r = await addVersion(root, 'minor', { git });
    expect(r).toMatchObject({ from: '1.0.0', to: '1.1.0', tag: 'v1.0.0' });
    const info = JSON.parse(await readFile(path.join(root, 'acme', 'info.json'), 'utf8'));
    expect(info.version).toBe('1.1.0');
    expect(await readFile(path.join(root, 'acme', 'release_notes.md'), 'utf8')).toMatch(/^# What's new in 1\.1\.0\n/);
    const log = (await run('git', ['log', '--format=%s'], { cwd: root })).stdout.trim().split('\n');
    expect(log[0]).toBe('Start version 1.1.0');
    const tagged = (await run('git', ['show', 'v1.0.0:acme/info.json'], { cwd: root })).stdout;
    expect(JSON.parse(tagged).version).toBe('1.0.0');
    await expect(addVersion(root, 'patch', { git })).resolves.toMatchObject({ tag: 'v1.1.0', to: '1.1.1' });
  });

  it('refuses while there are uncommitted changes', async () => {
    await writeFile(path.join(root, 'acme', 'utils.py'), '# edited\n');
    await expect(addVersion(root, 'patch', { git })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await run('git', ['tag'], { cwd: root })).stdout).toBe('');
  });
});
