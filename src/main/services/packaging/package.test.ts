import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { list, type ReadEntry } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../connector/scaffold';
import { defaultAnswers, loadTemplate } from '../connector/templates';
import { createGitService } from '../git/git-service';
import { createValidateService } from '../validate';
import { PACKAGE_MTIME, packageConnector, throttleProgress } from './package';

const run = promisify(execFile);
const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');
const validate = createValidateService();

const GOLDEN = [
  'acme-intel/',
  'acme-intel/connector.py',
  'acme-intel/constants.py',
  'acme-intel/images/',
  'acme-intel/images/large.png',
  'acme-intel/images/small.png',
  'acme-intel/info.json',
  'acme-intel/operations.py',
  'acme-intel/playbooks/',
  'acme-intel/playbooks/playbooks.json',
  'acme-intel/release_notes.md',
  'acme-intel/requirements.txt',
  'acme-intel/utils.py',
];

/** What real connector folders carry and a package must leave out. */
const STRAYS: Record<string, string> = {
  '.DS_Store': 'x',
  'images/.DS_Store': 'x',
  '.idea/workspace.xml': '<x/>',
  '__pycache__/operations.cpython-311.pyc': 'x',
  'utils.pyc': 'x',
  '.fortisoar/configs.json': '{"api_key": "secret"}',
  '.venv/pyvenv.cfg': 'home = /usr',
  'venv/lib/site.py': 'x',
  'my-env/pyvenv.cfg': 'home = /usr',
  'my-env/lib/x.py': 'x',
  'tests/test_operations.py': 'x',
  'test/data.json': '{}',
  'conftest.py': 'x',
  '.git/HEAD': 'ref: refs/heads/main',
};

