/** Issue 6: virtual environments, __pycache__ and user data are ignored, cassettes are committed, in
 * repositories the app did not create (opened or cloned) too. Real repositories, git's own matcher. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitService } from './git-service';
import { GITIGNORE } from './repo-files';
import { RECOMMENDED_IGNORES } from './git-ignores';
import { newRepo, put, sh } from './test-repos';

const git = createGitService(() => 'git');
const ALL = RECOMMENDED_IGNORES.map((r) => r.line);

describe('recommended ignores', () => {
  it('the .gitignore git init writes covers all of them and keeps tests/cassettes committable', async () => {
    const dir = await newRepo({ '.gitignore': GITIGNORE, 'info.json': '{}\n' });
    expect(await git.ignoreCheck(dir)).toEqual({ missingIgnores: [], cassettesIgnored: false });
    await put(dir, 'tests/cassettes/check_health-ok.json', '{"interactions": []}\n');
    await put(dir, '__pycache__/utils.cpython-311.pyc', 'x');
    await put(dir, '.venv/pyvenv.cfg', 'home = /usr/bin\n');
    expect(sh(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('?? tests/cassettes/check_health-ok.json');
  });

  it('a repository with no .gitignore at all gets the recommended one on ensureIgnoreFile, once', async () => {
    const dir = await newRepo({ 'info.json': '{}\n' });
    expect((await git.ignoreCheck(dir)).missingIgnores).toEqual(ALL);
    expect(await git.ensureIgnoreFile(dir)).toBe(true);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(GITIGNORE);
    expect(await git.ensureIgnoreFile(dir)).toBe(false);
    expect((await git.changes(dir)).ignores).toEqual({ missingIgnores: [], cassettesIgnored: false });
  });

  it("leaves a repository's own .gitignore as it is; the panel's action appends only the missing lines", async () => {
    const own = '# ours\nnode_modules\n__pycache__\n*.log';
    const dir = await newRepo({ '.gitignore': own, 'info.json': '{}\n' });
    expect(await git.ensureIgnoreFile(dir)).toBe(false);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(own);
    // `__pycache__` without the slash counts: git's matcher decides.
    const missing = ALL.filter((l) => l !== '__pycache__/');
    expect((await git.changes(dir)).ignores).toEqual({ missingIgnores: missing, cassettesIgnored: false });
    expect(await git.addRecommendedIgnores(dir)).toEqual({ missingIgnores: [], cassettesIgnored: false });
    const text = await readFile(path.join(dir, '.gitignore'), 'utf8');
    expect(text.startsWith(`${own}\n`)).toBe(true);
    expect(text.slice(own.length + 1).split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(missing);
    // A second click adds nothing.
    await git.addRecommendedIgnores(dir);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(text);
  });

  it('says when a repository ignores its cassettes, and a parent repository counts for a project inside it', async () => {
    const repo = await newRepo({ '.gitignore': '*.json\n!info.json\n', 'connectors/x/info.json': '{}\n' });
    const project = path.join(repo, 'connectors', 'x');
    expect(await git.ensureIgnoreFile(project)).toBe(false);
    expect(await git.ignoreCheck(project)).toEqual({ missingIgnores: ALL, cassettesIgnored: true });
  });

  it('opening a project that is a repository without .gitignore adds it and says so in the summary', async () => {
    const { createProjectService } = await import('../projects/project-service');
    const dir = await newRepo({ 'info.json': JSON.stringify({ name: 'x', label: 'X', version: '1.0.0', operations: [] }) });
    const settings = { get: async () => ({ workspaceRoot: path.dirname(dir), extraProjects: [] as string[] }), update: async () => undefined };
    const projects = createProjectService({ settings: settings as never, git, moveToTrash: async () => false });
    const summary = await projects.open(dir);
    expect(summary.gitignoreAdded).toBe(true);
    expect((await projects.open(dir)).gitignoreAdded).toBeUndefined();
  });
});
