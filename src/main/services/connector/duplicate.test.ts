import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitService } from '../git/git-service';
import { packageConnector } from '../packaging/package';
import { duplicateConnector, renameInfo } from './duplicate';
import { createProject } from './scaffold';
import { defaultAnswers, loadTemplate } from './templates';

const run = promisify(execFile);
const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');
const git = createGitService(() => 'git');

let work: string;
let source: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'duplicate-test-'));
  const answers = defaultAnswers(await loadTemplate(TEMPLATES, 'threat-intelligence'), 'acme-intel', { publisher: 'Acme' });
  source = (await createProject(answers, { workspaceRoot: path.join(work, 'ws'), templatesDir: TEMPLATES, git })).connectorDir;
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('duplicateConnector', () => {
  it('copies a workspace connector under a new identity, into a new git project, leaving stray files behind', async () => {
    await mkdir(path.join(source, '__pycache__'));
    await writeFile(path.join(source, '__pycache__', 'x.pyc'), 'x');
    const r = await duplicateConnector(source, { name: 'my-intel', label: 'My Intel', version: '1.0.0' }, { workspaceRoot: path.join(work, 'ws'), git });
    expect(r.connectorDir).toBe(path.join(work, 'ws', 'connector-my-intel', 'my-intel'));
    const info = JSON.parse(await readFile(path.join(r.connectorDir, 'info.json'), 'utf8'));
    expect(info).toMatchObject({ name: 'my-intel', label: 'My Intel', version: '1.0.0' });
    expect((await readdir(r.connectorDir)).sort()).not.toContain('__pycache__');
    expect((await run('git', ['log', '--format=%s'], { cwd: r.projectRoot })).stdout.trim()).toBe('Duplicate acme-intel 1.0.0 as my-intel 1.0.0');
  });

  it('copies from an archive, and refuses an existing target', async () => {
    const tgz = (await packageConnector(source, { force: true, out: path.join(work, 'a.tgz') })).file;
    const r = await duplicateConnector(tgz, { name: 'copy', label: 'Copy', version: '2.0.0' }, { workspaceRoot: path.join(work, 'ws'), git });
    expect(JSON.parse(await readFile(path.join(r.connectorDir, 'info.json'), 'utf8')).version).toBe('2.0.0');
    await expect(duplicateConnector(tgz, { name: 'copy', label: 'Copy', version: '2.0.0' }, { workspaceRoot: path.join(work, 'ws'), git })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('drops a server export id and keeps the rest of the text', () => {
    const text = '{\n  "id": 12,\n  "name": "a",\n  "label": "A",\n  "version": "1.0.0",\n  "extra": true\n}\n';
    expect(renameInfo(text, { name: 'b', label: 'B', version: '1.1.0' })).toBe('{\n  "name": "b",\n  "label": "B",\n  "version": "1.1.0",\n  "extra": true\n}\n');
  });
});