let work: string;
let project: string;
let connectorDir: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'package-test-'));
  const answers = defaultAnswers(await loadTemplate(TEMPLATES, 'threat-intelligence'), 'acme-intel', { publisher: 'Acme' });
  const p = await createProject(answers, { workspaceRoot: work, templatesDir: TEMPLATES, git: createGitService(() => 'git') });
  project = p.projectRoot;
  connectorDir = p.connectorDir;
  for (const [rel, text] of Object.entries(STRAYS)) {
    await mkdir(path.dirname(path.join(connectorDir, rel)), { recursive: true });
    await writeFile(path.join(connectorDir, rel), text);
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function entries(file: string): Promise<ReadEntry[]> {
  const out: ReadEntry[] = [];
  await list({ file, onReadEntry: (e) => void out.push(e) });
  return out;
}

describe('packageConnector', () => {
  it('writes exactly the golden entry list under one top-level folder, beside the connector by default', async () => {
    const r = await packageConnector(project, { validate });
    expect(r.file).toBe(path.join(project, 'acme-intel-1.0.0.tgz'));
    expect(r.entries).toEqual(GOLDEN);
    expect((await entries(r.file)).map((e) => e.path)).toEqual(GOLDEN);
    expect(r.report?.summary.errors).toBe(0);
  });

  it('is byte-identical for identical input, whatever the files\' times and modes', async () => {
    const a = await packageConnector(connectorDir, { validate, out: path.join(work, 'a.tgz') });
    await utimes(path.join(connectorDir, 'utils.py'), new Date(2011, 1, 1), new Date(2011, 1, 1));
    await chmod(path.join(connectorDir, 'operations.py'), 0o755);
    const b = await packageConnector(connectorDir, { validate, out: path.join(work, 'b.tgz') });
    await chmod(path.join(connectorDir, 'operations.py'), 0o644);
    expect((await readFile(a.file)).equals(await readFile(b.file))).toBe(true);
  });

  it('reports progress for every entry, folder first, ending at the total', async () => {
    const calls: [number, number][] = [];
    const r = await packageConnector(connectorDir, { validate, out: path.join(work, 'p.tgz'), onProgress: (done, total) => void calls.push([done, total]) });
    expect(calls).toEqual(r.entries.map((_, i) => [i + 1, r.entries.length]));
  });

  it('throttles progress to one call per percent, always the first and the last', () => {
    const seen: number[] = [];
    const report = throttleProgress((done) => void seen.push(done));
    for (let i = 1; i <= 1000; i++) report(i, 1000);
    expect(seen.length).toBe(101);
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(1000);
    const few: number[] = [];
    const small = throttleProgress((done) => void few.push(done));
    for (let i = 1; i <= 3; i++) small(i, 3);
    expect(few).toEqual([1, 2, 3]);
  });

  it('normalises headers: modes 0644/0755, no owners, a fixed mtime, a fixed gzip header', async () => {
    const { file } = await packageConnector(connectorDir, { validate, out: path.join(work, 'h.tgz') });
    for (const e of await entries(file)) {
      expect(e.mode).toBe(e.type === 'Directory' ? 0o755 : 0o644);
      expect([e.uid ?? 0, e.gid ?? 0, e.uname ?? '', e.gname ?? '']).toEqual([0, 0, '', '']);
      if (e.type === 'File') expect(e.mtime?.getTime()).toBe(PACKAGE_MTIME.getTime());
    }
    const bytes = await readFile(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.readUInt32LE(4)).toBe(0); // gzip mtime
    expect(bytes[9]).toBe(255); // OS byte: "unknown", the same on every platform
  });

  it('extracts with the system tar to the same bytes as the source', async () => {
    const { file } = await packageConnector(connectorDir, { validate, out: path.join(work, 'x.tgz') });
    const out = path.join(work, 'extracted');
    await mkdir(out);
    await run('tar', ['xzf', file, '-C', out]);
    expect(await readdir(out)).toEqual(['acme-intel']);
    for (const rel of GOLDEN.filter((p) => !p.endsWith('/')))
      expect((await readFile(path.join(out, rel))).equals(await readFile(path.join(connectorDir, rel.slice('acme-intel/'.length))))).toBe(true);
  });

  it('takes about as long as tar czf of the same folder (logged)', async () => {
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    const ours: number[] = [];
    const tar: number[] = [];
    for (let i = 0; i < 5; i++) {
      ours.push(await time(() => packageConnector(connectorDir, { force: true, out: path.join(work, 't1.tgz') })));
      tar.push(await time(() => run('tar', ['czf', path.join(work, 't2.tgz'), '-C', project, 'acme-intel'])));
    }
    const best = (xs: number[]) => Math.min(...xs);
    console.log(`package ${best(ours).toFixed(1)} ms, tar czf ${best(tar).toFixed(1)} ms (best of 5, ratio ${(best(ours) / best(tar)).toFixed(2)}); npm run bench measures it properly`);
    expect(best(ours)).toBeGreaterThan(0);
  });

  it('applies extra exclusions and never packs its own output', async () => {
    const out = path.join(connectorDir, 'self.tgz');
    await packageConnector(connectorDir, { validate, out });
    const r = await packageConnector(connectorDir, { validate, out, exclude: ['*.md'] });
    expect(r.entries).not.toContain('acme-intel/release_notes.md');
    expect(r.entries).not.toContain('acme-intel/self.tgz');
    await rm(out);
  });

  it('refuses while validation reports errors, saying which, and writes nothing; force packages anyway', async () => {
    const dir = path.join(work, 'broken', 'acme-intel');
    await cp(connectorDir, dir, { recursive: true });
    const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
    info.version = 'one';
    await writeFile(path.join(dir, 'info.json'), JSON.stringify(info));
    const out = path.join(work, 'broken.tgz');
    const e = (await packageConnector(dir, { validate, out }).then(() => undefined, (x: unknown) => x)) as { code: string; message: string };
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/Not packaged: validation found \d+ error\(s\)\.\n {2}info\.json \/version: .*\[version-format\]/);
    await expect(readFile(out)).rejects.toThrow();
    await expect(packageConnector(dir, { force: true, out })).resolves.toMatchObject({ name: 'acme-intel', version: 'one' });
  });

  it('refuses a symbolic link in the folder', async () => {
    const dir = path.join(work, 'linked', 'acme-intel');
    await cp(connectorDir, dir, { recursive: true });
    await symlink('/etc/passwd', path.join(dir, 'passwd'));
    await expect(packageConnector(dir, { force: true, out: path.join(work, 'l.tgz') })).rejects.toMatchObject({ code: 'PACKAGING', message: expect.stringMatching(/passwd is a symbolic link/) });
  });

  it('refuses a folder that is not a connector', async () => {
    await expect(packageConnector(path.join(work, 'nowhere'), { validate })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
