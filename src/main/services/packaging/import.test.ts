import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawTgz, type RawEntry } from '../../../../tests/helpers/raw-tar';
import { createProject } from '../connector/scaffold';
import { defaultAnswers, loadTemplate } from '../connector/templates';
import { createGitService } from '../git/git-service';
import { importArchive } from './import';
import { packageConnector } from './package';

const TEMPLATES = path.resolve(__dirname, '../../../../resources/templates');

let work: string;
let into: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'import-test-'));
  into = path.join(work, 'workspace');
  await mkdir(into);
  await writeFile(path.join(work, 'outside.txt'), 'untouched');
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function packaged(): Promise<{ tgz: string; source: string }> {
  const answers = defaultAnswers(await loadTemplate(TEMPLATES, 'email'), 'acme-mail', { publisher: 'Acme' });
  const p = await createProject(answers, { workspaceRoot: path.join(work, 'src'), templatesDir: TEMPLATES, git: createGitService(() => 'git') });
  const r = await packageConnector(p.connectorDir, { force: true, out: path.join(work, 'acme-mail.tgz') });
  return { tgz: r.file, source: p.connectorDir };
}

/** Everything under `dir` as relative paths, to prove nothing else was written. */
async function snapshot(dir: string): Promise<string[]> {
  return ((await readdir(dir, { recursive: true })) as string[]).sort();
}

describe('importArchive', () => {
  it('imports a package as <into>/<name>/ with the same bytes, leaving no staging folder', async () => {
    const { tgz, source } = await packaged();
    const r = await importArchive(tgz, { into });
    expect(r).toEqual({ dir: path.join(into, 'acme-mail'), name: 'acme-mail', version: '1.0.0', replaced: false, skipped: [], dropped: [], warnings: [] });
    expect(await readdir(into)).toEqual(['acme-mail']);
    for (const f of ['info.json', 'operations.py', 'images/large.png'])
      expect((await readFile(path.join(r.dir, f))).equals(await readFile(path.join(source, f)))).toBe(true);
  });

  it('refuses to overwrite an existing folder, leaving it untouched; replace swaps it', async () => {
    const { tgz } = await packaged();
    await mkdir(path.join(into, 'acme-mail'));
    await writeFile(path.join(into, 'acme-mail', 'mine.txt'), 'keep');
    const e = (await importArchive(tgz, { into }).then(() => undefined, (x: unknown) => x)) as { code: string; message: string; details: unknown };
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/acme-mail is already in the workspace/);
    expect(e.details).toMatchObject({ name: 'acme-mail', importedVersion: '1.0.0' });
    expect(await snapshot(into)).toEqual(['acme-mail', 'acme-mail/mine.txt']);

    const r = await importArchive(tgz, { into, replace: true });
    expect(r.replaced).toBe(true);
    expect(await readdir(into)).toEqual(['acme-mail']);
    expect(await readdir(r.dir)).not.toContain('mine.txt');
  });

  it('accepts an archive without directory entries, as real exports have', async () => {
    const tgz = path.join(work, 'nodirs.tgz');
    await writeFile(tgz, rawTgz([
      { name: 'plain/info.json', data: '{"name": "plain", "version": "2.0.0"}' },
      { name: 'plain/connector.py', data: '' },
    ]));
    await expect(importArchive(tgz, { into })).resolves.toMatchObject({ name: 'plain', version: '2.0.0' });
  });

  it('imports one folder with a stray top-level file, skipping it and saying so', async () => {
    const tgz = path.join(work, 'stray.tgz');
    await writeFile(tgz, rawTgz([
      { name: '._plain', data: Buffer.from([0, 5, 22, 7]) },
      { name: 'plain/info.json', data: '{"name": "plain", "version": "2.0.0"}' },
    ]));
    const r = await importArchive(tgz, { into });
    expect(r).toMatchObject({ name: 'plain', skipped: ['._plain'], warnings: [expect.stringMatching(/Skipped "\._plain"/)] });
    expect(await readdir(into)).toEqual(['plain']);
  });

  const hostile: [string, RawEntry[] | Buffer][] = [
    ['not gzip', Buffer.from('just text, not an archive')],
    ['gzip but not tar', gzipSync(Buffer.alloc(700, 7))],
    ['an absolute path', [{ name: '/tmp/evil/info.json', data: '{}' }]],
    ['a .. path', [{ name: 'x/../../outside.txt', data: 'owned' }]],
    ['a symlink out', [{ name: 'x/', type: '5' }, { name: 'x/link', type: '2', linkname: '../../outside.txt' }]],
    ['a hard link out', [{ name: 'x/', type: '5' }, { name: 'x/hard', type: '1', linkname: '../outside.txt' }]],
    ['a device file', [{ name: 'x/', type: '5' }, { name: 'x/dev', type: '3' }]],
    ['two top-level folders', [{ name: 'a/info.json', data: '{}' }, { name: 'b/info.json', data: '{}' }]],
    ['names colliding by case', [{ name: 'x/Info.json', data: '{}' }, { name: 'x/info.json', data: '{}' }]],
    ['a Windows-reserved name', [{ name: 'x/con.py', data: '' }]],
  ];

  it.each(hostile)('refuses an archive with %s, writing nothing anywhere', async (_, content) => {
    const tgz = path.join(work, 'hostile.tgz');
    await writeFile(tgz, Buffer.isBuffer(content) ? content : rawTgz(content));
    const before = await snapshot(work);
    await expect(importArchive(tgz, { into })).rejects.toMatchObject({ code: 'PACKAGING' });
    expect(await snapshot(work)).toEqual(before);
    expect(await readFile(path.join(work, 'outside.txt'), 'utf8')).toBe('untouched');
  });

  it('refuses a decompression bomb past the byte cap', async () => {
    const tgz = path.join(work, 'bomb.tgz');
    await writeFile(tgz, rawTgz([{ name: 'x/big.bin', data: Buffer.alloc(2 * 1024 * 1024) }]));
    await expect(importArchive(tgz, { into, maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'PACKAGING', message: expect.stringMatching(/more than/) });
    expect(await readdir(into)).toEqual([]);
  });

  it('refuses a missing archive', async () => {
    await expect(importArchive(path.join(work, 'nope.tgz'), { into })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
